/**
 * A multipart/form-data upload body of any size, made on the fly: the text fields, then an
 * `audio` part holding a valid WAV (16 kHz, mono, 16-bit PCM) whose samples are one MiB of
 * pseudo-random bytes repeated; or that WAV alone, as the body of a tus PATCH. Nothing but that one MiB is ever held in memory, and the exact
 * length is known up front, so the request can carry a Content-Length.
 */
import { randomBytes } from "node:crypto";

export interface WavMultipartBody {
  contentType: string;
  contentLengthBytes: number;
  /** Yields the body in chunks of at most `chunkBytes`; each call starts from the beginning. */
  chunks(): AsyncGenerator<Buffer>;
}

export interface WavMultipartBodyOptions {
  /** Size of the WAV file (header included). */
  fileBytes: number;
  /** Text fields sent before the file, in order. */
  fields: Record<string, string>;
  /** Default 256 KiB. */
  chunkBytes?: number;
}

const wavHeaderBytes = 44;
const sampleRateHz = 16_000;

function wavHeader(dataBytes: number): Buffer {
  const header = Buffer.alloc(wavHeaderBytes);
  header.write("RIFF", 0, "ascii");
  header.writeUInt32LE(36 + dataBytes, 4);
  header.write("WAVE", 8, "ascii");
  header.write("fmt ", 12, "ascii");
  header.writeUInt32LE(16, 16); // fmt chunk size
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(sampleRateHz, 24);
  header.writeUInt32LE(sampleRateHz * 2, 28); // byte rate
  header.writeUInt16LE(2, 32); // block align
  header.writeUInt16LE(16, 34); // bits per sample
  header.write("data", 36, "ascii");
  header.writeUInt32LE(dataBytes, 40);
  return header;
}

/** The WAV file alone (header, then the repeated samples), in chunks of at most `chunkBytes`. */
function wavChunks(fileBytes: number, chunkBytes: number): () => Generator<Buffer> {
  const dataBytes = fileBytes - wavHeaderBytes;
  if (dataBytes < 0 || dataBytes % 2 !== 0 || fileBytes > 0xffffffff) {
    throw new RangeError("fileBytes must be even, at least 44 and below 4 GiB");
  }
  const samples = randomBytes(1024 * 1024);
  return function* chunks(): Generator<Buffer> {
    yield wavHeader(dataBytes);
    let remaining = dataBytes;
    let offset = 0;
    while (remaining > 0) {
      const size = Math.min(chunkBytes, remaining, samples.length - offset);
      yield samples.subarray(offset, offset + size);
      offset = (offset + size) % samples.length;
      remaining -= size;
    }
  };
}

/**
 * The WAV file as the body of a tus PATCH (`application/offset+octet-stream`): the same bytes
 * as the multipart body's audio part, without the multipart framing.
 */
export function createWavBody(options: Omit<WavMultipartBodyOptions, "fields">): WavMultipartBody {
  const wav = wavChunks(options.fileBytes, options.chunkBytes ?? 256 * 1024);
  return {
    contentType: "application/offset+octet-stream",
    contentLengthBytes: options.fileBytes,
    async *chunks() {
      yield* wav();
    },
  };
}

export function createWavMultipartBody(options: WavMultipartBodyOptions): WavMultipartBody {
  const wav = wavChunks(options.fileBytes, options.chunkBytes ?? 256 * 1024);
  const boundary = `confide-bench-${randomBytes(8).toString("hex")}`;
  const fieldParts = Object.entries(options.fields)
    .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
    .join("");
  const head = Buffer.from(
    `${fieldParts}--${boundary}\r\nContent-Disposition: form-data; name="audio"; filename="bench.wav"\r\nContent-Type: audio/wav\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);

  async function* chunks(): AsyncGenerator<Buffer> {
    let first = true;
    for (const chunk of wav()) {
      // The part's headers and the WAV header travel together, as before.
      yield first ? Buffer.concat([head, chunk]) : chunk;
      first = false;
    }
    yield tail;
  }

  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    contentLengthBytes: head.length + options.fileBytes + tail.length,
    chunks,
  };
}
