/**
 * What the Cosmos DB session repository sends per operation on a 3-hour session (1,800 segments,
 * 27,000 timed words; `three-hour-session.test-support.ts`), counted at the fault proxy between
 * the real `@azure/cosmos` client and the Cosmos DB stand-in (both started here): requests and
 * request bytes per operation — item writes cost RUs in proportion to their size on Cosmos DB —
 * and the median time against the stand-in (a local Node server: not Cosmos DB's latency, only
 * the client's and the adapter's own work plus loopback).
 *
 * Run: node --conditions=source bench/cosmos-sessions.ts
 * Environment: BENCH_REPEATS (default 5).
 */
import type { Session } from "../packages/core/src/ports-entry.ts";
import { startCosmosServer } from "../packages/contracts/src/support/cosmos-server.ts";
import { startCosmosFaultProxy } from "../packages/contracts/src/fakes/cosmos-fault-proxy.ts";
import { createCosmosContext } from "../packages/adapters-azure/src/cosmos/cosmos-client.ts";
import { prepareCosmosContainers } from "../packages/adapters-azure/src/cosmos/cosmos-containers.ts";
import { createCosmosSessionRepository } from "../packages/adapters-azure/src/cosmos/cosmos-session-repository.ts";
import { buildThreeHourSession } from "../packages/adapters-azure/src/cosmos/three-hour-session.test-support.ts";
import { deferCleanup, runCleanup } from "./support/cleanup.ts";
import { machineLoadLine } from "./support/machine-load.ts";
import { median } from "./support/median.ts";

const repeats = Number(process.env.BENCH_REPEATS ?? 5);

try {
  const server = await startCosmosServer();
  deferCleanup(() => server.stop());
  const proxy = await startCosmosFaultProxy(server);
  deferCleanup(() => proxy.close());
  const context = await createCosmosContext({ endpoint: proxy.endpoint, key: server.key, ca: server.certificate.cert, endpointDiscovery: false, databaseId: "bench" });
  deferCleanup(() => context.close());
  await prepareCosmosContainers(context);
  const sessions = createCosmosSessionRepository(context, { close: async () => {} });
  console.log(machineLoadLine());

  const figures = new Map<string, { requests: number[]; bytes: number[]; ms: number[] }>();
  async function measure<T>(name: string, action: () => Promise<T>): Promise<T> {
    const before = proxy.exchanges.length;
    const started = performance.now();
    const value = await action();
    const ms = performance.now() - started;
    const exchanges = proxy.exchanges.slice(before);
    const entry = figures.get(name) ?? { requests: [], bytes: [], ms: [] };
    entry.requests.push(exchanges.length);
    entry.bytes.push(exchanges.reduce((sum, exchange) => sum + exchange.bodyBytes, 0));
    entry.ms.push(ms);
    figures.set(name, entry);
    return value;
  }

  const therapistId = "bench-therapist";
  for (let run = 0; run < repeats; run += 1) {
    const session = buildThreeHourSession({ id: `bench-${run}`, therapistId, version: 1 });
    await measure("create", () => sessions.create(session));
    await measure("get", () => sessions.get(session.id));
    await measure("getStatus", () => sessions.getStatus(session.id));
    const renewed = await measure("update, transcript unchanged (a status step)", () =>
      sessions.update({ ...session, updatedAt: new Date(session.updatedAt.getTime() + 1_000) }, 1),
    );
    const transcript = renewed.transcript!;
    const edited: Session = {
      ...renewed,
      transcript: { ...transcript, revision: 2, segments: [{ ...transcript.segments[0]!, text: "Edited.", words: [] }, ...transcript.segments.slice(1)] },
    };
    await measure("update, transcript changed (a review edit)", () => sessions.update(edited, 2));
  }
  for (let run = 0; run < repeats; run += 1) {
    await measure(`list: one page of the ${repeats} sessions' summaries`, () => sessions.list({ therapistId, limit: 100 }));
  }
  await measure("delete", () => sessions.delete(`bench-0`));

  console.log(`operation on a 3-hour session (27,000 words) | requests | request bytes | median ms (stand-in, ${repeats} runs)`);
  for (const [name, entry] of figures) {
    console.log(`${name} | ${median(entry.requests)} | ${Math.round(median(entry.bytes)).toLocaleString("en")} | ${median(entry.ms).toFixed(1)}`);
  }
} finally {
  await runCleanup();
}
