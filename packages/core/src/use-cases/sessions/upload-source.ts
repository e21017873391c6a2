import type { ConfideDeps } from "../../deps.ts";
import { sniffBytes } from "../../domain/audio-format.ts";
import { loggableCode } from "../../errors.ts";
import type { ByteStream } from "../../ports/blob-store.ts";

export function toReadableStream(audio: ByteStream): ReadableStream<Uint8Array> {
  return audio instanceof ReadableStream ? audio : ReadableStream.from(audio);
}

/** Releases a stream that will not be read (validation failed before reading). */
export async function releaseUnread(deps: ConfideDeps, audio: ByteStream): Promise<void> {
  try {
    if (audio instanceof ReadableStream) {
      if (!audio.locked) await audio.cancel();
    } else {
      await audio[Symbol.asyncIterator]().return?.();
    }
  } catch (error) {
    deps.logger.warn("upload.cancel_failed", { code: loggableCode(error) });
  }
}

/**
 * Reads the caller's stream: first the head (for sniffing), then the rest, replaying the head
 * chunks unchanged. Remembers whether the source itself failed, to tell a client that went
 * away (`upload.aborted`) from a storage failure.
 */
export class SourceReader {
  readonly #reader: ReadableStreamDefaultReader<Uint8Array>;
  #head: Uint8Array[] = [];
  #state: "open" | "done" | "failed" = "open";
  #error: unknown = undefined;

  constructor(source: ReadableStream<Uint8Array>) {
    this.#reader = source.getReader();
  }

  async #read(): ReturnType<ReadableStreamDefaultReader<Uint8Array>["read"]> {
    try {
      const result = await this.#reader.read();
      if (result.done) this.#state = "done";
      return result;
    } catch (error) {
      this.#state = "failed";
      this.#error = error;
      throw error;
    }
  }

  /** Reads chunks until at least `sniffBytes` arrived or the source ended; aborting ends it early. */
  async readHead(signal?: AbortSignal): Promise<Uint8Array[]> {
    const onAbort = () => {
      this.#reader.cancel(signal?.reason).catch((error: unknown) => {
        // The source had already failed: remember it as the source's failure.
        this.#state = "failed";
        this.#error = error;
      });
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    try {
      let length = 0;
      while (length < sniffBytes) {
        const { done, value } = await this.#read();
        if (done) break;
        if (value.byteLength === 0) continue;
        this.#head.push(value);
        length += value.byteLength;
      }
      return [...this.#head];
    } finally {
      signal?.removeEventListener("abort", onAbort);
    }
  }

  /** The head chunks, then the rest of the source. Cancelling it cancels the source. */
  replayThenRest(): ReadableStream<Uint8Array> {
    const pending = this.#head;
    this.#head = [];
    return new ReadableStream<Uint8Array>(
      {
        pull: async (controller) => {
          const next = pending.shift();
          if (next) {
            controller.enqueue(next);
            return;
          }
          if (this.#state === "done") {
            controller.close();
            return;
          }
          const { done, value } = await this.#read();
          if (done) controller.close();
          else controller.enqueue(value);
        },
        cancel: async (reason) => {
          if (this.#state !== "open") return;
          this.#state = "done";
          await this.#reader.cancel(reason);
        },
      },
      { highWaterMark: 0 },
    );
  }

  /** True when `error` is the source's own failure. */
  failedWith(error: unknown): boolean {
    return this.#state === "failed" && this.#error === error;
  }

  /** Cancels the source if it is still open (after a failure elsewhere). */
  async stop(deps: ConfideDeps, reason: unknown): Promise<void> {
    if (this.#state !== "open") return;
    this.#state = "done";
    try {
      await this.#reader.cancel(reason);
    } catch (error) {
      deps.logger.warn("upload.cancel_failed", { code: loggableCode(error) });
    }
  }
}
