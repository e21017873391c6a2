import type { Hono } from "hono";
import { METHOD_NAME_ALL } from "hono/router";
import { TrieRouter } from "hono/router/trie-router";
import type { AppEnv } from "../app-env.ts";

/** Order of the methods in an `Allow` header. */
const methodOrder = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

/**
 * The methods each path of `app` answers, derived from its registered routes (middleware, which
 * Hono registers for every method, does not count). A GET route answers HEAD too, as Hono does.
 * Read the routes on first use, once every router is mounted.
 */
export function createAllowedMethods(app: Hono<AppEnv>): (path: string) => string[] {
  let router: TrieRouter<string> | undefined;
  const build = () => {
    const built = new TrieRouter<string>();
    for (const route of app.routes) {
      if (route.method === METHOD_NAME_ALL) continue;
      // Registered under "ALL" so that one match finds every method of the path.
      built.add(METHOD_NAME_ALL, route.path, route.method.toUpperCase());
    }
    return built;
  };
  return (path) => {
    router ??= build();
    const methods = new Set(router.match("GET", path)[0].map(([method]) => method));
    if (methods.has("GET")) methods.add("HEAD");
    return [...methods].sort((a, b) => rank(a) - rank(b));
  };
}

function rank(method: string): number {
  const index = methodOrder.indexOf(method);
  return index === -1 ? methodOrder.length : index;
}
