/**
 * Layering rules of DESIGN §1: core is pure, adapters never import each other, packages never
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
        path: "(^|node_modules/)(@azure|@aws-sdk|hono|@hono|inversify|pg|pg-pool|@electric-sql|bullmq|ioredis|firebase-admin|zod|vader-sentiment)(/|$)|^packages/(adapters-[^/]+|http)/",
      },
    },
    {
      name: "core-no-fs",
      severity: "error",
      from: { path: "^packages/core/src" },
      to: { path: "^(node:)?(fs|fs/promises|child_process|net|http|https)$" },
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
