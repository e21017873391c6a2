/**
 * Upload requests (`POST /v1/sessions`) as fast-check arbitraries: a well-formed multipart body
 * (patientId, title, recordedAt, settings, then the audio), mutated — parts dropped, duplicated
 * and reordered, bodies truncated, boundaries that do not match, broken part headers, huge and
 * empty values, NUL and bytes that are not UTF-8, recordings with lying WAV headers.
 */
import fc from "fast-check";
import { encodeText, hostileString, notUtf8Marker, sometimes } from "./hostile-values.ts";
import type { FuzzRequest } from "./openapi-requests.ts";

interface Part {
  headerLines: string[];
  body: Uint8Array;
}

/** A WAV recording with its header's fields (channels, byte rate, data size) perhaps lying. */
function recording(wav: Uint8Array, maxUploadBytes: number): fc.Arbitrary<Uint8Array> {
  const patched = fc
    .record({
      channels: sometimes(fc.constantFrom<number | undefined>(0, 1, 2, 8, 9, 65_535), undefined),
      byteRate: sometimes(fc.constantFrom<number | undefined>(0, 1, 16, 32_000, 0xffffffff), undefined),
      dataBytes: sometimes(fc.constantFrom<number | undefined>(0, 1, 0xfffffff0, 0xffffffff), undefined),
    })
    .map(({ channels, byteRate, dataBytes }) => {
      const bytes = Buffer.from(wav);
      if (channels !== undefined) bytes.writeUInt16LE(channels, 22);
      if (byteRate !== undefined) bytes.writeUInt32LE(byteRate, 28);
      if (dataBytes !== undefined) bytes.writeUInt32LE(dataBytes, 40);
      return new Uint8Array(bytes);
    });
  return fc.oneof(
    { arbitrary: patched, weight: 4 },
    { arbitrary: fc.constant(wav), weight: 2 },
    { arbitrary: fc.integer({ min: 0, max: wav.byteLength }).map((length) => wav.subarray(0, length)), weight: 1 },
    { arbitrary: fc.uint8Array({ maxLength: 300 }), weight: 1 },
    { arbitrary: fc.constant(new Uint8Array(0)), weight: 1 },
    { arbitrary: fc.constant(Buffer.concat([Buffer.from(wav), Buffer.alloc(maxUploadBytes)])), weight: 1 },
    { arbitrary: fc.constantFrom("ID3\u0003", "OggS", "fLaC", "RIFF....WAVE", "\u001aE\u00df\u00a3").map((head) => Buffer.concat([Buffer.from(head, "latin1"), Buffer.alloc(200)])), weight: 1 },
  );
}

const headerText = fc.oneof(
  { arbitrary: fc.string({ maxLength: 12 }), weight: 3 },
  { arbitrary: hostileString.filter((text) => text.length < 20_000), weight: 2 },
  { arbitrary: fc.constantFrom("audio", "patientId", "settings", "title", "recordedAt", "\"", "a\"b", "a\r\nb", notUtf8Marker), weight: 2 },
);

/** A part's header lines mutated: names, file names, types, or a broken line. */
const headerMutation: fc.Arbitrary<(lines: string[]) => string[]> = fc.oneof(
  fc.constant((lines: string[]) => lines),
  fc.constant(() => []),
  fc.constant((lines: string[]) => lines.slice(1)),
  fc.constant((lines: string[]) => ["Content-Disposition: form-data", ...lines.slice(1)]),
  headerText.map((name) => (lines: string[]) => [`Content-Disposition: form-data; name="${name}"`, ...lines.slice(1)]),
  headerText.map((filename) => (lines: string[]) => [`${lines[0] ?? "Content-Disposition: form-data; name=\"audio\""}; filename="${filename}"`, ...lines.slice(1)]),
  headerText.map((filename) => (lines: string[]) => [`${lines[0] ?? ""}; filename*=utf-8''${filename}`, ...lines.slice(1)]),
  fc.constantFrom("this is not a header", ": no name", "Content-Disposition", "Content-Disposition: attachment", "Content-Type: text/plain; charset=bogus", "Content-Transfer-Encoding: base64", `X-Huge: ${"h".repeat(20_000)}`).map((line) => (lines: string[]) => [...lines, line]),
);

/** A part's body mutated: emptied, enlarged, or given NUL and bytes that are not UTF-8. */
const bodyMutation: fc.Arbitrary<(body: Uint8Array) => Uint8Array> = fc.oneof(
  { arbitrary: fc.constant((body: Uint8Array) => body), weight: 6 },
  { arbitrary: fc.constant(() => new Uint8Array(0)), weight: 1 },
  { arbitrary: hostileString.filter((text) => text.length < 100_000).map((text) => () => encodeText(text)), weight: 2 },
  { arbitrary: fc.constant((body: Uint8Array) => Buffer.concat([body, Buffer.from([0x00, 0xff, 0xfe])])), weight: 1 },
);

export interface UploadRequestOptions {
  patientId: string;
  wav: Uint8Array;
  maxUploadBytes: number;
}

/**
 * Upload requests, as the therapist or the patient: one in four well-formed (stored, unless
 * its WAV header says too many channels), the others mutated.
 */
export function uploadRequests(options: UploadRequestOptions): fc.Arbitrary<FuzzRequest> {
  return fc.oneof({ arbitrary: wellFormedUploads(options), weight: 1 }, { arbitrary: mutatedUploads(options), weight: 3 });
}

/** Fields before the audio, a proper closing boundary; ordinary text, a recording perhaps with a lying header. */
function wellFormedUploads(options: UploadRequestOptions): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({
      title: fc.string({ maxLength: 60 }).map((title) => title.replaceAll("\u0000", "").slice(0, 200)),
      language: fc.constantFrom("en-US", "de", "fr-CA"),
      audio: recording(options.wav, options.maxUploadBytes).filter((bytes) => bytes.byteLength > 44 && bytes.byteLength <= options.maxUploadBytes),
      chunkBytes: sometimes(fc.integer({ min: 1, max: 8_192 }).map((bytes): number | undefined => bytes), undefined, 2),
    })
    .map(({ title, language, audio, chunkBytes }) => {
      const boundary = "confide-fuzz";
      const field = (name: string, value: string) => encodeText(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
      const body = Buffer.concat([
        field("patientId", options.patientId),
        field("title", title),
        field("settings", JSON.stringify({ language })),
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="audio"; filename="session.wav"\r\nContent-Type: audio/wav\r\n\r\n`),
        Buffer.from(audio),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return {
        as: "therapist" as const,
        method: "POST",
        path: "/v1/sessions",
        headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
        body,
        ...(chunkBytes === undefined ? {} : { chunkBytes }),
      };
    });
}

function mutatedUploads(options: UploadRequestOptions): fc.Arbitrary<FuzzRequest> {
  const settings = fc.oneof(
    fc.constant(JSON.stringify({ language: "en-US" })),
    fc.constant(JSON.stringify({ language: "en-US" })),
    fc.constant(JSON.stringify({ channelLayout: "per-channel", channelRoles: ["therapist", "patient"] })),
    fc.dictionary(fc.constantFrom("language", "diarization", "minSpeakers", "maxSpeakers", "channelLayout", "channelRoles", "bogus"), fc.oneof(fc.integer(), fc.boolean(), hostileString.filter((text) => text.length < 1_000)), { maxKeys: 3 }).map((value) => JSON.stringify(value)),
    fc.constantFrom("", "{", "null", "[]", "\"en\""),
  );
  const fields = fc.record({
    patientId: fc.oneof({ arbitrary: fc.constant(options.patientId), weight: 8 }, { arbitrary: hostileString, weight: 1 }),
    title: fc.option(fc.oneof({ arbitrary: fc.string({ maxLength: 40 }), weight: 3 }, { arbitrary: hostileString, weight: 1 }), { nil: undefined }),
    recordedAt: fc.option(
      fc.oneof({ arbitrary: fc.constant("2026-05-01T10:00:00Z"), weight: 3 }, { arbitrary: fc.constantFrom("+270000-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "yesterday", ""), weight: 1 }, { arbitrary: hostileString, weight: 1 }),
      { nil: undefined },
    ),
    settings: fc.option(settings, { nil: undefined }),
  });
  const partsArbitrary = fc
    .tuple(fields, recording(options.wav, options.maxUploadBytes), fc.oneof(
        { arbitrary: fc.constant("session.wav"), weight: 6 },
        { arbitrary: fc.constantFrom("", "a\u0000.wav", `${notUtf8Marker}.wav`, "../../x.wav", "x".repeat(300)), weight: 2 },
      ))
    .map(([values, audio, filename]) => {
      const parts: Part[] = [];
      for (const [name, value] of Object.entries(values)) {
        if (value !== undefined) parts.push({ headerLines: [`Content-Disposition: form-data; name="${name}"`], body: encodeText(value) });
      }
      parts.push({
        headerLines: [`Content-Disposition: form-data; name="audio"; filename="${filename}"`, "Content-Type: audio/wav"],
        body: audio,
      });
      return parts;
    });
  const mutatedParts = fc
    .tuple(
      partsArbitrary,
      sometimes(fc.array(fc.tuple(fc.nat(), headerMutation, bodyMutation), { minLength: 1, maxLength: 3 }), []),
      sometimes(fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), []),
      sometimes(fc.constant(true), false),
      fc.oneof(
        { arbitrary: fc.constant([]), weight: 6 },
        { arbitrary: fc.array(fc.constantFrom("note", "patientId", "settings", "title", "x"), { minLength: 1, maxLength: 3 }), weight: 2 },
        { arbitrary: fc.array(fc.constantFrom("note", "x"), { minLength: 21, maxLength: 45 }), weight: 1 },
      ),
    )
    .map(([parts, mutations, duplicates, shuffle, trailing]) => {
      let result = [...parts];
      for (const [index, mutateHeaders, mutateBody] of mutations) {
        const target = index % result.length;
        const part = result[target] as Part;
        result[target] = { headerLines: mutateHeaders(part.headerLines), body: mutateBody(part.body) };
      }
      for (const index of duplicates) result.splice(index % (result.length + 1), 0, result[index % result.length] as Part);
      if (shuffle) result = result.map((part, index) => ({ part, key: (index * 7919) % 13 })).sort((a, b) => a.key - b.key).map(({ part }) => part);
      for (const name of trailing) result.push({ headerLines: [`Content-Disposition: form-data; name="${name}"`], body: Buffer.from("1") });
      return result;
    });

  return fc
    .record({
      as: fc.constantFrom<FuzzRequest["as"]>("therapist", "therapist", "therapist", "therapist", "patient"),
      parts: mutatedParts,
      boundary: fc.oneof({ arbitrary: fc.constantFrom("confide-fuzz", "X", "a".repeat(70), "\"quoted\""), weight: 6 }, { arbitrary: fc.constant("with space"), weight: 1 }),
      headerBoundary: sometimes(fc.constantFrom<string | undefined>("other", "", "a".repeat(200), "confide-fuzz; charset=utf-8"), undefined, 10),
      preamble: fc.constantFrom("", "", "", "", "garbage before\r\n", "\r\n\r\n"),
      closing: fc.oneof({ arbitrary: fc.constant("proper"), weight: 8 }, { arbitrary: fc.constantFrom("none", "no-crlf", "epilogue", "dashes-only"), weight: 2 }),
      truncateAt: sometimes(fc.double({ min: 0, max: 1, noNaN: true }).map((at): number | undefined => at), undefined, 8),
      contentType: fc.oneof(
        { arbitrary: fc.constant("multipart/form-data; boundary="), weight: 8 },
        { arbitrary: fc.constantFrom("multipart/form-data;boundary=", "Multipart/Form-Data; BOUNDARY=", "multipart/mixed; boundary=", "multipart/form-data; charset=utf-8; boundary="), weight: 2 },
      ),
      chunkBytes: sometimes(fc.integer({ min: 1, max: 8_192 }).map((bytes): number | undefined => bytes), undefined, 3),
    })
    .map(({ as, parts, boundary, headerBoundary, preamble, closing, truncateAt, contentType, chunkBytes }) => {
      const bodyBoundary = boundary.replace(/^"|"$/g, "");
      const pieces: Buffer[] = [Buffer.from(preamble)];
      for (const part of parts) {
        pieces.push(encodeText(`--${bodyBoundary}\r\n${part.headerLines.map((line) => `${line}\r\n`).join("")}\r\n`), Buffer.from(part.body), Buffer.from("\r\n"));
      }
      if (closing === "proper") pieces.push(Buffer.from(`--${bodyBoundary}--\r\n`));
      if (closing === "no-crlf") pieces.push(Buffer.from(`--${bodyBoundary}--`));
      if (closing === "epilogue") pieces.push(Buffer.from(`--${bodyBoundary}--\r\ntrailing epilogue\u0000`));
      if (closing === "dashes-only") pieces.push(Buffer.from("--"));
      let body: Uint8Array = Buffer.concat(pieces);
      if (truncateAt !== undefined) body = body.subarray(0, Math.floor(body.byteLength * truncateAt));
      return {
        as,
        method: "POST",
        path: "/v1/sessions",
        headers: { "content-type": `${contentType}${headerBoundary ?? boundary}` },
        body,
        ...(chunkBytes === undefined ? {} : { chunkBytes }),
      };
    });
}
