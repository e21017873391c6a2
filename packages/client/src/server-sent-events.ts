/** One dispatched Server-Sent Event (WHATWG HTML §9.2 "event stream interpretation"). */
export interface ServerSentEvent {
  /** `message` when the event had no `event:` field. */
  event: string;
  data: string;
  /** The last `id:` seen on the stream (sent back as `Last-Event-ID` on reconnect), "" when none. */
  lastEventId: string;
  /** The `retry:` the server asked for, in ms, when it sent one with this event. */
  retryMs?: number;
}

/**
 * Parses a `text/event-stream` body into events, as EventSource does (comments skipped, `data:`
 * lines joined with "\n", CR, LF and CRLF line ends), without EventSource: so the request can
 * carry an `Authorization` header. An event not ended by a blank line when the stream ends is
 * dropped, as the standard says.
 */
export async function* readServerSentEvents(body: ReadableStream<Uint8Array>, signal?: AbortSignal): AsyncGenerator<ServerSentEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const onAbort = () => void reader.cancel().catch(() => undefined);
  signal?.addEventListener("abort", onAbort, { once: true });
  let buffer = "";
  let event = "";
  let data: string[] = [];
  let lastEventId = "";
  let retryMs: number | undefined;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      for (;;) {
        const end = buffer.search(/\r\n|\r|\n/);
        // A lone CR at the end of the buffer may be the first half of a CRLF: wait for more.
        if (end === -1 || (buffer[end] === "\r" && end === buffer.length - 1)) break;
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + (buffer.startsWith("\r\n", end) ? 2 : 1));
        if (line === "") {
          if (data.length > 0) {
            yield { event: event || "message", data: data.join("\n"), lastEventId, ...(retryMs === undefined ? {} : { retryMs }) };
          }
          event = "";
          data = [];
          retryMs = undefined;
          continue;
        }
        if (line.startsWith(":")) continue;
        const colon = line.indexOf(":");
        const field = colon === -1 ? line : line.slice(0, colon);
        let value = colon === -1 ? "" : line.slice(colon + 1);
        if (value.startsWith(" ")) value = value.slice(1);
        if (field === "event") event = value;
        else if (field === "data") data.push(value);
        else if (field === "id" && !value.includes("\0")) lastEventId = value;
        else if (field === "retry" && /^\d+$/.test(value)) retryMs = Number(value);
      }
    }
  } finally {
    signal?.removeEventListener("abort", onAbort);
    // Also when the consumer stops early: the connection is closed, not left to drain.
    await reader.cancel().catch(() => undefined);
  }
}
