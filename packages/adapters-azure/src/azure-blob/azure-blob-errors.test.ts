import { inspect } from "node:util";
import { RestError } from "@azure/storage-blob";
import { ConfideError } from "@confide/core/ports";
import { byteStream } from "@confide/core/testing";
import { expectConfideError } from "@confide/contracts";
import { startAzurite, type AzuriteBlob } from "@confide/contracts/support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAzureBlobStore } from "./azure-blob-store.ts";
import { toAzureBlobError } from "./azure-blob-errors.ts";

/** A RestError as the SDK throws it for an answer of `status` with Storage's error code. */
function answered(status: number, errorCode: string, headers: Record<string, string> = {}): RestError {
  const error = new RestError(`${errorCode}: a message that may carry a URL ?sig=secret`, {
    code: errorCode,
    statusCode: status,
    response: { status, headers: { get: (name: string) => headers[name.toLowerCase()] } } as never,
  });
  (error as unknown as { details: unknown }).details = { errorCode };
  return error;
}

function mapped(error: unknown): ConfideError {
  const result = toAzureBlobError(error, "store an object");
  expect(ConfideError.is(result), String(result)).toBe(true);
  return result as ConfideError;
}

describe("Azure Blob errors", () => {
  it.each([
    [429, "TooManyRequests"],
    [503, "ServerBusy"],
    [500, "InternalError"],
    [408, "OperationTimedOut"],
    [409, "ContainerBeingDeleted"],
    [412, "ConditionNotMet"],
  ])("%i %s is dependency.unavailable, retryable", (status, code) => {
    const error = mapped(answered(status, code));
    expect([error.code, error.retryable, error.details]).toEqual(["dependency.unavailable", true, { dependency: "azure-blob", reason: code, status }]);
  });

  it("takes the wait from Retry-After", () => {
    expect(mapped(answered(503, "ServerBusy", { "retry-after": "7" })).retryAfterMs).toBe(7000);
    expect(mapped(answered(403, "AuthorizationFailure", { "retry-after": "7" })).retryAfterMs).toBeUndefined();
  });

  it.each([
    [403, "AuthorizationPermissionMismatch"],
    [401, "InvalidAuthenticationInfo"],
  ])("%i %s needs an operator: not retryable", (status, code) => {
    const error = mapped(answered(status, code));
    expect([error.code, error.retryable]).toEqual(["dependency.unavailable", false]);
  });

  it("maps 404 to blob.not_found and 416 to blob.range_not_satisfiable, and keeps the SDK's message out of its own", () => {
    expect(mapped(answered(404, "BlobNotFound")).code).toBe("blob.not_found");
    expect(mapped(answered(416, "InvalidRange")).code).toBe("blob.range_not_satisfiable");
    expect(mapped(answered(500, "InternalError")).message).not.toContain("sig=");
  });

  it("maps a request without an answer, a per-try timeout and a failed sign-in", () => {
    const refused = mapped(new RestError("connect ECONNREFUSED 127.0.0.1:1", { code: "ECONNREFUSED" }));
    expect([refused.retryable, refused.details?.reason]).toEqual([true, "ECONNREFUSED"]);
    const timedOut = mapped(Object.assign(new Error("The operation was aborted."), { name: "AbortError" }));
    expect(timedOut.retryable).toBe(true);
    const signIn = mapped(Object.assign(new Error("ManagedIdentityCredential: no identity"), { name: "CredentialUnavailableError" }));
    expect([signIn.retryable, signIn.details?.reason]).toEqual([false, "CredentialUnavailableError"]);
  });

  it("returns the caller's own errors unchanged (a body stream's failure)", () => {
    const own = new Error("client went away");
    expect(toAzureBlobError(own, "store an object")).toBe(own);
    const confide = new ConfideError("upload.too_large", "too large");
    expect(toAzureBlobError(confide, "store an object")).toBe(confide);
  });
});

describe("Azure Blob errors from Azurite", () => {
  let azurite: AzuriteBlob;
  beforeAll(async () => {
    azurite = await startAzurite();
  });
  afterAll(() => azurite?.stop());

  it("a wrong account key is dependency.unavailable, not retryable, from every call", async () => {
    const wrongKey = azurite.connectionString.replace(azurite.accountKey, Buffer.alloc(64, 7).toString("base64"));
    const store = await createAzureBlobStore({ connectionString: wrongKey, containerName: "wrong-key", clientOptions: { retryOptions: { maxTries: 1 } } });

    for (const call of [() => store.check(), () => store.head("a.wav"), () => store.put("a.wav", byteStream(new Uint8Array(1), 1), { contentType: "audio/wav" })]) {
      const error = await call().then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(ConfideError.is(error, "dependency.unavailable"), String(error)).toBe(true);
      expect((error as ConfideError).retryable).toBe(false);
      expect((error as ConfideError).details?.status).toBe(403);
    }
    await expectConfideError(store.get("a.wav"), "dependency.unavailable");
  });

  it("never repeats the connection string's key: not in the message, the details or anywhere in the error with its causes", async () => {
    const key = Buffer.from("a key that must stay secret, 48 bytes long....").toString("base64");
    const wrongKey = azurite.connectionString.replace(azurite.accountKey, key);
    const unreachable = `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${key};BlobEndpoint=http://127.0.0.1:1/devstoreaccount1;`;
    const errors: unknown[] = [];
    for (const connectionString of [wrongKey, unreachable]) {
      const store = await createAzureBlobStore({ connectionString, containerName: "secret-key", clientOptions: { retryOptions: { maxTries: 1 } } });
      for (const call of [
        () => store.check(),
        () => store.head("a.wav"),
        () => store.get("a.wav"),
        () => store.delete("a.wav"),
        () => store.put("a.wav", byteStream(new Uint8Array(10), 5), { contentType: "audio/wav" }),
      ]) {
        errors.push(await call().then(() => undefined, (caught: unknown) => caught));
      }
    }
    expect(errors.every((error) => ConfideError.is(error, "dependency.unavailable")), errors.map(String).join("\n")).toBe(true);
    // The key is the secret; its base64 is what a connection string holds.
    const printed = errors.map((error) => [String(error), JSON.stringify(error), inspect(error, { depth: 8, showHidden: true })].join("\n")).join("\n");
    // What was printed reaches the SDK's causes (their request URLs name the account)…
    expect(printed).toContain("devstoreaccount1");
    // …and holds no key.
    expect(printed).not.toContain(key);
  });
});
