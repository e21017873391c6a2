import { adapterPorts } from "@confide/core";
import type { AdapterDescriptor, AdapterPort, AdapterPortTypes } from "@confide/core/ports";
import { bedrockDescriptor } from "@confide/adapters-aws/bedrock";
import { comprehendDescriptor } from "@confide/adapters-aws/comprehend";
import { s3Descriptor } from "@confide/adapters-aws/s3";
import { transcribeDescriptor } from "@confide/adapters-aws/transcribe";
import { transcribeStreamingDescriptor } from "@confide/adapters-aws/transcribe-streaming";
import { azureBlobDescriptor } from "@confide/adapters-azure/azure-blob";
import { azureLiveSpeechDescriptor } from "@confide/adapters-azure/azure-live-speech";
import { azureOpenAiDescriptor } from "@confide/adapters-azure/azure-openai";
import { azureSpeechDescriptor } from "@confide/adapters-azure/azure-speech";
import { azureTextAnalyticsDescriptor } from "@confide/adapters-azure/azure-text-analytics";
import { cosmosDescriptor } from "@confide/adapters-azure/cosmos";
import { fcmDescriptor } from "@confide/adapters-google/fcm";
import { openAiNotesDescriptor } from "@confide/adapters-openai/openai-notes";
import { bullMqDescriptor } from "@confide/adapters-local/bullmq";
import { embeddedDiarizerDescriptor } from "@confide/adapters-local/embedded-diarizer";
import { noDiarizerDescriptor } from "@confide/adapters-local/no-diarizer";
import { embeddedNotesDescriptor } from "@confide/adapters-local/embedded-notes";
import { embeddedRiskScreenDescriptor } from "@confide/adapters-local/embedded-risk-screen";
import { encoderRiskScreenDescriptor } from "@confide/adapters-local/encoder-risk-screen";
import { filesystemDescriptor } from "@confide/adapters-local/filesystem";
import { inProcessEventsDescriptor } from "@confide/adapters-local/in-process-events";
import { instantLiveDescriptor } from "@confide/adapters-local/instant-live";
import { noLiveDescriptor } from "@confide/adapters-local/no-live";
import { pocketSphinxLiveDescriptor } from "@confide/adapters-local/pocketsphinx-live";
import { whisperLiveDescriptor } from "@confide/adapters-local/whisper-live";
import { voskLiveDescriptor } from "@confide/adapters-local/vosk-live";
import { embeddedAgendaDescriptor } from "@confide/adapters-local/embedded-agenda";
import { inProcessQueueDescriptor } from "@confide/adapters-local/in-process-queue";
import { logPushDescriptor } from "@confide/adapters-local/log-push";
import { pgliteDescriptor } from "@confide/adapters-local/pglite";
import { pocketSphinxDescriptor } from "@confide/adapters-local/pocketsphinx";
import { postgresDescriptor } from "@confide/adapters-local/postgres";
import { redisEventsDescriptor } from "@confide/adapters-local/redis-events";
import { vaderDescriptor } from "@confide/adapters-local/vader";
import { whisperDescriptor } from "@confide/adapters-local/whisper";
import type { z } from "zod";

/** A descriptor as this host uses it: an adapter of port `P`, its settings an object schema of zod. */
export interface RegisteredAdapter<P extends AdapterPort = AdapterPort>
  // `any` settings: each descriptor types its own; the host hands over what its schema parsed.
  extends AdapterDescriptor<AdapterPortTypes[P], any> {
  readonly port: P;
  readonly settings: z.ZodObject;
}

/**
 * Every adapter this build can run, each naming its port; within a port, the order is the one
 * the configuration table and error messages list. Importing a descriptor loads its settings
 * schema only; its module and SDK load when it is chosen. Adding an adapter is one line here
 * (docs/contributing/adding-an-adapter.md).
 */
const registered: ReadonlyArray<{ [P in AdapterPort]: RegisteredAdapter<P> }[AdapterPort]> = [
  pgliteDescriptor,
  postgresDescriptor,
  cosmosDescriptor,
  filesystemDescriptor,
  s3Descriptor,
  azureBlobDescriptor,
  pocketSphinxDescriptor,
  whisperDescriptor,
  transcribeDescriptor,
  azureSpeechDescriptor,
  vaderDescriptor,
  azureTextAnalyticsDescriptor,
  comprehendDescriptor,
  inProcessQueueDescriptor,
  bullMqDescriptor,
  logPushDescriptor,
  fcmDescriptor,
  inProcessEventsDescriptor,
  redisEventsDescriptor,
  embeddedNotesDescriptor,
  openAiNotesDescriptor,
  azureOpenAiDescriptor,
  bedrockDescriptor,
  embeddedRiskScreenDescriptor,
  encoderRiskScreenDescriptor,
  noLiveDescriptor,
  instantLiveDescriptor,
  pocketSphinxLiveDescriptor,
  whisperLiveDescriptor,
  voskLiveDescriptor,
  azureLiveSpeechDescriptor,
  transcribeStreamingDescriptor,
  embeddedAgendaDescriptor,
  embeddedDiarizerDescriptor,
  noDiarizerDescriptor,
];

/** The registered adapters per port (core's port list), in registration order. */
export const adapterRegistry = Object.fromEntries(
  adapterPorts.map((port) => [port, registered.filter((adapter) => adapter.port === port)]),
) as unknown as { readonly [P in AdapterPort]: ReadonlyArray<RegisteredAdapter<P>> };

/** Every port, in the order the host creates them and reports their configuration problems (core's list). */
export { adapterPorts };

/** The names of the adapters registered for `port`, in registry order. */
export function adapterNames(port: AdapterPort): string[] {
  return adapterRegistry[port].map((adapter) => adapter.name);
}

/** The adapter registered for `port` under `name`, if any. */
export function findAdapter<P extends AdapterPort>(port: P, name: string): RegisteredAdapter<P> | undefined {
  const registered: ReadonlyArray<RegisteredAdapter<P>> = adapterRegistry[port];
  return registered.find((adapter) => adapter.name === name);
}
