import { describe, expect, it } from "vitest";
import type { LiveDeps } from "@confide/core";
import type { LiveRecognition, LiveSpeechToText } from "@confide/core/ports";
import { createKeywordAgendaMatcher, createScriptedLiveSpeechToText, createTestDeps, seedLinkedPair } from "@confide/core/testing";
import type { AccessTokens } from "../auth/access-token.ts";
import { LiveConnection, type LiveSocket } from "./live-connection.ts";

const idleTimeoutMs = 150;

/** A socket that keeps what the server sent and how it closed. */
function recordingSocket() {
  const sent: Record<string, unknown>[] = [];
  let closed: { code?: number; reason?: string } | null = null;
  const socket: LiveSocket = {
    readyState: 1,
    send: (data) => sent.push(JSON.parse(data) as Record<string, unknown>),
    close: (code, reason) => {
      closed = { code, reason };
    },
  };
  return { socket, sent, closed: () => closed };
}

/** The scripted engine taking `writeDelayMs` for each write: a busy server working through the audio it was sent. */
function slowEngine(writeDelayMs: number): LiveSpeechToText {
  const engine = createScriptedLiveSpeechToText();
  return {
    ...engine,
    async open(settings): Promise<LiveRecognition> {
      const recognition = await engine.open(settings);
      return {
        ...recognition,
        async write(bytes) {
          await new Promise((resolve) => setTimeout(resolve, writeDelayMs));
          return recognition.write(bytes);
        },
      } as LiveRecognition;
    },
  };
}

describe("a live connection after stop", () => {
  it("is not cut by the idle limit while the session ends, however long the audio before the stop takes to go through", async () => {
    const base = createTestDeps({ settings: {} });
    const { therapist, patient } = await seedLinkedPair(base);
    const deps: LiveDeps = {
      ...base,
      settings: { ...base.settings, live: { ...base.settings.live, idleTimeoutMs } },
      liveSpeech: slowEngine(idleTimeoutMs),
      agenda: createKeywordAgendaMatcher(),
      webmDecoder: null,
    } as LiveDeps;
    const tokens = { authenticate: async () => ({ actor: therapist }) } as unknown as AccessTokens;
    const { socket, sent, closed } = recordingSocket();
    const connection = new LiveConnection({ deps, tokens, socket, limits: { maxFrameBytes: 64_000, tickMs: 1_000 }, holders: new Map(), protocolToken: "t" });

    connection.receive(JSON.stringify({ type: "start", patientId: patient.userId, channelLayout: "mono", format: { encoding: "pcm", channels: 1 } }));
    // Four frames the engine takes an idle limit each to take in: the stop waits behind them.
    for (let frame = 0; frame < 4; frame += 1) connection.receive(new Uint8Array(3_200));
    connection.receive(JSON.stringify({ type: "stop" }));
    await new Promise((resolve) => setTimeout(resolve, idleTimeoutMs * 10));

    const types = sent.map((message) => message.type);
    expect(types).not.toContain("error");
    expect(types).toContain("ended");
    expect(sent.find((message) => message.type === "ended")).toMatchObject({ reason: "client", storedBytes: 12_800 });
    expect(closed()).toEqual({ code: 1000, reason: "ended" });
  });

  it("is still closed by the idle limit when no audio and no stop come", async () => {
    const base = createTestDeps({ settings: {} });
    const { therapist, patient } = await seedLinkedPair(base);
    const deps = {
      ...base,
      settings: { ...base.settings, live: { ...base.settings.live, idleTimeoutMs } },
      liveSpeech: slowEngine(0),
      agenda: createKeywordAgendaMatcher(),
      webmDecoder: null,
    } as LiveDeps;
    const tokens = { authenticate: async () => ({ actor: therapist }) } as unknown as AccessTokens;
    const { socket, sent } = recordingSocket();
    const connection = new LiveConnection({ deps, tokens, socket, limits: { maxFrameBytes: 64_000, tickMs: 1_000 }, holders: new Map(), protocolToken: "t" });
    connection.receive(JSON.stringify({ type: "start", patientId: patient.userId, channelLayout: "mono", format: { encoding: "pcm", channels: 1 } }));
    connection.receive(new Uint8Array(3_200));
    await new Promise((resolve) => setTimeout(resolve, idleTimeoutMs * 4));
    expect(sent.find((message) => message.type === "error")).toMatchObject({ code: "live.idle_timeout" });
    connection.closed();
  });
});
