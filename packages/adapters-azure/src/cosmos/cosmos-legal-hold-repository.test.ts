import { buildLegalHold, buildSession, describeLegalHoldRepositoryContract, minutesAfterEpoch } from "@confide/contracts";
import { describe, expect, it } from "vitest";
import { sessionsContainerId } from "./cosmos-containers.ts";
import { createCosmosLegalHoldRepository } from "./cosmos-legal-hold-repository.ts";
import { createCosmosRepositoriesOn } from "./cosmos-repositories.ts";
import { useCosmosStandIn } from "./cosmos-stand-in.test-support.ts";

const standIn = useCosmosStandIn();

describeLegalHoldRepositoryContract({
  name: "cosmos (stand-in)",
  create: async () => createCosmosLegalHoldRepository(await standIn.freshContext()),
});

describe("Cosmos legal holds and retention", () => {
  it("of ten releases at once, the first one's who and when stay", async () => {
    const holds = createCosmosLegalHoldRepository(await standIn.freshContext());
    const hold = buildLegalHold();
    await holds.create(hold);

    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, index) => holds.release(hold.id, { releasedAt: minutesAfterEpoch(index), releasedBy: `admin-${index}` })),
    );

    const stored = await holds.get(hold.id);
    expect(stored?.releasedBy).toMatch(/^admin-\d$/);
    for (const answer of answers) expect(answer).toEqual(stored);
  });

  it("prepare fills in the retention fields of sessions written before them, so the sweep finds them", async () => {
    const context = await standIn.freshContext();
    const repositories = createCosmosRepositoriesOn(context);
    const session = buildSession({ status: "finalized" });
    const finalized = { ...session, review: { ...session.review, finalizedAt: minutesAfterEpoch(-50), finalizedBy: session.therapistId } };
    await repositories.sessions.create(finalized);
    // As a version before retention wrote it: no retention fields.
    const container = context.container(sessionsContainerId);
    const { resource } = await container.item(finalized.id, finalized.id).read<Record<string, unknown>>();
    const { finalizedAtMs: _ms, finalizedKey: _key, audioRemoved: _removed, ...older } = resource as Record<string, unknown>;
    await container.item(finalized.id, finalized.id).replace(older);
    expect(await repositories.sessions.findRetentionCandidates({ rule: "session", before: minutesAfterEpoch(0), limit: 10 })).toEqual([]);

    await repositories.prepare();

    expect((await repositories.sessions.findRetentionCandidates({ rule: "session", before: minutesAfterEpoch(0), limit: 10 })).map((c) => c.id)).toEqual([
      finalized.id,
    ]);
    expect(await repositories.sessions.get(finalized.id)).toEqual(finalized);
  });
});
