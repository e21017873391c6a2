/**
 * The models folder (`CONFIDE_MODELS_DIR`): installing a model from its upstream URL or a mirror
 * (streamed to a temporary file beside its place, its size and sha256 checked, then renamed into
 * place, so a partial or wrong file never sits where a loader looks), checking what is installed,
 * and finding a model's file for a loader (only when its size and sha256 are right).
 */
import { createHash, randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, open, rename, rm, stat } from "node:fs/promises";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { Readable } from "node:stream";
import { ConfideError } from "@confide/core/ports";
import { modelManifest, type ModelEntry, type ModelName } from "./model-manifest.ts";

/** The models folder when `CONFIDE_MODELS_DIR` is unset: `models` inside the data directory. */
export function defaultModelsDirectory(dataDir: string): string {
  return join(dataDir, "models");
}

/** The manifest's models that the chosen adapters use (`port` → adapter name). */
export function modelsUsedBy(adapters: Readonly<Record<string, string>>): ModelEntry[] {
  const chosen = new Set(Object.entries(adapters).map(([port, name]) => `${port}:${name}`));
  return modelManifest.filter((model) => model.usedBy.some((use) => chosen.has(use)));
}

export type ModelState = "installed" | "missing" | "damaged";

export interface ModelStatus {
  model: ModelEntry;
  path: string;
  state: ModelState;
  /** What is wrong with a damaged file, in words. */
  problem?: string;
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** Whether `model`'s file in `directory` is there with its exact size and sha256. */
export async function inspectModel(directory: string, model: ModelEntry): Promise<ModelStatus> {
  const path = join(directory, model.file);
  const found = await stat(path).catch(() => undefined);
  if (!found?.isFile()) return { model, path, state: "missing" };
  if (found.size !== model.bytes) return { model, path, state: "damaged", problem: `${found.size} bytes, expected ${model.bytes}` };
  const digest = await sha256Of(path);
  if (digest !== model.sha256) return { model, path, state: "damaged", problem: `sha256 ${digest}, expected ${model.sha256}` };
  return { model, path, state: "installed" };
}

const verified = new Map<string, Promise<string | undefined>>();

/**
 * The path of an installed model whose size and sha256 are right, or undefined (not installed,
 * or damaged: a loader then runs without it). A good file is checked once per process and path;
 * a missing or damaged one is looked at again at the next call (an install needs no restart).
 */
export function locateModel(directory: string, name: ModelName): Promise<string | undefined> {
  const model = modelManifest.find((entry) => entry.name === name)!;
  const key = join(resolve(directory), model.file);
  let found = verified.get(key);
  if (!found) {
    found = inspectModel(directory, model).then((status) => {
      if (status.state === "installed") return status.path;
      verified.delete(key);
      return undefined;
    });
    verified.set(key, found);
  }
  return found;
}

/** Where a model comes from: its upstream URL, or `source` (an http(s) URL prefix or a folder) joined with its `file`. */
export function modelOrigin(model: ModelEntry, source: string | undefined): string {
  if (source === undefined || source === "") return model.url;
  if (/^https?:\/\//i.test(source)) return `${source.replace(/\/+$/, "")}/${model.file}`;
  const folder = source.startsWith("file://") ? new URL(source).pathname : source;
  return isAbsolute(folder) ? join(folder, model.file) : resolve(folder, model.file);
}

const unreachable = (model: ModelEntry, origin: string, reason: string, cause?: unknown) =>
  new ConfideError("model.source_unreachable", `Could not read ${model.name} from ${origin}: ${reason}.`, {
    retryable: true,
    details: { model: model.name, origin },
    ...(cause === undefined ? {} : { cause }),
  });

async function openOrigin(model: ModelEntry, origin: string, signal: AbortSignal | undefined): Promise<AsyncIterable<Uint8Array>> {
  if (/^https?:\/\//i.test(origin)) {
    let response: Response;
    try {
      response = await fetch(origin, { redirect: "follow", ...(signal ? { signal } : {}) });
    } catch (error) {
      const cause = (error as Error).cause;
      throw unreachable(model, origin, cause instanceof Error ? cause.message : (error as Error).message, error);
    }
    if (!response.ok || !response.body) {
      await response.body?.cancel().catch(() => undefined);
      throw unreachable(model, origin, `HTTP ${response.status}`);
    }
    const body = Readable.fromWeb(response.body as import("node:stream/web").ReadableStream<Uint8Array>);
    // A transfer that breaks off before the bytes are read (the file is still being opened) destroys
    // the stream with its error: without a listener that error would end the process. The reader
    // still gets it, from the destroyed stream, when it starts.
    body.on("error", () => undefined);
    return body;
  }
  const found = await stat(origin).catch(() => undefined);
  if (!found?.isFile()) throw unreachable(model, origin, "no such file");
  return createReadStream(origin, signal ? { signal } : {});
}

export type InstallOutcome = "installed" | "already installed";

/**
 * Installs `model` into `directory` from `source` (undefined: its upstream URL). A file already
 * there with the right size and sha256 is kept as it is. Otherwise the bytes stream into a
 * temporary file beside the model's place, counted and hashed; only when their size and sha256
 * are the manifest's is the file renamed into place (atomically, on the same file system).
 * @throws ConfideError `model.source_unreachable` (no such file, a network error, an HTTP error),
 *   `model.size_mismatch` (fewer or more bytes than pinned: a truncated download, another file),
 *   `model.checksum_mismatch` (the right size but other bytes). Nothing is left behind and a good
 *   installed file is never touched.
 */
export async function installModel(
  directory: string,
  model: ModelEntry,
  options: { source?: string | undefined; signal?: AbortSignal } = {},
): Promise<InstallOutcome> {
  const current = await inspectModel(directory, model);
  if (current.state === "installed") return "already installed";
  const origin = modelOrigin(model, options.source);
  const body = await openOrigin(model, origin, options.signal);
  const target = join(directory, model.file);
  await mkdir(dirname(target), { recursive: true, mode: 0o700 });
  const temporary = `${target}.partial-${randomBytes(6).toString("hex")}`;
  const hash = createHash("sha256");
  let bytes = 0;
  const file = await open(temporary, "wx", 0o600);
  try {
    try {
      for await (const chunk of body) {
        bytes += chunk.byteLength;
        if (bytes > model.bytes) break;
        hash.update(chunk);
        await file.write(chunk);
      }
      await file.sync();
    } catch (error) {
      if (ConfideError.is(error)) throw error;
      throw unreachable(model, origin, `the transfer broke off after ${bytes} bytes (${(error as Error).message})`, error);
    } finally {
      await file.close();
    }
    if (bytes !== model.bytes) {
      throw new ConfideError(
        "model.size_mismatch",
        bytes < model.bytes
          ? `${model.name} from ${origin} is truncated: ${bytes} bytes of ${model.bytes}.`
          : `${model.name} from ${origin} is longer than the ${model.bytes} bytes pinned: another file.`,
        { details: { model: model.name, origin, expectedBytes: model.bytes, ...(bytes < model.bytes ? { bytes } : {}) } },
      );
    }
    const digest = hash.digest("hex");
    if (digest !== model.sha256) {
      throw new ConfideError("model.checksum_mismatch", `${model.name} from ${origin} has sha256 ${digest}, not the pinned ${model.sha256}.`, {
        details: { model: model.name, origin, sha256: digest, expectedSha256: model.sha256 },
      });
    }
    await rename(temporary, target);
    verified.delete(join(resolve(directory), model.file));
    return "installed";
  } finally {
    await rm(temporary, { force: true });
  }
}
