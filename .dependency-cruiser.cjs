/** Layering rules of DESIGN §1: core is pure, adapters never import each other. */
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
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^packages/[^/]+/dist/" },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["source", "import", "default"] },
  },
};
