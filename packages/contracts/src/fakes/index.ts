/** Fake provider servers speaking the real wire protocols, for adapter and fault tests. */
export * from "./fcm-server.ts";
export * from "./whisper-server.ts";
