import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

// The console builds into the host's package: `confide serve` serves packages/http/console-assets
// (DESIGN §2: packages/http holds the console's static assets). Workspace packages resolve to
// their TypeScript sources, as in the tests.
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  resolve: { conditions: ["source", "browser", "module", "import", "default"] },
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  build: {
    outDir: fileURLToPath(new URL("../http/console-assets", import.meta.url)),
    emptyOutDir: true,
    // One request fewer, and nothing that a strict CSP would have to allow: no inline modulepreload polyfill.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: true,
    target: "es2022",
  },
});
