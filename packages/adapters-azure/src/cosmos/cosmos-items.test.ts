import { ConfideError } from "@confide/core/ports";
import { describe, expect, it } from "vitest";
import { toCosmosError } from "./cosmos-errors.ts";
import { cosmosItemIdOf, raceAttempts, retryOnRace } from "./cosmos-items.ts";

/** The shape `@azure/cosmos` throws for an answered request: the status in `code`. */
const answered = (status: number) => Object.assign(new Error(`status ${status}`), { code: status });

describe("retryOnRace", () => {
  it("tries again after 409 and 412 and answers what the first clean try answers", async () => {
    const failures = [answered(412), answered(409), answered(412)];
    let tries = 0;

    const result = await retryOnRace(async () => {
      tries += 1;
      const failure = failures.shift();
      if (failure !== undefined) throw failure;
      return "written";
    });

    expect(result).toBe("written");
    expect(tries).toBe(4);
  });

  it("gives up after raceAttempts tries with the last 412, which the error map makes retryable", async () => {
    let tries = 0;
    const error = await retryOnRace(async () => {
      tries += 1;
      throw answered(412);
    }).catch((caught: unknown) => caught);

    expect(tries).toBe(raceAttempts);
    const mapped = toCosmosError(error, "write");
    expect(ConfideError.is(mapped, "dependency.unavailable") && mapped.retryable).toBe(true);
  });

  it("does not retry any other failure", async () => {
    let tries = 0;
    const failure = answered(503);

    await expect(
      retryOnRace(async () => {
        tries += 1;
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(tries).toBe(1);
  });
});

describe("cosmosItemIdOf", () => {
  it("escapes % and the characters Cosmos DB refuses in ids, keeping distinct values distinct", () => {
    expect(cosmosItemIdOf("a/b\\c?d#e%f@x.test")).toBe("a%2Fb%5Cc%3Fd%23e%25f@x.test");
    expect(cosmosItemIdOf("plain.name+tag@example.test")).toBe("plain.name+tag@example.test");
    expect(cosmosItemIdOf("a%2Fb")).not.toBe(cosmosItemIdOf("a/b"));
  });
});
