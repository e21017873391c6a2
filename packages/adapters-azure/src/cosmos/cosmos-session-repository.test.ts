import { buildSession, buildTranscript, describeSessionRepositoryContract } from "@confide/contracts";
import { describe, expect, it } from "vitest";
import { sessionsContainerId } from "./cosmos-containers.ts";
import type { SessionItem } from "./cosmos-session-items.ts";
import { useCosmosStandIn } from "./cosmos-stand-in.test-support.ts";
import { createCosmosSessionRepository } from "./cosmos-session-repository.ts";

const standIn = useCosmosStandIn();

describeSessionRepositoryContract({
  name: "cosmos (Cosmos DB stand-in)",
  create: async () => createCosmosSessionRepository(await standIn.freshContext()),
  capabilities: { stemming: false },
});

describeSessionRepositoryContract({
  name: "cosmos (pages of 2 items, content in chunks of 200 bytes)",
  create: async () => createCosmosSessionRepository(await standIn.freshContext(), { queryPageSize: 2, contentChunkBudgetBytes: 200 }),
  capabilities: { stemming: false },
});

describe("Cosmos sessions written before the patient's search terms were kept", () => {
  it("are found by a patient's search through their title and transcript terms", async () => {
    const context = await standIn.freshContext();
    const sessions = createCosmosSessionRepository(context, { close: async () => {} });
    const session = buildSession({ status: "finalized", title: "Check-in", transcript: buildTranscript({ segments: [{ id: "seg-1", speaker: "S2", startMs: 0, endMs: 1_000, text: "I slept badly." }] }) });
    await sessions.create(session);
    // As the repository wrote it before: no patientSearchTerms, searchTerms of the title and transcript only.
    const item = context.container(sessionsContainerId).item(session.id, session.id);
    const { resource } = await item.read<SessionItem>();
    const { patientSearchTerms, ...older } = resource as SessionItem;
    // Today's patient terms leave out a title the therapist did not share.
    expect(patientSearchTerms).toEqual(["i", "slept", "badly"]);
    await item.replace({ ...older, searchTerms: ["check", "in", "i", "slept", "badly"] });

    const ids = async (text: string, searchAudience: "clinician" | "patient") =>
      (await sessions.list({ limit: 10, text, searchAudience })).items.map((summary) => summary.id);
    expect(await ids("slept", "patient")).toEqual([session.id]);
    expect(await ids("slept", "clinician")).toEqual([session.id]);
    expect(await ids("volcano", "patient")).toEqual([]);
  });
});
