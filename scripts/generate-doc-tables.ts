// Writes every generated table of the documentation (the configuration table, the provider and
// profile tables, each provider folder's settings) from the adapter registry, the settings
// schemas and the profiles, wherever a page asks for one with a `<!-- generated: … -->` comment.
// `npm run docs:tables`; a test (packages/http/src/config/doc-tables.test.ts) fails while one is out of date.
import { fileURLToPath } from "node:url";
import { writePages } from "../packages/http/src/config/doc-pages.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const rewritten = await writePages(root);
console.log(rewritten.length === 0 ? "Every generated table is up to date." : `Rewritten: ${rewritten.join(", ")}`);
