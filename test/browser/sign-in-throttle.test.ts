/**
 * Sign-in throttling as a clinic behind one address meets it: after 56 failed sign-ins for 56
 * other emails from that address (the test and the browser share 127.0.0.1), the seeded
 * therapist still signs in from a fresh browser; a wrong password from there is answered with the
 * wait, said once, in minutes. axe-core on the refusal.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkAtWidths, signIn, startConsoleHarness, type ConsoleHarness } from "./support/console-harness.ts";

let harness: ConsoleHarness;

beforeAll(async () => {
  harness = await startConsoleHarness();
}, 180_000);

afterAll(async () => {
  await harness?.stop();
});

describe("sign-in throttling in the console", () => {
  it("lets a therapist in from a fresh browser after 56 failures for other emails from the same address, and says the wait once", async () => {
    const statuses: number[] = [];
    for (let index = 0; index < 56; index += 1) {
      const response = await fetch(`${harness.baseUrl}/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: `someone-${index}@example.org`, password: "not the password at all" }),
      });
      statuses.push(response.status);
      await response.body?.cancel();
    }
    // The address's failures are spent: the last of them were answered "wait".
    expect(statuses.slice(0, 50).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(50).every((status) => status === 429)).toBe(true);

    const { page, problems } = await harness.newPage();
    await signIn(page, harness.server.accounts.therapist, "Sessions");
    expect(problems).toEqual([]);

    // A patient mistyping from the busy address is told how long to wait, once, in minutes.
    const other = await harness.newPage();
    await other.page.goto("/");
    await other.page.getByLabel("Email").fill(harness.server.accounts.patient.user.email);
    await other.page.getByLabel("Password").fill("a wrong password, typed in a hurry");
    await other.page.getByRole("button", { name: "Sign in" }).click();
    const refusal = other.page.getByRole("alert").filter({ hasText: "Too many sign-in attempts." });
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/^Too many sign-in attempts\. Try again in 1[45] minutes\.$/);
    await checkAtWidths(harness, other.page, "sign-in-throttled");
    expect(other.problems).toEqual([]);
  });
});
