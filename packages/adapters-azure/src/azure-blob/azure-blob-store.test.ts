import { createHash, randomUUID } from "node:crypto";
import { request } from "node:https";
import { BlobServiceClient } from "@azure/storage-blob";
import { ConfideError, type BlobStore } from "@confide/core/ports";
import { byteStream } from "@confide/core/testing";
import { describeBlobStoreContract, expectConfideError } from "@confide/contracts";
import { startAzurite, type AzuriteBlob } from "@confide/contracts/support";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createAzureBlobStore } from "./azure-blob-store.ts";

const text = (value: string) => new TextEncoder().encode(value);
/** One try per request: failures surface at once instead of after the SDK's back-off. */
const oneTry = { retryOptions: { maxTries: 1 } };

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

/**
 * A URL signed as if it were an hour ago, expiring `expiresInSeconds` after that: correctly signed
 * and already expired, without waiting (the signer reads the clock through Date).
 */
async function signedAnHourAgo(store: BlobStore, key: string, expiresInSeconds: number): Promise<string> {
  vi.useFakeTimers({ toFake: ["Date"] });
  try {
    vi.setSystemTime(Date.now() - 3600_000);
    return await store.signedUrl!(key, { expiresInSeconds, access: "read" });
  } finally {
    vi.useRealTimers();
  }
}

/** A fresh container name, so that tests share Azurite but no objects. */
const freshContainer = () => `t-${randomUUID()}`;

let azurite: AzuriteBlob;
beforeAll(async () => {
  azurite = await startAzurite();
});
afterAll(async () => {
  await azurite?.stop();
});

describeBlobStoreContract({
  name: "azure-blob (Azurite, connection string)",
  create: () => createAzureBlobStore({ connectionString: azurite.connectionString, containerName: freshContainer() }),
});

describe("Azure Blob BlobStore", () => {
  let store: BlobStore;
  let containerName: string;
  beforeAll(async () => {
    containerName = freshContainer();
    store = await createAzureBlobStore({ connectionString: azurite.connectionString, containerName });
  });
  afterAll(() => store.close());

  const service = () => BlobServiceClient.fromConnectionString(azurite.connectionString);

  it("keeps the object as a block blob of its key, with its content type on the blob", async () => {
    await store.put("sessions/s1/audio.wav", byteStream(text("RIFF"), 2), { contentType: "audio/wav" });

    const properties = await service().getContainerClient(containerName).getBlobClient("sessions/s1/audio.wav").getProperties();
    expect(properties.blobType).toBe("BlockBlob");
    expect(properties.contentType).toBe("audio/wav");
    expect(properties.contentLength).toBe(4);
  });

  it("streams a 256 MiB recording holding at most a few blocks in memory", async () => {
    const chunkBytes = 64 * 1024;
    const chunkCount = (256 * 1024 * 1024) / chunkBytes;
    // A ring of refilled buffers: the test itself makes little garbage, so RSS shows what the store
    // holds. The SDK keeps the body's chunks by reference until a 4 MiB block is full, then copies
    // them: the ring (16 MiB) outlasts that, and a store keeping chunks longer fails the hash.
    const ring = Array.from({ length: 256 }, () => new Uint8Array(chunkBytes));
    const sent = createHash("sha256");
    const baselineBytes = process.memoryUsage().rss;
    let peakBytes = baselineBytes;
    async function* recording(): AsyncGenerator<Uint8Array> {
      for (let index = 0; index < chunkCount; index += 1) {
        if (index % 32 === 0) peakBytes = Math.max(peakBytes, process.memoryUsage().rss);
        const chunk = (ring[index % ring.length] as Uint8Array).fill(index % 251);
        sent.update(chunk);
        yield chunk;
      }
    }

    await store.put("big/recording.wav", ReadableStream.from(recording()), { contentType: "audio/wav" });

    const growthMb = (Math.max(peakBytes, process.memoryUsage().rss) - baselineBytes) / (1024 * 1024);
    // The store's buffers are (4 + 1) × 4 MiB; bench/azure-blob-upload.ts measured 24–33 MB of
    // growth in all (SDK and V8 included). Holding the recording would add its 256 MiB.
    expect(growthMb, `RSS grew by ${growthMb.toFixed(1)} MB`).toBeLessThan(80);
    const received = createHash("sha256");
    for await (const chunk of (await store.get("big/recording.wav")).body as unknown as AsyncIterable<Uint8Array>) received.update(chunk);
    expect(received.digest("hex")).toBe(sent.digest("hex"));
    await store.delete("big/recording.wav");
  }, 120_000);

  it("makes its container on first use, not when it is created", async () => {
    const name = freshContainer();
    const lazy = await createAzureBlobStore({ connectionString: azurite.connectionString, containerName: name });
    expect(await service().getContainerClient(name).exists()).toBe(false);
    expect(await lazy.head("a.wav")).toBeNull();
    await expectConfideError(lazy.get("a.wav"), "blob.not_found");
    await lazy.delete("a.wav");

    await lazy.put("a.wav", byteStream(text("x"), 1), { contentType: "audio/wav" });
    expect(await service().getContainerClient(name).exists()).toBe(true);
  });

  it("makes the container again when it was deleted behind its back: the failed write is retryable", async () => {
    const name = freshContainer();
    const lazy = await createAzureBlobStore({ connectionString: azurite.connectionString, containerName: name, clientOptions: oneTry });
    await lazy.put("a.wav", byteStream(text("x"), 1), { contentType: "audio/wav" });
    await service().getContainerClient(name).delete();

    const error = await lazy.put("b.wav", byteStream(text("y"), 1), { contentType: "audio/wav" }).catch((caught: unknown) => caught);
    expect(ConfideError.is(error, "dependency.unavailable") && error.retryable).toBe(true);
    await lazy.put("b.wav", byteStream(text("y"), 1), { contentType: "audio/wav" });
    expect(await lazy.head("b.wav")).toEqual({ sizeBytes: 1, contentType: "audio/wav" });
  });

  describe("signed URLs with the account key", () => {
    it("signs a read URL that plain fetch reads (ranges too) and that cannot write", async () => {
      await store.put("signed/read.wav", byteStream(text("RIFF....WAVE"), 4), { contentType: "audio/wav" });
      const url = await store.signedUrl!("signed/read.wav", { expiresInSeconds: 60, access: "read" });

      expect(new URL(url).searchParams.get("sp")).toBe("r");
      expect(new URL(url).searchParams.get("sr")).toBe("b");
      const read = await fetch(url);
      expect(read.status).toBe(200);
      expect(read.headers.get("content-type")).toBe("audio/wav");
      expect(await read.text()).toBe("RIFF....WAVE");
      expect(await (await fetch(url, { headers: { range: "bytes=4-7" } })).text()).toBe("....");

      const write = await fetch(url, { method: "PUT", headers: { "x-ms-blob-type": "BlockBlob" }, body: "overwritten" });
      expect(write.status).toBe(403);
      expect((await fetch(url, { method: "DELETE" })).status).toBe(403);
      expect(await readAll((await store.get("signed/read.wav")).body)).toBe("RIFF....WAVE");
    });

    it("signs a service SAS of the one blob, not an account SAS: it lists nothing and reaches no other container", async () => {
      await store.put("signed/scoped.wav", byteStream(text("scoped"), 6), { contentType: "audio/wav" });
      const url = new URL(await store.signedUrl!("signed/scoped.wav", { expiresInSeconds: 60, access: "read" }));

      // An account SAS carries ss (services) and srt (resource types); a service SAS of a blob sr=b.
      expect([url.searchParams.get("sr"), url.searchParams.has("ss"), url.searchParams.has("srt")]).toEqual(["b", false, false]);
      const list = new URL(url);
      list.pathname = list.pathname.replace("/signed/scoped.wav", "");
      list.searchParams.set("restype", "container");
      list.searchParams.set("comp", "list");
      expect((await fetch(list)).status).toBe(403);
      const otherContainer = freshContainer();
      await service().getContainerClient(otherContainer).create();
      await service().getContainerClient(otherContainer).getBlockBlobClient("signed/scoped.wav").upload("other", 5);
      const elsewhere = new URL(url);
      elsewhere.pathname = elsewhere.pathname.replace(`/${containerName}/`, `/${otherContainer}/`);
      expect((await fetch(elsewhere)).status).toBe(403);
    });

    it("signs a write URL that stores an object with one PUT, and reads nothing", async () => {
      const url = await store.signedUrl!("signed/uploaded.wav", { expiresInSeconds: 60, access: "write" });

      const put = await fetch(url, {
        method: "PUT",
        headers: { "x-ms-blob-type": "BlockBlob", "content-type": "audio/wav" },
        body: "uploaded by the app",
      });
      expect(put.status).toBe(201);
      expect(await readAll((await store.get("signed/uploaded.wav")).body)).toBe("uploaded by the app");
      expect(await store.head("signed/uploaded.wav")).toEqual({ sizeBytes: 19, contentType: "audio/wav" });
      expect((await fetch(url)).status).toBe(403);
    });

    it("signs a URL for its key only", async () => {
      await store.put("signed/one.wav", byteStream(text("one"), 3), { contentType: "audio/wav" });
      await store.put("signed/two.wav", byteStream(text("two"), 3), { contentType: "audio/wav" });
      const url = new URL(await store.signedUrl!("signed/one.wav", { expiresInSeconds: 60, access: "read" }));

      url.pathname = url.pathname.replace("one.wav", "two.wav");
      expect((await fetch(url)).status).toBe(403);
    });

    it("signs URLs the service refuses once expired", async () => {
      await store.put("signed/expiring.wav", byteStream(text("soon gone"), 9), { contentType: "audio/wav" });
      expect((await fetch(await store.signedUrl!("signed/expiring.wav", { expiresInSeconds: 60, access: "read" }))).status).toBe(200);

      const expired = await signedAnHourAgo(store, "signed/expiring.wav", 60);
      expect(new Date(new URL(expired).searchParams.get("se") as string).getTime()).toBeLessThan(Date.now());
      expect((await fetch(expired)).status).toBe(403);
    });

    it("refuses an expiry it cannot sign, and keys that are not valid", async () => {
      await expectConfideError(store.signedUrl!("a.wav", { expiresInSeconds: 0, access: "read" }), "validation.invalid_input");
      await expectConfideError(store.signedUrl!("a.wav", { expiresInSeconds: 8 * 24 * 3600, access: "read" }), "validation.invalid_input");
      await expectConfideError(store.signedUrl!("a/../b.wav", { expiresInSeconds: 60, access: "read" }), "blob.invalid_key");
    });
  });

  it("signs nothing when the connection string carries a SAS rather than the key", async () => {
    const sas = await service().getContainerClient(containerName).generateSasUrl({
      permissions: (await import("@azure/storage-blob")).ContainerSASPermissions.parse("rcwdl"),
      expiresOn: new Date(Date.now() + 600_000),
    });
    const sasOnly = await createAzureBlobStore({
      connectionString: `BlobEndpoint=${azurite.blobEndpoint};SharedAccessSignature=${new URL(sas).search.slice(1)}`,
      containerName,
    });

    expect(sasOnly.signedUrl).toBeUndefined();
    expect(await sasOnly.head("sessions/s1/audio.wav")).toEqual({ sizeBytes: 4, contentType: "audio/wav" });
  });

  it("answers blob.not_found for a missing object and a missing container alike", async () => {
    await expectConfideError(store.get("missing/key.wav"), "blob.not_found");
    const elsewhere = await createAzureBlobStore({ connectionString: azurite.connectionString, containerName: freshContainer() });
    await expectConfideError(elsewhere.get("missing/key.wav", { range: { start: 0, end: 1 } }), "blob.not_found");
  });

  it("gives the object's size with blob.range_not_satisfiable (for the 416's Content-Range)", async () => {
    await store.put("ranged.wav", byteStream(text("0123456789"), 5), { contentType: "audio/wav" });
    await store.put("empty.wav", byteStream(new Uint8Array(0), 1), { contentType: "audio/wav" });

    const error = await store.get("ranged.wav", { range: { start: 10 } }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "blob.range_not_satisfiable", details: { sizeBytes: 10 } });
    await expectConfideError(store.get("empty.wav", { range: { start: 0 } }), "blob.range_not_satisfiable");
    await expectConfideError(store.get("ranged.wav", { range: { start: -1 } }), "validation.invalid_input");
  });
});

describe("Azure Blob BlobStore when Azurite is down", () => {
  it("answers dependency.unavailable, retryable, from every call, and check() too", async () => {
    const stopped = await startAzurite();
    const store = await createAzureBlobStore({ connectionString: stopped.connectionString, containerName: freshContainer(), clientOptions: oneTry });
    await store.check();
    await stopped.stop();

    for (const call of [
      () => store.check(),
      () => store.head("a.wav"),
      () => store.get("a.wav"),
      () => store.delete("a.wav"),
      () => store.put("a.wav", byteStream(text("x"), 1), { contentType: "audio/wav" }),
    ]) {
      const error = await call().then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(ConfideError.is(error, "dependency.unavailable"), String(error)).toBe(true);
      expect((error as ConfideError).retryable).toBe(true);
      expect((error as ConfideError).details).toMatchObject({ dependency: "azure-blob", reason: "ECONNREFUSED" });
    }
  });
});

describe("Azure Blob BlobStore signed in with Microsoft Entra ID (Azurite over HTTPS, --oauth basic)", () => {
  let secure: AzuriteBlob;
  let store: BlobStore;
  beforeAll(async () => {
    secure = await startAzurite({ https: true });
    store = await createAzureBlobStore({
      accountUrl: secure.blobEndpoint,
      credential: secure.tokenCredential!,
      containerName: freshContainer(),
      // The test certificate, passed to core-rest-pipeline (not in the SDK's typings).
      clientOptions: { tlsOptions: { ca: secure.ca } } as object,
    });
  });
  afterAll(async () => {
    await store?.close();
    await secure?.stop();
  });

  /** A plain HTTPS request trusting the test certificate and nothing else. */
  function plainHttps(url: string, method = "GET", body?: string): Promise<{ status: number; text: string }> {
    return new Promise((resolve, reject) => {
      const outgoing = request(url, { method, ca: secure.ca, headers: body === undefined ? {} : { "x-ms-blob-type": "BlockBlob" } }, (response) => {
        let text = "";
        response.on("data", (chunk: Buffer) => (text += chunk.toString()));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
      });
      outgoing.on("error", reject);
      outgoing.end(body);
    });
  }

  it("passes the contract's basics with a token credential: put, ranged get, head, delete", async () => {
    await store.check();
    await store.put("entra/audio.wav", byteStream(text("RIFF by token"), 4), { contentType: "audio/wav" });
    const read = await store.get("entra/audio.wav", { range: { start: 5 } });
    expect(read.range).toEqual({ start: 5, end: 12 });
    expect(await readAll(read.body)).toBe("by token");
    await store.delete("entra/audio.wav");
    expect(await store.head("entra/audio.wav")).toBeNull();
  });

  it("signs user-delegation SAS: a read URL reads and cannot write, a write URL writes", async () => {
    await store.put("entra/delegated.wav", byteStream(text("delegated"), 4), { contentType: "audio/wav" });

    const readUrl = await store.signedUrl!("entra/delegated.wav", { expiresInSeconds: 600, access: "read" });
    expect(new URL(readUrl).searchParams.get("skoid")).not.toBeNull();
    expect(new URL(readUrl).searchParams.get("spr")).toBe("https");
    expect(await plainHttps(readUrl)).toEqual({ status: 200, text: "delegated" });
    expect((await plainHttps(readUrl, "PUT", "overwritten")).status).toBe(403);

    const writeUrl = await store.signedUrl!("entra/written.wav", { expiresInSeconds: 600, access: "write" });
    expect((await plainHttps(writeUrl, "PUT", "written by the app")).status).toBe(201);
    expect(await readAll((await store.get("entra/written.wav")).body)).toBe("written by the app");

    expect((await plainHttps(await signedAnHourAgo(store, "entra/delegated.wav", 600))).status).toBe(403);
  });
});
