/** Most of a refused request body read and discarded before answering. */
export const drainLimitBytes = 64 * 1024 * 1024;
/** Longest wait for a refused body before answering anyway. */
export const drainTimeoutMs = 10_000;

/**
 * Reads and discards what is left of a request body that will not be used (a refused upload),
 * up to `drainLimitBytes` or `drainTimeoutMs`, so the client finishes sending and can read the
 * answer instead of failing with a broken pipe. Past either limit it stops: the server then
 * closes the connection. Never throws.
 */
export async function drainRequestBody(body: ReadableStream<Uint8Array> | null): Promise<void> {
  if (!body || body.locked) return;
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
