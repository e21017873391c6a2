// The repository's packages, read from the root package.json's `workspaces` — the one place they
// are listed. The API report, the core entries' scan of imports and the pack test take their
// package lists from here, so a new package is listed once, in `workspaces` (and, as every package
// it builds, in the root tsconfig's references).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { repositoryRoot } from "./import-rewrite.ts";

/** What this file reads of a package's package.json. */
interface Manifest {
  name: string;
  private?: boolean;
  exports?: Record<string, unknown>;
}

/** Every workspace package under `packages/`, as the folder name and its manifest, in `workspaces` order. */
function workspacePackages(root: string): Array<{ folder: string; manifest: Manifest }> {
  const { workspaces } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { workspaces: string[] };
  return workspaces
    .filter((path) => path.startsWith("packages/"))
    .map((path) => {
      const folder = path.slice("packages/".length);
      return { folder, manifest: JSON.parse(readFileSync(join(root, path, "package.json"), "utf8")) as Manifest };
    });
}

/** The folders (`core`, `adapters-local`…) of the packages with entry points — all but an app like the console — whose public surface is reported. */
export function packagesWithEntryPoints(root = repositoryRoot): string[] {
  return workspacePackages(root)
    .filter(({ manifest }) => manifest.exports !== undefined && Object.keys(manifest.exports).length > 0)
    .map(({ folder }) => folder);
}

/** The folders of the packages published to npm: those not marked `private`. */
export function publishedPackages(root = repositoryRoot): string[] {
  return workspacePackages(root)
    .filter(({ manifest }) => manifest.private !== true)
    .map(({ folder }) => folder);
}
