/**
 * Layering rules (docs/architecture.md#hexagon): core is pure, adapters never import each other, packages never
 * reach into the repository's test/ folder (shared test code lives in @confide/contracts).
 */
module.exports = {
  forbidden: [
    {
      name: "core-is-pure",
      comment: "packages/core imports no SDK, host framework, DI container or filesystem",
      severity: "error",
      from: { path: "^packages/core/src" },
      to: {
        path: "(^|node_modules/)(@azure|@aws-sdk|hono|@hono|inversify|pg|pg-pool|@electric-sql|bullmq|ioredis|firebase-admin|zod|vader-sentiment)(/|$)|^packages/(adapters-[^/]+|http|llm-notes|client|console)/",
      },
    },
    {
      name: "core-no-fs",
      severity: "error",
      from: { path: "^packages/core/src" },
      to: { path: "^(node:)?(fs|fs/promises|child_process|net|http|https)$" },
    },
    {
      name: "no-circular",
      comment:
        "no files import each other in a loop, type imports included: a loop means no file of it can be read, tested or moved alone. Break one by moving what both need into a small file of its own (domain/risk-flag.ts holds the flag that risk-screen.ts, risk-page-rule.ts and risk-flag-id.ts all read)",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "llm-notes-below-adapters-and-host",
      comment:
        "@confide/llm-notes (the prompts and answer reading every LLM note writer shares) sits between core and the adapters: it imports core, never an adapter, the host, the client or the console, which import it",
      severity: "error",
      from: { path: "^packages/llm-notes/src/", pathNot: "\\.test\\.tsx?$|\\.test-support\\." },
      to: { path: "^packages/(adapters-[^/]+|http|client|console)/|^@confide/(adapters-[^/]+|http|client|console)(/|$)" },
    },
    {
      name: "adapters-do-not-import-each-other",
      severity: "error",
      from: { path: "^packages/(adapters-[^/]+)/" },
      to: { path: "^packages/adapters-|^@confide/adapters-", pathNot: "^packages/$1/|^@confide/$1$" },
    },
    {
      name: "adapters-do-not-import-host",
      severity: "error",
      from: { path: "^packages/adapters-" },
      to: { path: "^packages/http/" },
    },
    {
      name: "packages-do-not-import-test",
      comment: "a package reaches test code only through a workspace package (@confide/contracts), never test/",
      severity: "error",
      from: { path: "^packages/" },
      to: { path: "^test/" },
    },
    {
      name: "core-does-not-depend-on-contracts",
      comment: "the contract suites test core's ports; core itself never imports them",
      severity: "error",
      from: { path: "^packages/core/" },
      to: { path: "^packages/contracts/|^@confide/contracts(/|$)" },
    },
    {
      name: "domain-imports-no-port",
      comment:
        "core's domain (packages/core/src/domain) is values and rules: it imports no port, use case, test double or composition (DI tokens, deps); a helper every implementation of a port applies (checkByteRange, checkEnqueueArguments, retentionCandidateOf, unsupportedDatabaseSnapshots) lives beside its port. One exception, by design: the claim-support rule (domain/claim-support.ts, domain/note-evidence.ts) judges words that a ClaimReader reads, and ports/claim-reader.ts exists for that rule (its JSDoc says so)",
      severity: "error",
      from: { path: "^packages/core/src/domain/", pathNot: "\\.test\\.ts$" },
      to: {
        path: "^packages/core/src/(ports|use-cases|testing|events|live-speech)/|^packages/core/src/(deps|tokens)\\.ts$",
        pathNot: "^packages/core/src/ports/claim-reader\\.ts$",
      },
    },
    {
      name: "production-does-not-import-testing",
      comment:
        "@confide/core/testing (in-memory adapters, scripted engines, test pipelines) is for tests: no production file of any package imports it. Tests, test support, the contract suites (test code themselves) and the client's code generator (build tooling run by `npm run client:generate`, not part of the published package) may",
      severity: "error",
      from: {
        path: "^packages/",
        pathNot: "\\.test\\.tsx?$|\\.test-support\\.|^packages/contracts/|^packages/core/src/testing/|^packages/client/src/codegen/",
      },
      to: { path: "^packages/core/src/testing/" },
    },
    {
      name: "testing-uses-use-cases-only-to-drive-a-pipeline",
      comment:
        "core's test doubles implement ports and import no use case; testing/test-pipeline.ts is the one exception, allowed on purpose: it drives a session through the real upload and job handlers (the use cases under test) on in-memory adapters, which is what it is for",
      severity: "error",
      from: { path: "^packages/core/src/testing/", pathNot: "^packages/core/src/testing/test-pipeline\\.ts$|\\.test\\.ts$" },
      to: { path: "^packages/core/src/use-cases/" },
    },
    {
      name: "adapters-import-core-ports-only",
      comment:
        "an adapter package's production code takes what it needs from core through @confide/core/ports (packages/core/src/ports-entry.ts: the ports, the types they carry, ConfideError) and @confide/core/adapter-kit (packages/core/src/adapter-kit.ts: the helpers every implementation applies), never through @confide/core's root (use cases and composition, for hosts); its tests may use either",
      severity: "error",
      from: { path: "^packages/(adapters-[^/]+|llm-notes)/src/", pathNot: "\\.test\\.tsx?$|\\.test-support\\." },
      to: { path: "^packages/core/src/index\\.ts$" },
    },
    {
      name: "ports-entry-reaches-no-use-case",
      comment:
        "@confide/core/ports and @confide/core/adapter-kit are what an adapter author needs: nothing they reach is a use case, the composition (deps, tokens) or a test double, so an adapter cannot come to depend on them through them",
      severity: "error",
      from: { path: "^packages/core/src/(ports-entry|adapter-kit)\\.ts$" },
      to: { path: "^packages/core/src/(use-cases|testing)/|^packages/core/src/(deps|tokens|index)\\.ts$", reachable: true },
    },
    {
      name: "compose-without-the-host",
      comment: "@confide/http/compose is the composition for hosts other than ours: nothing it reaches loads Hono or the host's routes (the error codes and their status table excepted)",
      severity: "error",
      from: { path: "^packages/http/src/compose\\.ts$" },
      to: { path: "(^|node_modules/)(hono|@hono)(/|$)|^packages/http/src/(app/(?!errors/)|server\\.ts$|cli\\.ts$)", reachable: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^packages/[^/]+/dist/" },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["source", "import", "default"] },
  },
};
