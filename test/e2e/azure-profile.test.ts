/**
 * `CONFIDE_PROFILE=azure` end to end: `confide serve` and `confide worker` as separate processes
 * against Azurite, the Cosmos DB stand-in, the fake Speech batch transcription and Text Analytics
 * servers and the local Redis (test/support/azure-stack.ts). A per-channel recording is uploaded;
 * the fake batch job transcribes it; the session reaches `ready` with its transcript and the
 * patient's sentiment; it is edited, finalised, found by search and deleted — after which
 * nothing of it remains in Azurite, in the Cosmos database or in the transcription service.
 */
import { BlobServiceClient } from "@azure/storage-blob";
import { CosmosClient } from "@azure/cosmos";
import { pcmWav } from "@confide/core/testing";
import { toneBurstsPcm } from "@confide/contracts/support";
import { localCosmosClientOptions } from "@confide/contracts/support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestWithTimeout, waitFor, waitUntilReady, type SessionView } from "../support/confide-api-client.ts";
import { sessionsNotified, waitForNotifications } from "../support/process-log.ts";
import { startAzureStack, type ApiProcess, type AzureStack, type RunningProcess } from "../support/azure-stack.ts";
import { openLiveSocket } from "../support/live-socket.ts";

const therapistLine = "How have you been sleeping since we last met?";
const patientLine = "Badly. I feel anxious and tired every night.";
const editedPatientLine = "Badly, but I feel hopeful about the lighthouse walks.";

let stack: AzureStack;
let api: ApiProcess;
let worker: RunningProcess;
let token: string;

beforeAll(async () => {
  stack = await startAzureStack({
    speech: {
      plan: {
        pollsRunning: 1,
        outcome: {
          kind: "succeeded",
          transcript: {
            phrases: [
              { channel: 0, offsetMs: 0, durationMs: 2_000, text: therapistLine },
              { channel: 1, offsetMs: 2_300, durationMs: 2_400, text: patientLine },
            ],
          },
        },
      },
    },
  });
  api = await stack.startApi();
  worker = await stack.startWorker();
  token = await stack.signInTherapistWithPhone(api);
}, 180_000);

afterAll(async () => {
  await stack?.close();
});

const authorized = (extra: Record<string, string> = {}) => ({ authorization: `Bearer ${token}`, ...extra });

async function uploadPerChannel(title: string): Promise<SessionView> {
  const form = new FormData();
  form.append("patientId", stack.accounts.patient.user.id);
  form.append("title", title);
  form.append("settings", JSON.stringify({ language: "en-US", channelLayout: "per-channel", channelRoles: ["therapist", "patient"] }));
  // Two channels: the therapist's microphone on the left, the patient's on the right.
  form.append("audio", new Blob([pcmWav({ dataBytes: 4 * 16_000 * 5, channels: 2 })], { type: "audio/wav" }), "session.wav");
  const response = await requestWithTimeout(`${api.baseUrl}/v1/sessions`, { method: "POST", headers: authorized(), body: form });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as SessionView;
}

async function blobNames(): Promise<string[]> {
  const service = BlobServiceClient.fromConnectionString(stack.azurite.connectionString);
  const names: string[] = [];
  for await (const container of service.listContainers()) {
    for await (const blob of service.getContainerClient(container.name).listBlobsFlat()) names.push(`${container.name}/${blob.name}`);
  }
  return names;
}

/** Every item of every container of the stack's Cosmos database, as JSON text, per container. */
async function cosmosItems(): Promise<Map<string, string[]>> {
  const client = new CosmosClient(localCosmosClientOptions(stack.cosmos.endpoint, stack.cosmos.certificate.cert));
  try {
    const database = client.database(stack.databaseName);
    const { resources: containers } = await database.containers.readAll().fetchAll();
    const items = new Map<string, string[]>();
    for (const container of containers) {
      const { resources } = await database.container(container.id).items.readAll().fetchAll();
      items.set(container.id, resources.map((item) => JSON.stringify(item)));
    }
    return items;
  } finally {
    client.dispose();
  }
}

describe("the azure profile, API and worker as separate processes", () => {
  it("takes a per-channel recording through transcription, sentiment, review, search and erasure", async () => {
    const uploaded = await uploadPerChannel("Azure end to end");
    // Queued, or further along when the separate worker took the job before the upload answered
    // (uploadSession's documented answer; seen when the suite runs two files at once).
    expect(["queued", "transcribing"]).toContain(uploaded.status);
    const stored = await blobNames();
    expect(stored).toEqual([expect.stringMatching(new RegExp(`^${stack.containerName}/.*${uploaded.id}`))]);

    const [ready] = await waitUntilReady(api.baseUrl, token, [uploaded.id], 90_000);
    const session = ready as SessionView;

    // The batch job got the recording's two channels, by a signed URL to Azurite.
    expect(stack.speech.audioFetches.map((fetched) => [fetched.status, fetched.wavChannels])).toEqual([[200, 2]]);
    const jobIds = [...stack.speech.jobs.keys(), ...stack.speech.deleted];
    expect(jobIds).toHaveLength(1);
    const submitted = stack.speech.received.find((request) => request.operation === "submit");
    expect((submitted?.body as { properties?: { channels?: number[] } }).properties?.channels).toEqual([0, 1]);

    // Channel roles: the left channel is the therapist, the right the patient.
    const roles = new Map(session.transcript?.speakers.map((speaker) => [speaker.label, speaker.role]));
    const byRole = (role: string) => session.transcript?.segments.filter((segment) => roles.get(segment.speaker) === role) ?? [];
    expect(byRole("therapist").map((segment) => segment.text)).toEqual([therapistLine]);
    expect(byRole("patient").map((segment) => segment.text)).toEqual([patientLine]);
    // Sentiment of the patient's segments only, from Text Analytics.
    const patientSegment = byRole("patient")[0] as { id: string };
    expect(session.sentiment?.segments.map((result) => [result.segmentId, result.label])).toEqual([[patientSegment.id, "negative"]]);
    const analysed = stack.language.received.flatMap((request) => request.documents.map((document) => document.text));
    expect(analysed).toContain(patientLine);
    expect(analysed).not.toContain(therapistLine);
    await waitForNotifications([worker], 1);
    expect(sessionsNotified([worker])).toEqual([uploaded.id]);

    // Review: edit the patient's words (If-Match), which rescores them, then finalise.
    const detail = await requestWithTimeout(`${api.baseUrl}/v1/sessions/${uploaded.id}`, { headers: authorized() });
    const edited = await requestWithTimeout(`${api.baseUrl}/v1/sessions/${uploaded.id}/transcript`, {
      method: "PATCH",
      headers: authorized({ "content-type": "application/json", "if-match": detail.headers.get("etag") as string }),
      body: JSON.stringify({ edits: [{ segmentId: patientSegment.id, text: editedPatientLine }] }),
    });
    expect(edited.status, await edited.clone().text()).toBe(200);
    const rescored = (await edited.json()) as SessionView;
    expect(rescored.sentiment?.segments.map((result) => result.label)).toEqual(["positive"]);
    // The notes quoted the replaced words; stale now, they are written again from the correction.
    expect((rescored as SessionView & { notes?: { stale: boolean } }).notes?.stale).toBe(true);
    const regenerated = await requestWithTimeout(`${api.baseUrl}/v1/sessions/${uploaded.id}/notes:regenerate`, {
      method: "POST",
      headers: authorized({ "if-match": edited.headers.get("etag") as string }),
    });
    expect(regenerated.status, await regenerated.clone().text()).toBe(200);
    const finalized = await requestWithTimeout(`${api.baseUrl}/v1/sessions/${uploaded.id}/finalize`, {
      method: "POST",
      headers: authorized({ "if-match": regenerated.headers.get("etag") as string }),
    });
    expect(finalized.status, await finalized.clone().text()).toBe(200);
    expect(((await finalized.json()) as SessionView).status).toBe("finalized");

    // Search (Cosmos DB: transcript and notes) finds it by the corrected words, and not by the replaced ones.
    const search = async (q: string) => {
      const response = await requestWithTimeout(`${api.baseUrl}/v1/sessions?q=${encodeURIComponent(q)}`, { headers: authorized() });
      expect(response.status).toBe(200);
      return ((await response.json()) as { items: Array<{ id: string }> }).items.map((item) => item.id);
    };
    expect(await search("lighthouse")).toEqual([uploaded.id]);
    expect(await search("anxious")).toEqual([]);

    // Erasure.
    const deleted = await requestWithTimeout(`${api.baseUrl}/v1/sessions/${uploaded.id}`, { method: "DELETE", headers: authorized() });
    expect(deleted.status).toBe(204);
    expect((await requestWithTimeout(`${api.baseUrl}/v1/sessions/${uploaded.id}`, { headers: authorized() })).status).toBe(404);

    // Nothing of it remains: no blob in any container of Azurite…
    await waitFor(async () => ((await blobNames()).length === 0 ? true : undefined), {
      timeoutMs: 20_000,
      describe: () => "the recording's blob to be deleted",
    });
    // …no job or result file at the transcription service…
    await waitFor(async () => (stack.speech.jobs.size === 0 ? true : undefined), {
      timeoutMs: 20_000,
      describe: () => `the transcription job to be deleted (left: ${[...stack.speech.jobs.keys()].join(", ")})`,
    });
    expect(stack.speech.deleted).toEqual(jobIds);
    // …and no item in Cosmos DB holding its words; only the audit trail names the session.
    const items = await cosmosItems();
    const everything = [...items.values()].flat().join("\n");
    for (const words of [therapistLine, patientLine, editedPatientLine, "lighthouse", "Azure end to end"]) expect(everything).not.toContain(words);
    const naming = [...items.entries()].filter(([, texts]) => texts.some((text) => text.includes(uploaded.id))).map(([container]) => container);
    expect(naming.filter((container) => !/audit/i.test(container))).toEqual([]);
  }, 240_000);
  it("runs a live session on Azure Speech conversation transcription: partials, finals with the service's speakers", async () => {
    const socket = await openLiveSocket(api.baseUrl, { protocols: ["confide.live.v1", `bearer.${token}`] });
    socket.send({
      type: "start",
      patientId: stack.accounts.patient.user.id,
      title: "Azure live",
      channelLayout: "mono",
      format: { encoding: "pcm", channels: 1 },
    });
    const started = await socket.next("started");
    // Three turns with pauses; the fake says its two scripted lines in turn, speakers alternating.
    const pcm = toneBurstsPcm([[[300, 1_500], [2_300, 3_300], [4_100, 5_000]]], 5_600);
    const connectionsBefore = stack.liveSpeech.connections.length;
    await socket.stream(pcm, { channels: 1, pace: 4 });
    socket.send({ type: "stop" });
    await socket.next("ended", 60_000);
    const finals = socket.messages.filter((message) => message.type === "final");
    expect(finals.map((message) => [message.speaker, message.text, message.startMs])).toEqual([
      ["Guest-1", "How have you been sleeping this week", 300],
      ["Guest-2", "Not well I keep waking up at night", 2_300],
      ["Guest-1", "How have you been sleeping this week", 4_100],
    ]);
    expect(socket.messages.findIndex((message) => message.type === "partial")).toBeLessThan(socket.messages.findIndex((message) => message.type === "final"));
    // The live engine streamed every byte to the Speech fake, with the resource's key.
    const connection = stack.liveSpeech.connections[connectionsBefore];
    expect(connection?.audioBytes).toBe(pcm.byteLength);
    expect(typeof started.sessionId).toBe("string");
  }, 90_000);
});
