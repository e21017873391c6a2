/**
 * `@confide/adapters-local`: every provider's descriptor (the host's registry lists them), each
 * also on its own subpath (`@confide/adapters-local/postgres`). A descriptor loads its settings
 * schema only; its adapter module and SDK load when it is chosen. Factories for composing by hand:
 * `./providers`; the host's platform helpers (backup archive, keyring, directory lock, PCM
 * decoder): `./platform`; core's claim reader: `./wink-claims`.
 */
export { postgresDescriptor } from "./postgres/descriptor.ts";
export { pgliteDescriptor } from "./pglite/descriptor.ts";
export { filesystemDescriptor } from "./filesystem/descriptor.ts";
export { pocketSphinxDescriptor } from "./pocketsphinx/descriptor.ts";
export { whisperDescriptor } from "./whisper/descriptor.ts";
export { vaderDescriptor } from "./vader/descriptor.ts";
export { bullMqDescriptor } from "./bullmq/descriptor.ts";
export { inProcessQueueDescriptor } from "./in-process-queue/descriptor.ts";
export { logPushDescriptor } from "./log-push/descriptor.ts";
export { inProcessEventsDescriptor } from "./in-process-events/descriptor.ts";
export { embeddedRiskScreenDescriptor } from "./embedded-risk-screen/descriptor.ts";
export { encoderRiskScreenDescriptor } from "./encoder-risk-screen/descriptor.ts";
export { embeddedNotesDescriptor } from "./embedded-notes/descriptor.ts";
export { redisEventsDescriptor } from "./redis-events/descriptor.ts";
export { noLiveDescriptor } from "./no-live/descriptor.ts";
export { instantLiveDescriptor } from "./instant-live/descriptor.ts";
export { pocketSphinxLiveDescriptor } from "./pocketsphinx-live/descriptor.ts";
export { whisperLiveDescriptor } from "./whisper-live/descriptor.ts";
export { voskLiveDescriptor } from "./vosk-live/descriptor.ts";
export { embeddedAgendaDescriptor } from "./embedded-agenda/descriptor.ts";
export { embeddedDiarizerDescriptor } from "./embedded-diarizer/descriptor.ts";
export { noDiarizerDescriptor } from "./no-diarizer/descriptor.ts";
