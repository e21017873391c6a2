/** Test helpers shared by adapter tests and the end-to-end suites: audio, proxies, file modes, SSE. */
export * from "./dialogue-audio.ts";
export * from "./file-modes.ts";
export * from "./sse-events.ts";
export * from "./tcp-proxy.ts";
