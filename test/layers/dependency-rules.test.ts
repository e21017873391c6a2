/**
 * The layering rules of `.dependency-cruiser.cjs` (`npm run lint:layers`) fire on each import they
 * forbid and stay quiet on the ones they allow on purpose, on fixture trees run through
 * dependency-cruiser with the repository's own configuration.
 */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";

const repository = new URL("../../", import.meta.url).pathname;
const depcruise = join(repository, "node_modules/dependency-cruiser/bin/dependency-cruiser.mjs");
const config = join(repository, ".dependency-cruiser.cjs");
let root: string | undefined;

afterEach(async () => {
  if (root) await rm(root, { recursive: true, force: true });
  root = undefined;
});

/** Cruises a packages folder holding `files` (path → source). @returns the exit code and the rules named. */
async function cruise(files: Record<string, string>): Promise<{ code: number; output: string }> {
  root = await mkdtemp(join(tmpdir(), "confide-layers-"));
  for (const [path, source] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), source);
  }
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [depcruise, "packages", "--config", config, "--output-type", "err"], { cwd: root });
    return { code: 0, output: stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: `${failed.stdout}${failed.stderr}` };
  }
}

const port = { "packages/core/src/ports/blob-store.ts": "export interface ByteRange { start: number }\n" };

describe("layering rules", () => {
  it("refuses a domain file importing a port (domain-imports-no-port)", async () => {
    const result = await cruise({
      ...port,
      "packages/core/src/domain/byte-range.ts": 'import type { ByteRange } from "../ports/blob-store.ts";\nexport const f = (r: ByteRange) => r;\n',
    });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain("domain-imports-no-port");
    expect(result.output).toContain("packages/core/src/domain/byte-range.ts");
  });

  it("lets the domain import the claim reader's port and lets a domain test import a port", async () => {
    const result = await cruise({
      ...port,
      "packages/core/src/ports/claim-reader.ts": "export interface ClaimReader { read(text: string): string[] }\n",
      "packages/core/src/domain/claim-support.ts": 'import type { ClaimReader } from "../ports/claim-reader.ts";\nexport const f = (r: ClaimReader) => r;\n',
      "packages/core/src/domain/byte-range.test.ts": 'import type { ByteRange } from "../ports/blob-store.ts";\nexport const f = (r: ByteRange) => r;\n',
    });
    expect(result).toMatchObject({ code: 0 });
  });

  it("refuses production code importing core's testing folder (production-does-not-import-testing)", async () => {
    const result = await cruise({
      "packages/core/src/testing/instant.ts": "export const instant = 1;\n",
      "packages/adapters-local/src/instant-live/descriptor.ts": 'export const load = () => import("../../../core/src/testing/instant.ts");\n',
    });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain("production-does-not-import-testing");
    expect(result.output).toContain("packages/adapters-local/src/instant-live/descriptor.ts");
  });

  it("lets tests, test support, the contract suites and the client's generator import core's testing folder", async () => {
    const importTesting = (depth: number) => `import { instant } from "${"../".repeat(depth)}core/src/testing/instant.ts";\nexport const x = instant;\n`;
    const result = await cruise({
      "packages/core/src/testing/instant.ts": "export const instant = 1;\n",
      "packages/adapters-local/src/instant-live/descriptor.test.ts": importTesting(3),
      "packages/adapters-local/src/s3/recording-proxy.test-support.ts": importTesting(3),
      "packages/contracts/src/fixtures.ts": importTesting(2),
      "packages/client/src/codegen/openapi-types-source.ts": importTesting(3),
    });
    expect(result).toMatchObject({ code: 0 });
  });

  it("refuses an adapter's production code importing core's root entry (adapters-import-core-ports-only), and lets its tests", async () => {
    const core = {
      "packages/core/src/index.ts": "export const uploadSession = 1;\n",
      "packages/core/src/ports-entry.ts": "export const checkByteRange = 1;\n",
    };
    const refused = await cruise({
      ...core,
      "packages/adapters-aws/src/s3/s3-blob-store.ts": 'import { uploadSession } from "../../../core/src/index.ts";\nexport const x = uploadSession;\n',
      "packages/llm-notes/src/prompt.ts": 'import { uploadSession } from "../../core/src/index.ts";\nexport const x = uploadSession;\n',
    });
    expect(refused.code).not.toBe(0);
    expect(refused.output).toContain("adapters-import-core-ports-only");
    expect(refused.output).toContain("packages/adapters-aws/src/s3/s3-blob-store.ts");
    expect(refused.output).toContain("packages/llm-notes/src/prompt.ts");
    const allowed = await cruise({
      ...core,
      "packages/adapters-aws/src/s3/s3-blob-store.ts": 'import { checkByteRange } from "../../../core/src/ports-entry.ts";\nexport const x = checkByteRange;\n',
      "packages/adapters-aws/src/s3/s3-blob-store.test.ts": 'import { uploadSession } from "../../../core/src/index.ts";\nexport const x = uploadSession;\n',
      "packages/http/src/server.ts": 'import { uploadSession } from "../../core/src/index.ts";\nexport const x = uploadSession;\n',
    });
    expect(allowed).toMatchObject({ code: 0 });
  });

  it("refuses the ports entry reaching a use case or the composition, even through a port (ports-entry-reaches-no-use-case)", async () => {
    const result = await cruise({
      "packages/core/src/use-cases/upload.ts": "export const uploadSession = 1;\n",
      "packages/core/src/ports/job-queue.ts": 'import { uploadSession } from "../use-cases/upload.ts";\nexport const x = uploadSession;\n',
      "packages/core/src/ports-entry.ts": 'export * from "./ports/job-queue.ts";\n',
    });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain("ports-entry-reaches-no-use-case");
    const clean = await cruise({
      "packages/core/src/ports/job-queue.ts": "export const x = 1;\n",
      "packages/core/src/ports-entry.ts": 'export * from "./ports/job-queue.ts";\n',
    });
    expect(clean).toMatchObject({ code: 0 });
  });

  it("refuses a test double importing a use case, but for the test pipeline (testing-uses-use-cases-only-to-drive-a-pipeline)", async () => {
    const useCase = { "packages/core/src/use-cases/sessions/upload-session.ts": "export const uploadSession = 1;\n" };
    const importUseCase = 'import { uploadSession } from "../use-cases/sessions/upload-session.ts";\nexport const x = uploadSession;\n';
    const refused = await cruise({ ...useCase, "packages/core/src/testing/in-memory-blob-store.ts": importUseCase });
    expect(refused.code).not.toBe(0);
    expect(refused.output).toContain("testing-uses-use-cases-only-to-drive-a-pipeline");
    await rm(root!, { recursive: true, force: true });

    expect(await cruise({ ...useCase, "packages/core/src/testing/test-pipeline.ts": importUseCase })).toMatchObject({ code: 0 });
  });

  it("refuses files importing each other in a loop, type imports included (no-circular)", async () => {
    const refused = await cruise({
      "packages/core/src/domain/risk-screen.ts": 'import { riskTier } from "./risk-page-rule.ts";\nexport type RiskCategory = "self_harm";\nexport const tier = riskTier;\n',
      "packages/core/src/domain/risk-page-rule.ts": 'import type { RiskCategory } from "./risk-screen.ts";\nexport const riskTier = (category: RiskCategory) => category;\n',
    });
    expect(refused.code).not.toBe(0);
    expect(refused.output).toContain("no-circular");
    expect(refused.output).toContain("packages/core/src/domain/risk-page-rule.ts");
    await rm(root!, { recursive: true, force: true });

    const shared = await cruise({
      "packages/core/src/domain/risk-category.ts": 'export type RiskCategory = "self_harm";\n',
      "packages/core/src/domain/risk-screen.ts": 'import { riskTier } from "./risk-page-rule.ts";\nexport const tier = riskTier;\n',
      "packages/core/src/domain/risk-page-rule.ts": 'import type { RiskCategory } from "./risk-category.ts";\nexport const riskTier = (category: RiskCategory) => category;\n',
    });
    expect(shared).toMatchObject({ code: 0 });
  });

  it("refuses llm-notes importing an adapter or the host, and lets its tests (llm-notes-below-adapters-and-host)", async () => {
    const host = { "packages/http/src/config/config.ts": "export const config = 1;\n" };
    const importHost = 'import { config } from "../../http/src/config/config.ts";\nexport const x = config;\n';
    const refused = await cruise({ ...host, "packages/llm-notes/src/llm-note-writer.ts": importHost });
    expect(refused.code).not.toBe(0);
    expect(refused.output).toContain("llm-notes-below-adapters-and-host");
    await rm(root!, { recursive: true, force: true });

    expect(await cruise({ ...host, "packages/llm-notes/src/llm-note-writer.test.ts": importHost })).toMatchObject({ code: 0 });
  });
});
