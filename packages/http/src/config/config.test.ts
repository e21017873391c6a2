import { ConfideError } from "@confide/core";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "./config.ts";

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (ConfideError.is(error, "validation.invalid_input")) return error.details?.problems as string[];
    throw error;
  }
  return [];
}

describe("loadConfig", () => {
  it("defaults to the embedded profile with no servers", () => {
    const config = loadConfig({});
    expect(config.profile).toBe("embedded");
    expect(config.adapters).toEqual({
      repository: "pglite",
      storage: "filesystem",
      speech: "pocketsphinx",
      language: "vader",
      queue: "in-process",
      push: "log",
    });
    expect(config.jwtSecret).toBeUndefined();
    expect(config.port).toBe(8080);
  });

  it("lets one port be overridden on its own", () => {
    const config = loadConfig({ CONFIDE_SPEECH: "whisper", CONFIDE_WHISPER_URL: "http://127.0.0.1:9000" });
    expect(config.adapters.speech).toBe("whisper");
    expect(config.adapters.repository).toBe("pglite");
  });

  it("lists every problem at once", () => {
    const problems = problemsOf({ CONFIDE_PROFILE: "selfhosted", CONFIDE_PORT: "abc", CONFIDE_MAX_UPLOAD_BYTES: "-1" });
    expect(problems.map((p) => p.split(":")[0])).toEqual([
      "CONFIDE_PORT",
      "CONFIDE_MAX_UPLOAD_BYTES",
      "CONFIDE_DATABASE_URL",
      "CONFIDE_REDIS_URL",
      "CONFIDE_WHISPER_URL",
      "CONFIDE_FCM_SERVICE_ACCOUNT_FILE",
      "CONFIDE_JWT_SECRET",
    ]);
  });

  it("refuses unknown profiles and adapters by name", () => {
    expect(problemsOf({ CONFIDE_PROFILE: "azure" })[0]).toMatch(/^CONFIDE_PROFILE: must be one of embedded, selfhosted/);
    expect(problemsOf({ CONFIDE_QUEUE: "sqs" })[0]).toMatch(/^CONFIDE_QUEUE:/);
  });

  it("requires a long JWT secret when one is given", () => {
    expect(problemsOf({ CONFIDE_JWT_SECRET: "short" })[0]).toMatch(/^CONFIDE_JWT_SECRET: must be at least 32/);
  });

  it("treats empty variables as unset", () => {
    expect(loadConfig({ CONFIDE_PORT: "", CONFIDE_PROFILE: "" }).port).toBe(8080);
  });

  it("says what is wrong with a value in words, quoting numbers and choices back", () => {
    expect(problemsOf({ CONFIDE_PORT: "abc" })).toEqual(['CONFIDE_PORT: must be a whole number (got "abc")']);
    expect(problemsOf({ CONFIDE_PORT: "99999" })).toEqual(['CONFIDE_PORT: must be at most 65535 (got "99999")']);
    expect(problemsOf({ CONFIDE_WORKER_CONCURRENCY: "1.5" })).toEqual(['CONFIDE_WORKER_CONCURRENCY: must be a whole number (got "1.5")']);
    expect(problemsOf({ CONFIDE_QUEUE: "sqs" })).toEqual(['CONFIDE_QUEUE: must be one of in-process, bullmq (got "sqs")']);
    expect(problemsOf({ CONFIDE_SPEECH: "whisper", CONFIDE_WHISPER_URL: "not a url" })).toEqual([
      "CONFIDE_WHISPER_URL: must be a URL such as scheme://host:port",
    ]);
  });

  it("reports an unknown profile alone, without requirements of a profile it does not know", () => {
    expect(problemsOf({ CONFIDE_PROFILE: "bogus" })).toEqual([
      "CONFIDE_PROFILE: must be one of embedded, selfhosted (the azure and aws adapters are not in this build yet)",
    ]);
  });

  describe("a file named by a variable", () => {
    const folder = mkdtempSync(join(tmpdir(), "confide-config-"));
    afterAll(() => rmSync(folder, { recursive: true, force: true }));
    const file = (name: string, content: string) => {
      const path = join(folder, name);
      writeFileSync(path, content);
      return path;
    };
    const fcmProblems = (path: string) =>
      problemsOf({ CONFIDE_PUSH: "fcm", CONFIDE_FCM_SERVICE_ACCOUNT_FILE: path, CONFIDE_PORT: "abc" });

    it("names the variable and says what is wrong, with the other problems", () => {
      expect(fcmProblems(file("empty.json", "\n"))).toEqual([
        'CONFIDE_PORT: must be a whole number (got "abc")',
        `CONFIDE_FCM_SERVICE_ACCOUNT_FILE: ${folder}/empty.json is empty`,
      ]);
      expect(fcmProblems(file("text.json", "not json"))[1]).toMatch(
        new RegExp(`^CONFIDE_FCM_SERVICE_ACCOUNT_FILE: ${folder}/text.json is not JSON \\(`),
      );
      expect(fcmProblems(file("list.json", "[1]"))[1]).toBe(
        `CONFIDE_FCM_SERVICE_ACCOUNT_FILE: ${folder}/list.json holds JSON but not an object`,
      );
      expect(fcmProblems(file("partial.json", '{"project_id":"p"}'))[1]).toBe(
        `CONFIDE_FCM_SERVICE_ACCOUNT_FILE: ${folder}/partial.json: The FCM service account lacks client_email or private_key.`,
      );
      expect(fcmProblems(join(folder, "missing.json"))[1]).toBe(
        `CONFIDE_FCM_SERVICE_ACCOUNT_FILE: there is no file ${folder}/missing.json`,
      );
      expect(fcmProblems(folder)[1]).toBe(`CONFIDE_FCM_SERVICE_ACCOUNT_FILE: ${folder} is a folder, not a file`);
    });

    it("hands the service account it read to the push adapter", () => {
      const path = file("account.json", JSON.stringify({ project_id: "p", client_email: "a@p.iam", private_key: "key" }));
      const config = loadConfig({ CONFIDE_PUSH: "fcm", CONFIDE_FCM_SERVICE_ACCOUNT_FILE: path });
      expect(config.fcmServiceAccount).toEqual({ project_id: "p", client_email: "a@p.iam", private_key: "key" });
    });
  });
});
