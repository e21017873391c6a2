/** Test helpers shared by adapter tests and the end-to-end suites: audio, proxies, file modes, SSE, local stand-ins. */
export * from "./azurite.ts";
export * from "./cosmos-server.ts";
export * from "./dialogue-audio.ts";
export * from "./file-modes.ts";
export * from "./probe-http.ts";
export * from "./s3-server.ts";
export * from "./self-signed-certificate.ts";
export * from "./sse-events.ts";
export * from "./stand-in-process.ts";
export * from "./tcp-proxy.ts";
export * from "./dialogue-pcm.ts";
export * from "./live-recognition.ts";
export * from "./tone-bursts-pcm.ts";
export * from "./free-port.ts";
