import type { Readable } from "node:stream";

/** Most of a refused request body read and discarded before answering. */
export const drainLimitBytes = 64 * 1024 * 1024;
/** Longest wait for a refused body before answering anyway. */
export const drainTimeoutMs = 10_000;

/**
 * Reads and discards what is left of a request body that will not be used (a refused upload),
 * up to `drainLimitBytes` or `drainTimeoutMs`, so the client finishes sending and can read the
 * answer instead of failing with a broken pipe. Past either limit it stops: the server then
 * closes the connection. Takes the Node request itself or its web stream. Never throws.
 */
export async function drainRequestBody(body: Readable | ReadableStream<Uint8Array> | null): Promise<void> {
  if (!body) return;
  if (body instanceof ReadableStream) await drainWebStream(body);
  else await drainNodeStream(body);
}

async function drainWebStream(body: ReadableStream<Uint8Array>): Promise<void> {
  if (body.locked) return;
  const reader = body.getReader();
  const timer = setTimeout(() => void reader.cancel().catch(() => undefined), drainTimeoutMs);
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      total += value.byteLength;
      if (total > drainLimitBytes) {
        await reader.cancel();
        return;
      }
    }
  } catch {
    // The client went away or the body broke: there is nobody left to answer.
  } finally {
    clearTimeout(timer);
    reader.releaseLock();
  }
}

function drainNodeStream(body: Readable): Promise<void> {
  if (body.readableEnded || body.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    let total = 0;
    const finish = () => {
      clearTimeout(timer);
      body.off("data", onData);
      body.off("end", finish);
      body.off("close", finish);
      body.off("error", finish);
      resolve();
    };
    // Past a limit: stop reading and close the request (and so the connection), as a cancelled web body does.
    const giveUp = () => {
      finish();
      body.destroy();
    };
    const onData = (chunk: Buffer) => {
      total += chunk.byteLength;
      if (total > drainLimitBytes) giveUp();
    };
    const timer = setTimeout(giveUp, drainTimeoutMs);
    // An 'error' ends the drain (the client went away: there is nobody left to answer).
    body.on("data", onData);
    body.on("end", finish);
    body.on("close", finish);
    body.on("error", finish);
    body.resume();
  });
}
