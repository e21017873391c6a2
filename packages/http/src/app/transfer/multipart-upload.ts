import type { Readable } from "node:stream";
import { ConfideError } from "@confide/core/ports";
import busboy from "busboy";
import { useNativeBoundarySearch } from "./boundary-search.ts";

export interface MultipartUploadOptions {
  /**
   * The raw request body, read chunk by chunk and never buffered whole: the Node request itself
   * when there is one (no per-chunk copy), else its web stream (`app.request()`, other runtimes).
   */
  body: Readable | ReadableStream<Uint8Array>;
  /** The request's Content-Type, with its boundary. */
  contentType: string;
  /** Name of the one file part, e.g. "audio". */
  fileField: string;
  /**
   * Fields that belong before the file part: one of them after it fails the upload with
   * `validation.invalid_input` and this message (its value would otherwise be silently lost).
   */
  fieldsBeforeFile: { names: readonly string[]; message: string };
  /** Aborts when the client goes away. */
  signal: AbortSignal;
}

export interface MultipartFile {
  /**
   * The file's bytes as they arrive; reading slowly slows the client down (backpressure). It
   * ends only after the whole body was parsed and found valid: a malformed or over-limit body,
   * even past the file part, errors it (`validation.invalid_input`, `upload.too_large`).
   */
  stream: ReadableStream<Uint8Array>;
  filename: string;
  mimeType: string;
}

export interface MultipartUpload {
  /** The text fields sent before the file part. Unknown fields after it are ignored. */
  fields: Record<string, string>;
  file: MultipartFile;
  /**
   * Stops reading the request body and releases it (a pending read is abandoned), so what is
   * left of it can be drained. Call once the file's consumer has settled.
   */
  stop(): void;
}

/** Largest text field (the settings JSON is the biggest). */
const maxFieldBytes = 64 * 1024;

const invalid = (message: string, cause?: unknown) =>
  new ConfideError("validation.invalid_input", message, cause === undefined ? {} : { cause });

/**
 * Wraps a busboy file stream as a pull-based web stream: a chunk is read only when the
 * consumer asks for one, so a slow consumer pauses busboy and, through it, the request body.
 * The stream ends only once `bodyParsed` resolves (the whole multipart body was read and found
 * well-formed); a failure anywhere in the body, even after the file part, errors the stream, so
 * its consumer never keeps a recording from a refused request.
 */
function pullStream(
  file: Readable,
  bodyParsed: Promise<void>,
  bodyFailure: () => unknown,
  signal: AbortSignal,
): ReadableStream<Uint8Array> {
  const chunks = file[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let cancelled = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { done, value } = await chunks.next();
          if (!done) {
            controller.enqueue(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
            return;
          }
          await bodyParsed;
          if (!cancelled) controller.close();
        } catch (error) {
          // The body's own failure says best what went wrong. A client that went away is the
          // consumer's `upload.aborted`; a broken body is the client's fault.
          const failure =
            bodyFailure() ?? (ConfideError.is(error) || signal.aborted ? error : invalid("The multipart body ended early or is malformed.", error));
          if (!cancelled) controller.error(failure);
        }
      },
      async cancel() {
        cancelled = true;
        await chunks.return?.();
      },
    },
    { highWaterMark: 0 },
  );
}

type Parser = ReturnType<typeof busboy>;

const clientWentAway = (cause?: unknown) =>
  new ConfideError("upload.aborted", "The client went away before the end of the request.", cause === undefined ? {} : { cause });

/**
 * Feeds a web stream body to busboy, waiting whenever busboy (and so the file's consumer) is
 * behind. @returns a stop function: it abandons a pending read and releases the stream, so
 * what is left of it can be drained.
 */
function feedFromWebStream(body: ReadableStream<Uint8Array>, parser: Parser): () => void {
  const reader = body.getReader();
  let stopped = false;
  let drained: (() => void) | null = null;
  const onDrain = () => drained?.();
  parser.on("drain", onDrain);
  parser.on("close", onDrain);
  const pump = async () => {
    try {
      while (!stopped) {
        const { done, value } = await reader.read();
        if (stopped) return;
        if (done) {
          parser.end();
          return;
        }
        if (!parser.write(value)) {
          await new Promise<void>((resume) => {
            drained = resume;
          });
          drained = null;
        }
      }
    } catch (error) {
      // The body failed (client disconnect, broken chunking): busboy fails the file stream
      // with it. A read abandoned by stop() is not a failure.
      if (!stopped) parser.destroy(error instanceof Error ? error : new Error(String(error)));
    } finally {
      reader.releaseLock();
    }
  };
  void pump();
  return () => {
    if (stopped) return;
    stopped = true;
    drained?.();
    // Rejects a read still waiting for the client; the pump then ends quietly.
    reader.releaseLock();
  };
}

/**
 * Feeds a Node request to busboy chunk by chunk as it arrives, pausing the request whenever
 * busboy (and so the file's consumer) is behind. A request that ends early (the client went
 * away) fails busboy with `upload.aborted`. @returns a stop function: it detaches from the
 * request and leaves it paused, so what is left of it can be drained.
 */
function feedFromNodeStream(body: Readable, parser: Parser): () => void {
  const onData = (chunk: Buffer) => {
    // A malformed body has failed busboy already: the rest is drained by the route.
    if (parser.destroyed) return;
    try {
      if (!parser.write(chunk)) body.pause();
    } catch (error) {
      // Whatever the parser throws fails this upload, never the process.
      parser.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  };
  const onDrain = () => body.resume();
  const onEnd = () => {
    detach();
    parser.end();
  };
  const onError = (error: Error) => {
    detach();
    parser.destroy(clientWentAway(error));
  };
  const onClose = () => {
    detach();
    if (!body.readableEnded) parser.destroy(clientWentAway(body.errored ?? undefined));
  };
  const detach = () => {
    body.off("data", onData);
    body.off("end", onEnd);
    body.off("error", onError);
    body.off("close", onClose);
    parser.off("drain", onDrain);
  };
  if (body.readableEnded) {
    parser.end();
    return () => undefined;
  }
  if (body.destroyed) {
    parser.destroy(clientWentAway(body.errored ?? undefined));
    return () => undefined;
  }
  body.on("data", onData);
  body.on("end", onEnd);
  body.on("error", onError);
  body.on("close", onClose);
  parser.on("drain", onDrain);
  return () => {
    detach();
    // Without a 'data' listener a flowing stream would drop what arrives next.
    body.pause();
  };
}

/**
 * Streams a multipart/form-data body through busboy and resolves as soon as the file part
 * starts, with the fields that came before it. The file is not buffered: its stream is fed as
 * the consumer reads it.
 *
 * Every stream busboy hands out gets an 'error' listener for its whole life, so a body that
 * breaks at any point (ends early, too many parts, a malformed part, an over-limit file), while
 * nobody happens to be reading, fails the upload instead of the process.
 * @throws ConfideError `validation.invalid_input` for a malformed body, a missing file part,
 * an unexpected file part, or fields that are too long or too many.
 */
export function openMultipartUpload(options: MultipartUploadOptions): Promise<MultipartUpload> {
  return new Promise((resolve, reject) => {
    let parser: ReturnType<typeof busboy>;
    try {
      parser = busboy({
        headers: { "content-type": options.contentType },
        defParamCharset: "utf8",
        // No file size limit here: core counts the recording's bytes as they flow (uploadSession's byte meter).
        limits: { files: 1, fields: 20, parts: 40, fieldSize: maxFieldBytes },
      });
      useNativeBoundarySearch(parser);
    } catch (error) {
      reject(invalid("The multipart Content-Type is not valid (is the boundary missing?).", error));
      return;
    }

    const fields: Record<string, string> = {};
    const lateFields = new Set(options.fieldsBeforeFile.names);
    let file: Readable | null = null;
    let started = false;
    let stopped = false;
    let failure: unknown = null;
    let stopFeeding: () => void = () => undefined;
    let settleBody!: { resolve: () => void; reject: (error: unknown) => void };
    const bodyParsed = new Promise<void>((resolve, reject) => (settleBody = { resolve, reject }));
    // Nobody awaits it when the upload is refused before the file part or its consumer gave up.
    bodyParsed.catch(() => undefined);

    const stop = () => {
      if (stopped) return;
      stopped = true;
      stopFeeding();
      file?.destroy();
    };
    /**
     * Before the file part: reject the upload. After: fail the file stream, which its consumer
     * sees. An error that is not a ConfideError is a bug here: it fails this upload (a 500 the
     * host logs), never the process.
     */
    const fail = (error: unknown) => {
      if (failure !== null) return;
      const recorded = error ?? new Error("The multipart upload failed.");
      failure = recorded;
      settleBody.reject(recorded);
      if (!started) {
        started = true;
        reject(recorded);
        stop();
      } else if (file && !file.destroyed) file.destroy(recorded instanceof Error ? recorded : undefined);
    };

    /**
     * Busboy calls its listeners while it parses a chunk, inside the request's 'data' event:
     * anything they throw would end the process. Guarded, it fails the upload instead.
     */
    const guarded =
      <Arguments extends unknown[]>(listener: (...args: Arguments) => void) =>
      (...args: Arguments) => {
        try {
          listener(...args);
        } catch (error) {
          fail(error);
        }
      };
    // A part whose Content-Disposition has no name reaches the listeners with an undefined name.
    const nameOf = (name: string | undefined) => (typeof name === "string" ? name : "");

    parser.on("field", guarded((rawName: string | undefined, value: string, info: { nameTruncated: boolean; valueTruncated: boolean }) => {
      const name = nameOf(rawName);
      if (started) {
        if (lateFields.has(name)) fail(invalid(options.fieldsBeforeFile.message));
        return;
      }
      if (info.nameTruncated || info.valueTruncated) {
        fail(invalid(`The field "${name.slice(0, 40)}" is longer than ${maxFieldBytes} bytes.`));
        return;
      }
      if (name !== "") fields[name] = value;
    }));
    parser.on("file", guarded((rawName: string | undefined, stream: Readable, info: { filename?: string; mimeType: string }) => {
      const name = nameOf(rawName);
      // Busboy fails every file stream it still holds when the body breaks: without a listener
      // that 'error' would end the process. The failure itself reaches the upload through `fail`.
      stream.on("error", () => undefined);
      if (started || name !== options.fileField) {
        stream.resume();
        fail(
          started
            ? invalid(`Send one file part only ("${options.fileField}").`)
            : invalid(`Unexpected file part "${name.slice(0, 40)}": send the recording as "${options.fileField}".`),
        );
        return;
      }
      started = true;
      file = stream;
      resolve({
        fields,
        file: { stream: pullStream(stream, bodyParsed, () => failure, options.signal), filename: info.filename ?? "", mimeType: info.mimeType },
        stop,
      });
    }));
    parser.on("filesLimit", () => fail(invalid(`Send one file part only ("${options.fileField}").`)));
    parser.on("fieldsLimit", () => fail(invalid("Too many fields.")));
    parser.on("partsLimit", () => fail(invalid("Too many parts.")));
    parser.on("error", (error: unknown) => {
      if (ConfideError.is(error)) fail(error);
      else fail(options.signal.aborted ? invalid("The client went away.", error) : invalid("The multipart body is malformed or ended early.", error));
    });
    parser.on("close", () => {
      if (!started) fail(invalid(`The "${options.fileField}" part is missing.`));
      else settleBody.resolve();
    });

    stopFeeding = options.body instanceof ReadableStream ? feedFromWebStream(options.body, parser) : feedFromNodeStream(options.body, parser);
  });
}
