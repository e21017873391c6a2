import { createStore, useStore } from "../store.ts";

/** Where the console is: the path and the query of the address bar. */
export interface Location {
  path: string;
  query: URLSearchParams;
}

const current = () => ({ path: window.location.pathname, query: new URLSearchParams(window.location.search) });

export const location = createStore<Location>(current());

window.addEventListener("popstate", () => location.set(current()));

/** Goes to `href` (a path with an optional query) without reloading the page. */
export function navigate(href: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, "", href);
  else window.history.pushState(null, "", href);
  location.set(current());
}

export function useLocation(): Location {
  return useStore(location);
}

/**
 * Matches `path` against a pattern such as `/sessions/:id`; the named parts (decoded) when it
 * matches, else null.
 */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const patternParts = pattern.split("/").filter(Boolean);
  const pathParts = path.split("/").filter(Boolean);
  if (patternParts.length !== pathParts.length) return null;
  const params: Record<string, string> = {};
  for (const [index, part] of patternParts.entries()) {
    const actual = pathParts[index] as string;
    if (part.startsWith(":")) {
      try {
        params[part.slice(1)] = decodeURIComponent(actual);
      } catch {
        return null;
      }
    } else if (part !== actual) return null;
  }
  return params;
}
