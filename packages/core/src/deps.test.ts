import { describe, expect, it } from "vitest";
import { createConfideDeps } from "./deps.ts";
import { assignRolesByQuestions } from "./domain/speaker-roles.ts";
import { systemClock } from "./ports/clock.ts";
import { randomIds } from "./ports/random-ids.ts";
import { defaultCoreSettings } from "./settings.ts";
import { createTestDeps } from "./testing/test-deps.ts";

describe("createConfideDeps", () => {
  it("takes the repositories' ports, merges settings over the defaults and fills the rest", () => {
    const parts = createTestDeps();
    const deps = createConfideDeps({ ...parts, repositories: parts, settings: { passwordCost: 2048 } });
    expect(deps.sessions).toBe(parts.sessions);
    expect(deps.audit).toBe(parts.audit);
    expect(deps.blobs).toBe(parts.blobs);
    expect(deps.settings).toEqual({ ...defaultCoreSettings, passwordCost: 2048 });
    expect(deps.clock).toBe(parts.clock);
    expect(deps.random).toBe(parts.random);
    const bare = createConfideDeps({
      blobs: parts.blobs,
      speech: parts.speech,
      language: parts.language,
      queue: parts.queue,
      push: parts.push,
      repositories: parts,
    });
    expect(bare.clock).toBe(systemClock);
    expect(bare.ids).toBe(randomIds);
    expect(bare.assignRoles).toBe(assignRolesByQuestions);
    expect(bare.settings).toEqual(defaultCoreSettings);
  });
});
