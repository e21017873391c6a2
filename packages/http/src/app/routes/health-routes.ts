import { ConfideError } from "@confide/core";
import { createRoute, z } from "@hono/zod-openapi";
import { createRouter } from "../create-router.ts";

export interface ReadinessEntry {
  name: string;
  ok: boolean;
  code?: string;
  message?: string;
}

export interface HealthRoutesOptions {
  /** One entry per configured dependency. */
  readiness: () => Promise<ReadinessEntry[]>;
}

const ReadinessSchema = z
  .object({
    status: z.enum(["ready", "unavailable"]),
    checks: z.array(z.object({ name: z.string(), ok: z.boolean(), code: z.string().optional() })),
  })
  .openapi("Readiness");

export function createHealthRoutes(options: HealthRoutesOptions) {
  const router = createRouter();

  router.openapi(
    createRoute({
      method: "get",
      path: "/healthz",
      operationId: "checkLiveness",
      tags: ["health"],
      security: [],
      summary: "Liveness: the process answers",
      responses: {
        200: { description: "Alive.", content: { "application/json": { schema: z.object({ status: z.literal("ok") }) } } },
      },
    }),
    (c) => c.json({ status: "ok" as const }, 200),
  );

  router.openapi(
    createRoute({
      method: "get",
      path: "/readyz",
      operationId: "checkReadiness",
      tags: ["health"],
      security: [],
      summary: "Readiness: every configured dependency answers",
      description: "Lists each dependency with its error code (e.g. `speech.engine_unavailable`) when it does not answer.",
      responses: {
        200: { description: "Ready.", content: { "application/json": { schema: ReadinessSchema } } },
        503: { description: "A dependency does not answer.", content: { "application/json": { schema: ReadinessSchema } } },
      },
    }),
    async (c) => {
      let entries: ReadinessEntry[];
      try {
        entries = await options.readiness();
      } catch (error) {
        c.get("logger").error("readiness check failed", { message: error instanceof Error ? error.message : String(error) });
        entries = [{ name: "readiness", ok: false, code: ConfideError.is(error) ? error.code : "internal" }];
      }
      for (const entry of entries.filter((e) => !e.ok)) {
        c.get("logger").warn("dependency not ready", { dependency: entry.name, code: entry.code, message: entry.message });
      }
      // Messages may name hosts and paths: they go to the log, not to the caller.
      const checks = entries.map((entry) => ({ name: entry.name, ok: entry.ok, ...(entry.code ? { code: entry.code } : {}) }));
      const ready = entries.every((entry) => entry.ok);
      c.header("Cache-Control", "no-store");
      return ready
        ? c.json({ status: "ready" as const, checks }, 200)
        : c.json({ status: "unavailable" as const, checks }, 503);
    },
  );

  return router;
}
