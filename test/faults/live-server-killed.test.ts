/**
 * A live session whose server is killed with kill -9 mid-way: the audio received is
 * in the blob store up to the last second, and the next server ends the session with it once the
 * resume window has passed, and it goes on to `ready` as an uploaded one would.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { makeDialogueWav, readLivePcm } from "@confide/contracts/support";
import { afterAll, describe, expect, it } from "vitest";
import { getSession, login, recordTestConsent, waitFor, waitUntilReady, type SeededAccount } from "../support/confide-api-client.ts";
import { openLiveSocket } from "../support/live-socket.ts";
import { runCli, startCli, type ConfideProcess } from "../support/server-process.ts";

const running: ConfideProcess[] = [];
const folders: string[] = [];

afterAll(async () => {
  for (const server of running.splice(0)) await server.stop("SIGKILL");
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

describe("a live session on a server killed with kill -9", () => {
  it("is ended by the next server with the audio received (at most the last second lost) and processed to ready", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "confide-live-kill-"));
    const audioDir = await mkdtemp(join(tmpdir(), "confide-live-kill-audio-"));
    folders.push(dataDir, audioDir);
    const pcm = await readLivePcm((await makeDialogueWav({ directory: audioDir })).stereoPath, 2);
    const env = {
      CONFIDE_PROFILE: "embedded",
      CONFIDE_DATA_DIR: dataDir,
      CONFIDE_PORT: "0",
      CONFIDE_PASSWORD_COST: "1024",
      CONFIDE_LIVE: "instant-fake",
      CONFIDE_LIVE_RESUME_WINDOW_MS: "3000",
      CONFIDE_LIVE_IDLE_TIMEOUT_MS: "2000",
    };
    const seeded = JSON.parse(await runCli(["seed"], env)) as { accounts: SeededAccount[] };
    const byRole = (role: string) => seeded.accounts.find((account) => account.user.role === role) as SeededAccount;

    const first = await startCli(["serve"], env, { timeoutMs: 60_000 });
    running.push(first);
    const firstBase = `http://127.0.0.1:${first.port}`;
    const token = await login(firstBase, byRole("therapist"));
    await recordTestConsent(firstBase, token, byRole("patient").user.id);
    const socket = await openLiveSocket(firstBase);
    socket.send({
      type: "start",
      token,
      patientId: byRole("patient").user.id,
      channelLayout: "per-channel",
      format: { encoding: "pcm", channels: 2 },
    });
    const started = await socket.next("started");
    const sent = await socket.stream(pcm, { channels: 2, pace: 1, until: (sentBytes) => sentBytes >= 5 * 64_000 });
    first.child.kill("SIGKILL");
    await first.exited;
    const lastAck = Math.max(0, ...socket.messages.map((message) => message.storedBytes));

    const second = await startCli(["serve"], env, { timeoutMs: 60_000 });
    running.push(second);
    const base = `http://127.0.0.1:${second.port}`;
    const again = await login(base, byRole("therapist"));
    const sessionId = started.sessionId as string;
    await waitFor(async () => ((await getSession(base, again, sessionId)).status === "live" ? undefined : true), {
      timeoutMs: 30_000,
      describe: () => "the live session of the killed server was never ended",
    });
    await waitUntilReady(base, again, [sessionId], 120_000);

    const response = await fetch(`${base}/v1/sessions/${sessionId}/audio`, { headers: { authorization: `Bearer ${again}` } });
    const stored = Buffer.from(new Uint8Array(await response.arrayBuffer()).subarray(44));
    // What was stored is exactly the start of what was sent, at least what the server had acknowledged,
    // and no more than a second (64,000 bytes of stereo) short of everything sent.
    expect(stored.equals(Buffer.from(pcm.subarray(0, stored.length)))).toBe(true);
    expect(stored.length).toBeGreaterThanOrEqual(lastAck);
    expect(sent - stored.length).toBeLessThanOrEqual(64_000);
    const session = (await (await fetch(`${base}/v1/sessions/${sessionId}`, { headers: { authorization: `Bearer ${again}` } })).json()) as {
      live: { endedBy: string };
    };
    expect(session.live.endedBy).toBe("abandoned");
  }, 240_000);
});
