import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { extname, join, resolve, sep } from "node:path";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import type { Context } from "hono";
import type { AppEnv } from "../app-env.ts";
import { isApiPath, isScreenPath } from "./console-paths.ts";

/** Written by the console's build beside its page: the patterns of its screens' paths. */
const screenPathsFile = "console-paths.json";

/** Where `npm ci` (the console's build) puts the console: packages/http/console-assets. */
export const defaultConsoleAssetsDirectory = fileURLToPath(new URL("../../../console-assets", import.meta.url));

const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".webp": "image/webp",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

/** Files under assets/ carry a hash of their content in their name: a new build makes new names. */
const hashedCacheControl = "public, max-age=31536000, immutable";
/** The page and unhashed files are checked again on every load, so a new build is seen at once. */
const revalidateCacheControl = "no-cache";

export const notBuiltMessage =
  "Confide's console is not built. Build it with `npm ci` (it builds at install) or `npm run build:console`, then reload this page. The API is served under /v1 either way.";

export interface ConsoleAssets {
  /**
   * The console's answer to a GET or HEAD no API route took: the file at the path, or the
   * console's page at the address of one of its screens (`console-paths.json`, written by its
   * build), or a message when the console is not built. Undefined for API paths however written,
   * other methods, missing files and any other path, which keep the API's JSON 404.
   */
  serve(c: Context<AppEnv>): Promise<Response | undefined>;
}

/** Serves the built console from `directory`, read from disk on each request (small files, a few of them). */
export function createConsoleAssets(options: { directory: string }): ConsoleAssets {
  const root = resolve(options.directory);

  const fileAt = async (relativePath: string) => {
    const path = resolve(join(root, relativePath));
    if (path !== root && !path.startsWith(root + sep)) return undefined;
    const stats = await stat(path).catch(() => undefined);
    return stats?.isFile() ? { path, sizeBytes: stats.size } : undefined;
  };

  const send = (c: Context<AppEnv>, file: { path: string; sizeBytes: number }, cacheControl: string) => {
    const headers = {
      "Content-Type": contentTypes[extname(file.path).toLowerCase()] ?? "application/octet-stream",
      "Content-Length": String(file.sizeBytes),
      "Cache-Control": cacheControl,
    };
    if (c.req.method === "HEAD") return c.body(null, 200, headers);
    return c.body(Readable.toWeb(createReadStream(file.path)) as ReadableStream<Uint8Array>, 200, headers);
  };

  /** The screens' path patterns; undefined when the build wrote none (a build older than this server). */
  const readScreenPaths = async (): Promise<string[] | undefined> => {
    const file = await fileAt(screenPathsFile);
    if (!file) return undefined;
    let patterns: unknown;
    try {
      patterns = JSON.parse(await readFile(file.path, "utf8"));
    } catch {
      return undefined;
    }
    return Array.isArray(patterns) && patterns.every((pattern) => typeof pattern === "string") ? patterns : undefined;
  };

  return {
    async serve(c) {
      if (c.req.method !== "GET" && c.req.method !== "HEAD") return undefined;
      const path = c.req.path;
      if (isApiPath(path)) return undefined;
      let decoded: string;
      try {
        decoded = decodeURIComponent(path);
      } catch {
        return undefined;
      }
      if (decoded.includes("\0")) return undefined;
      const lastSegment = decoded.slice(decoded.lastIndexOf("/") + 1);
      if (lastSegment.includes(".")) {
        const file = await fileAt(decoded);
        if (!file) return undefined;
        return send(c, file, decoded.startsWith("/assets/") ? hashedCacheControl : revalidateCacheControl);
      }
      const page = await fileAt("index.html");
      const patterns = page ? await readScreenPaths() : undefined;
      if (!page || !patterns) {
        return c.text(notBuiltMessage, 503, { "Cache-Control": "no-store" });
      }
      if (!isScreenPath(path, patterns)) return undefined;
      return send(c, page, revalidateCacheControl);
    },
  };
}
