import type { LiveCapacityStatus } from "@confide/core";
import { ConfideError } from "@confide/core/ports";
import { createRoute, z } from "@hono/zod-openapi";
import { createRouter } from "../create-router.ts";
import type { ReadinessEntry } from "../../composition/readiness.ts";
import { defaultSharedReadiness, sharedReadiness } from "./shared-readiness.ts";

export type { ReadinessEntry } from "../../composition/readiness.ts";

export interface HealthRoutesOptions {
  /** One entry per configured dependency. `/readyz` shares and spaces its calls (`sharedReadiness`). */
  readiness: () => Promise<ReadinessEntry[]>;
  /** The host's clock in milliseconds, for how old a readiness result is. */
  now: () => number;
  /** This process's live capacity, where it serves live sessions. */
  liveCapacity?: () => LiveCapacityStatus;
}

const ReadinessSchema = z
  .object({
    status: z.enum(["ready", "unavailable"]),
    checks: z.array(z.object({ name: z.string(), ok: z.boolean(), code: z.string().optional() })),
    live: z
      .object({
        streamsInUse: z.number().int().describe("live streams (sessions with live text) this process runs now"),
        maxStreams: z.number().int().nullable().describe("its capacity (`CONFIDE_LIVE_MAX_STREAMS` or derived); null: no limit but the watched delay"),
        finalDelayP95Ms: z.number().nullable().describe("p95 of the delays from end of speech to final over the last 30 s; null with too few finals"),
        finalDelayTargetMs: z.number().describe("the engine's target for that delay"),
        admitting: z.boolean().describe("whether a live session started now gets live text; otherwise it is recorded only"),
        recordOnlyReason: z.enum(["capacity", "behind"]).nullable(),
        recordOnlyStarted: z.number().int().describe("live sessions this process started recorded only since it started"),
      })
      .optional()
      .describe("Live sessions' capacity of this process (per process: each API instance admits by its own). Being full does not make the process unready."),
  })
  .openapi("Readiness");

export function createHealthRoutes(options: HealthRoutesOptions) {
  const router = createRouter();
  const readiness = sharedReadiness(options.readiness, { ...defaultSharedReadiness, now: options.now });

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
      description:
        "Lists each dependency with its error code (e.g. `speech.engine_unavailable`) when it does not answer. The dependencies are checked at most once every 5 seconds, however many callers ask: callers at the same moment share one check, and an answer may be up to 30 seconds old (a newer check then runs for the next caller).",
      responses: {
        200: { description: "Ready.", content: { "application/json": { schema: ReadinessSchema } } },
        503: { description: "A dependency does not answer.", content: { "application/json": { schema: ReadinessSchema } } },
      },
    }),
    async (c) => {
      let entries: ReadinessEntry[];
      try {
        entries = await readiness();
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
      const live = options.liveCapacity ? { live: options.liveCapacity() } : {};
      c.header("Cache-Control", "no-store");
      return ready
        ? c.json({ status: "ready" as const, checks, ...live }, 200)
        : c.json({ status: "unavailable" as const, checks, ...live }, 503);
    },
  );

  return router;
}
