import { describe, expect, it } from "vitest";
import { createModelKindParameters } from "./reasoning-model-parameters.ts";

const refusal = (param: string, code = "unsupported_parameter") => Object.assign(new Error("400"), { status: 400, code, param });

describe("the parameters a chat model takes by its kind", () => {
  it("a reasoning model: max_completion_tokens and no temperature; another: max_tokens and the temperature", () => {
    expect(createModelKindParameters(true, 2048, 0.1).current()).toEqual({ max_completion_tokens: 2048 });
    expect(createModelKindParameters(false, 2048, 0.1).current()).toEqual({ max_tokens: 2048, temperature: 0.1 });
  });

  it("learns each refused parameter once, sends again, and keeps what it learnt; another refusal is thrown as is", async () => {
    const parameters = createModelKindParameters(false, 1000, 0.2);
    const sent: object[] = [];
    const answer = await parameters.send(async (kind) => {
      sent.push(kind);
      if ("max_tokens" in kind) throw refusal("max_tokens");
      if ("temperature" in kind) throw refusal("temperature", "unsupported_value");
      return "notes";
    });
    expect(answer).toBe("notes");
    expect(sent).toEqual([{ max_tokens: 1000, temperature: 0.2 }, { max_completion_tokens: 1000, temperature: 0.2 }, { max_completion_tokens: 1000 }]);
    expect(parameters.current()).toEqual({ max_completion_tokens: 1000 });

    const other = refusal("logprobs");
    await expect(parameters.send(async () => Promise.reject(other))).rejects.toBe(other);
    // A 400 naming a parameter already dropped is not a lesson: thrown, not sent again forever.
    let calls = 0;
    await expect(parameters.send(async () => Promise.reject(refusal("max_tokens", "unsupported_parameter")).finally(() => (calls += 1)))).rejects.toMatchObject({ param: "max_tokens" });
    expect(calls).toBe(1);
    // Not a 400: thrown as is.
    await expect(createModelKindParameters(false, 1, 0).send(async () => Promise.reject(Object.assign(new Error("x"), { status: 500, code: "unsupported_parameter", param: "max_tokens" })))).rejects.toMatchObject({ status: 500 });
  });
});
