import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";
import { screenPaths, screenPathsFile } from "./src/screen-paths.ts";

/** Writes the console's screen paths beside its page: the server answers only these with the console. */
const screenPathsAsset: Plugin = {
  name: "confide-screen-paths",
  generateBundle() {
    this.emitFile({ type: "asset", fileName: screenPathsFile, source: `${JSON.stringify(screenPaths)}\n` });
  },
};

// The console builds into the host's package: `confide serve` serves packages/http/console-assets
// (packages/http holds the console's static assets). Workspace packages resolve to
// their TypeScript sources, as in the tests.
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  plugins: [screenPathsAsset],
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
