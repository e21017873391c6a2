/** Fake provider servers speaking the real wire protocols, for adapter and fault tests. */
export * from "./azure-speech-batch-result.ts";
export * from "./azure-speech-batch-server.ts";
export * from "./azure-speech-batch-validation.ts";
export * from "./aws-json-service.ts";
export * from "./azure-speech-live-server.ts";
export * from "./aws-validation.ts";
export * from "./comprehend-server.ts";
export * from "./cosmos-fault-proxy.ts";
export * from "./fake-sentiment-lexicon.ts";
export * from "./fcm-server.ts";
export * from "./openai-chat-server.ts";
export * from "./s3-object-access.ts";
export * from "./text-analytics-server.ts";
export * from "./transcribe-output.ts";
export * from "./transcribe-server.ts";
export * from "./transcribe-validation.ts";
export * from "./whisper-server.ts";
