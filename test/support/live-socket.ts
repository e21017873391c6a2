/**
 * A live session client for the end-to-end tests: a real WebSocket (`ws`) to `/v1/live`, every
 * server message kept with the time it arrived, audio sent in 100 ms frames at a chosen pace.
 */
import WebSocket from "ws";

export interface LiveMessage {
  type: string;
  storedBytes: number;
  /** performance.now() when it arrived. */
  receivedAt: number;
  [field: string]: unknown;
}

export interface LiveSocket {
  socket: WebSocket;
  messages: LiveMessage[];
  /** Resolves with the close code once the server or the client closed. */
  closed: Promise<{ code: number; reason: string }>;
  send(message: Record<string, unknown>): void;
  /** Resolves with the first message of `type` (already received or to come). */
  next(type: string, timeoutMs?: number): Promise<LiveMessage>;
  /**
   * Sends `pcm` in frames of `frameMs` (16 kHz 16-bit, `channels`), `pace` times real time
   * (1: as it is spoken); stops early when `until` says so (before a frame is sent).
   * @returns the bytes sent.
   */
  stream(pcm: Uint8Array, options: { channels: 1 | 2; pace?: number; frameMs?: number; until?: (sentBytes: number) => boolean }): Promise<number>;
}

/** Opens `/v1/live` on `baseUrl`; `protocols` and `path` as a client would give them. */
export async function openLiveSocket(baseUrl: string, options: { protocols?: string[]; path?: string } = {}): Promise<LiveSocket> {
  const url = baseUrl.replace(/^http/, "ws") + (options.path ?? "/v1/live");
  const socket = new WebSocket(url, options.protocols ?? []);
  const messages: LiveMessage[] = [];
  const waiters: Array<{ type: string; resolve: (message: LiveMessage) => void }> = [];
  socket.on("message", (data, isBinary) => {
    if (isBinary) return;
    const message = { ...(JSON.parse(String(data)) as LiveMessage), receivedAt: performance.now() };
    messages.push(message);
    for (const waiter of waiters.filter((entry) => entry.type === message.type)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(message);
    }
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    socket.on("close", (code, reason) => resolve({ code, reason: String(reason) }));
  });
  await new Promise<void>((resolve, reject) => {
    socket.once("open", () => resolve());
    socket.once("error", reject);
  });
  return {
    socket,
    messages,
    closed,
    send(message) {
      socket.send(JSON.stringify(message));
    },
    next(type, timeoutMs = 30_000) {
      const seen = messages.find((message) => message.type === type);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`No ${type} message within ${timeoutMs} ms; got ${messages.map((m) => m.type).join(", ")}`)), timeoutMs);
        waiters.push({
          type,
          resolve: (message) => {
            clearTimeout(timer);
            resolve(message);
          },
        });
      });
    },
    async stream(pcm, { channels, pace = 1, frameMs = 100, until }) {
      const frameBytes = 32 * channels * frameMs;
      const started = performance.now();
      let sent = 0;
      while (sent < pcm.length && socket.readyState === WebSocket.OPEN) {
        if (until?.(sent)) break;
        const frame = pcm.subarray(sent, sent + frameBytes);
        socket.send(frame);
        sent += frame.length;
        const dueAt = started + (sent / (32 * channels)) / pace;
        const waitMs = dueAt - performance.now();
        if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
      }
      return sent;
    },
  };
}
