import { describe, expect, it } from "vitest";
import { createConfideDeps } from "./deps.ts";
import { assignRolesByQuestions } from "./domain/speaker-roles.ts";
import { systemClock } from "./ports/clock.ts";
import { randomIds } from "./ports/random-ids.ts";
import { defaultCoreSettings } from "./settings.ts";
import { createInMemorySessionRepository } from "./testing/in-memory-session-repository.ts";
import { createTestDeps } from "./testing/test-deps.ts";
import { storeSession } from "./use-cases/sessions/session-fixture.test-support.ts";

describe("createConfideDeps", () => {
  it("takes the repositories' ports, merges settings over the defaults and fills the rest", async () => {
    const parts = createTestDeps();
    const deps = createConfideDeps({ ...parts, repositories: parts, settings: { passwordCost: 2048 } });
    expect(deps.audit).toBe(parts.audit);
    expect(deps.events).toBe(parts.events);
    expect(deps.blobs).toBe(parts.blobs);
    expect(deps.settings).toEqual({ ...defaultCoreSettings, passwordCost: 2048 });
    expect(deps.clock).toBe(parts.clock);
    expect(deps.random).toBe(parts.random);
    const bare = createConfideDeps({
      blobs: parts.blobs,
      speech: parts.speech,
      language: parts.language,
      notes: parts.notes,
      claims: parts.claims,
      risk: parts.risk,
      queue: parts.queue,
      push: parts.push,
      events: parts.events,
      repositories: parts,
    });
    expect(bare.clock).toBe(systemClock);
    expect(bare.ids).toBe(randomIds);
    expect(bare.assignRoles).toBe(assignRolesByQuestions);
    expect(bare.settings).toEqual(defaultCoreSettings);
  });

  it("wraps the sessions repository: what is written through it is stored there, and announced on events", async () => {
    const parts = createTestDeps();
    const stored = createInMemorySessionRepository();
    const deps = createConfideDeps({ ...parts, repositories: { ...parts, sessions: stored } });
    const session = await storeSession({ ...parts, sessions: deps.sessions }, { status: "queued" });

    expect(await stored.getStatus(session.id)).toMatchObject({ version: session.version, status: "queued" });
    expect(parts.events.published).toEqual([expect.objectContaining({ sessionId: session.id, version: session.version, status: "queued" })]);
  });
});
