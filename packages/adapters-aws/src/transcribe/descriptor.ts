import type { AdapterDescriptor, SpeechToText } from "@confide/core/ports";
import { transcribeSettings, type TranscribeVariables } from "./settings.ts";

/** Speech to text by Amazon Transcribe batch jobs (`CONFIDE_SPEECH=transcribe`). */
export const transcribeDescriptor = {
  port: "speech",
  name: "transcribe",
  settings: transcribeSettings,
  // A cloud service: the recording or transcript leaves the deployment.
  sendsSessionDataOut: () => true,
  async create(settings, context) {
    const { createTranscribeSpeechToText } = await import("./transcribe-speech-to-text.ts");
    return createTranscribeSpeechToText({
      outputBucket: settings.CONFIDE_TRANSCRIBE_OUTPUT_BUCKET,
      outputPrefix: settings.CONFIDE_TRANSCRIBE_OUTPUT_PREFIX,
      stagingBucket: settings.CONFIDE_TRANSCRIBE_STAGING_BUCKET,
      region: settings.CONFIDE_TRANSCRIBE_REGION,
      endpoint: settings.CONFIDE_TRANSCRIBE_ENDPOINT,
      s3Endpoint: settings.CONFIDE_TRANSCRIBE_S3_ENDPOINT,
      vocabularyFilterName: settings.CONFIDE_TRANSCRIBE_VOCABULARY_FILTER,
      ...(settings.CONFIDE_TRANSCRIBE_VOCABULARY_FILTERS === undefined ? {} : { vocabularyFilters: settings.CONFIDE_TRANSCRIBE_VOCABULARY_FILTERS }),
      pollIntervalMs: settings.CONFIDE_TRANSCRIBE_POLL_INTERVAL_SECONDS * 1000,
      discardWaitMs: settings.CONFIDE_TRANSCRIBE_DISCARD_WAIT_SECONDS * 1000,
      logger: context.logger,
    });
  },
} satisfies AdapterDescriptor<SpeechToText, TranscribeVariables>;
