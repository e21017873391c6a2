export interface SseEvent {
  event: string;
  data: string;
}

/**
 * Reads Server-Sent Events from a fetch response until `until` returns true or the stream
 * ends; returns every event read.
 */
export async function readSseEvents(response: Response, until: (event: SseEvent) => boolean): Promise<SseEvent[]> {
  if (!response.body) throw new Error("The SSE response has no body.");
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const events: SseEvent[] = [];
  let buffered = "";
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return events;
      buffered += value;
      let boundary = buffered.indexOf("\n\n");
      while (boundary !== -1) {
        const block = buffered.slice(0, boundary);
        buffered = buffered.slice(boundary + 2);
        const event: SseEvent = { event: "message", data: "" };
        for (const line of block.split("\n")) {
          if (line.startsWith("event:")) event.event = line.slice(6).trim();
          else if (line.startsWith("data:")) event.data += (event.data ? "\n" : "") + line.slice(5).trim();
        }
        if (block.split("\n").some((line) => line.startsWith("data:") || line.startsWith("event:"))) {
          events.push(event);
          if (until(event)) return events;
        }
        boundary = buffered.indexOf("\n\n");
      }
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}
