// A developer's unit test in another project: core's in-memory adapters, the whole pipeline.
import { startTestPipeline, storedTestSession, uploadTestRecording } from "@confide/core/testing";

const deps = await startTestPipeline({});
const uploaded = await uploadTestRecording(deps);
for (let round = 0; round < 10 && (await storedTestSession(deps, uploaded)).status !== "ready"; round += 1) await deps.queue.runDue();
const session = await storedTestSession(deps, uploaded);
await deps.queue.close();
console.log(JSON.stringify({ status: session.status, notes: session.notes !== null, risk: session.risk?.summary ?? null }));
