import { ConfideApiError } from "@confide/client";
import { consoleClient } from "../api/console-client.ts";
import type { LiveServerMessage, LiveStartRequest } from "./live-messages.ts";
import { openMicrophone } from "./microphone.ts";
import { capturePcm, type PcmCapture } from "./pcm-capture.ts";
import { pcmSampleRate } from "./pcm-encoder.ts";

const subprotocol = "confide.live.v1";
/** How long reconnecting is tried after a drop: within the server's resume window (60 s by default). */
const reconnectForMs = 55_000;
const retryDelayMs = 1_000;
/** The audio kept for a resend, bounded: more than the resume window holds. */
const keptSeconds = 90;

export interface LiveRecorderEvents {
  /** Every message the server sends, in order. */
  message(message: LiveServerMessage): void;
  /** The connection dropped; a resume with the session's token is under way. */
  reconnecting(): void;
  /**
   * The session is over: ended normally (`ended`) or stopped by a problem (`error`, a
   * ConfideApiError). `capturedBytes`: the PCM captured from the microphone (each byte counted once,
   * however often it was resent).
   */
  finished(result: { sessionId: string | null; error: unknown; capturedBytes: number }): void;
}

/**
 * One live session from this browser: the microphone through an AudioWorklet as 16 kHz s16le PCM
 * (`pcm-capture.ts`), sent in ~100 ms binary frames over the WebSocket `/v1/live`, the access token
 * in `Sec-WebSocket-Protocol` (never the URL). The bytes the server has not yet stored (its
 * `storedBytes`) are kept; a dropped connection is resumed with the resume token, retried within
 * the resume window, and the audio is resent from the `storedBytes` of the server's `started`: the
 * stored recording has no gap. Throws from `start` when the microphone is refused or missing
 * (`MicrophoneError`).
 */
export class LiveRecorder {
  #socket: WebSocket | null = null;
  /** The current socket's `started` arrived: audio may go. */
  #streaming = false;
  #capture: PcmCapture | null = null;
  #stream: MediaStream | null = null;
  #channels: 1 | 2 = 1;
  #sessionId: string | null = null;
  #resumeToken: string | null = null;
  #reconnectUntil: number | null = null;
  /** Captured audio not yet stored by the server, in order; `offset` counts from the session's first byte. */
  #unstored: { offset: number; bytes: Uint8Array }[] = [];
  #capturedBytes = 0;
  #done = false;
  #stopping = false;

  readonly #events: LiveRecorderEvents;

  constructor(events: LiveRecorderEvents) {
    this.#events = events;
  }

  async start(request: LiveStartRequest): Promise<void> {
    this.#stream = await openMicrophone(request.microphone === "mono" ? 1 : 2);
    // A stereo microphone the browser opened as mono is one channel for the room.
    const stereo = request.microphone !== "mono" && this.#stream.getAudioTracks()[0]?.getSettings().channelCount === 2;
    this.#channels = stereo ? 2 : 1;
    await this.#connect({
      type: "start",
      patientId: request.patientId,
      title: request.title,
      ...(request.titleShared === undefined ? {} : { titleShared: request.titleShared }),
      channelLayout: stereo ? "per-channel" : "mono",
      ...(stereo ? { channelRoles: ["therapist", "patient"] } : {}),
      format: { encoding: "pcm", channels: this.#channels },
      ...(request.agenda ? { agenda: request.agenda } : {}),
      ...(request.noteFormat ? { noteFormat: request.noteFormat } : {}),
      ...(request.plannedMinutes === undefined ? {} : { plannedMinutes: request.plannedMinutes }),
    });
  }

  /** The therapist asked a suggested question (`used`) or dismissed it: kept with the session (who, when). */
  suggestionOutcome(id: string, action: "used" | "dismissed"): void {
    if (this.#streaming) this.#send(JSON.stringify({ type: "suggestion-outcome", id, action }));
  }

  /** Sends the last frame, then `stop`; the server answers `ended`. */
  stop(): void {
    if (this.#done || this.#stopping) return;
    this.#stopping = true;
    const capture = this.#capture;
    this.#capture = null;
    const stop = () => {
      this.#send(JSON.stringify({ type: "stop" }));
      this.#releaseMicrophone();
    };
    if (capture) void capture.finish().then(stop, stop);
    else stop();
  }

  /** Leaves without stopping (the page is closed): the server ends the session after its resume window. */
  dispose(): void {
    this.#done = true;
    this.#releaseMicrophone();
    this.#socket?.close(1000);
  }

  async #connect(first: Record<string, unknown>): Promise<void> {
    const token = await consoleClient.accessToken();
    if (this.#done) return;
    const url = `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/v1/live`;
    const socket = new WebSocket(url, token ? [subprotocol, `bearer.${token}`] : [subprotocol]);
    this.#socket = socket;
    this.#streaming = false;
    socket.addEventListener("open", () => socket.send(JSON.stringify(first)));
    socket.addEventListener("message", (event) => {
      if (this.#socket !== socket || typeof event.data !== "string") return;
      void this.#receive(JSON.parse(event.data) as LiveServerMessage);
    });
    socket.addEventListener("close", () => {
      if (this.#socket !== socket || this.#done) return;
      this.#dropped();
    });
  }

  async #receive(message: LiveServerMessage): Promise<void> {
    this.#stored(message.storedBytes);
    if (message.type === "started") {
      this.#sessionId = message.sessionId;
      if (message.resumeToken) this.#resumeToken = message.resumeToken;
      this.#reconnectUntil = null;
      this.#streaming = true;
      // Resumed: what the server has not stored goes again, from its `storedBytes`.
      for (const chunk of this.#unstored) this.#socket?.send(chunk.bytes.subarray(Math.max(0, message.storedBytes - chunk.offset)));
    }
    this.#events.message(message);
    if (message.type === "started" && !this.#capture && this.#stream && !this.#stopping) {
      try {
        this.#capture = await capturePcm(this.#stream, this.#channels, (frame) => this.#captured(new Uint8Array(frame)));
      } catch (error) {
        this.#finish(error);
      }
    }
    if (message.type === "ended") this.#finish(null);
    if (message.type === "error") this.#finish(new ConfideApiError({ status: 0, code: message.code, message: message.message }));
  }

  #captured(bytes: Uint8Array): void {
    this.#unstored.push({ offset: this.#capturedBytes, bytes });
    this.#capturedBytes += bytes.length;
    // Bounded: past the resume window the session cannot be resumed anyway.
    const limit = keptSeconds * pcmSampleRate * 2 * this.#channels;
    while (this.#capturedBytes - (this.#unstored[0]?.offset ?? this.#capturedBytes) > limit) this.#unstored.shift();
    if (this.#streaming) this.#send(bytes);
  }

  /** The server stored everything before `storedBytes`: no resend needs it. */
  #stored(storedBytes: number): void {
    while (this.#unstored.length > 0 && this.#unstored[0]!.offset + this.#unstored[0]!.bytes.length <= storedBytes) this.#unstored.shift();
  }

  /** The connection dropped mid-session: resume with the token, retried within the window, else the session is over. */
  #dropped(): void {
    this.#streaming = false;
    const now = Date.now();
    if (this.#sessionId && this.#resumeToken && !this.#stopping && (this.#reconnectUntil === null || now < this.#reconnectUntil)) {
      const retry = this.#reconnectUntil !== null;
      this.#reconnectUntil ??= now + reconnectForMs;
      const resume = { type: "resume", sessionId: this.#sessionId, resumeToken: this.#resumeToken };
      if (!retry) this.#events.reconnecting();
      setTimeout(() => void this.#connect(resume), retry ? retryDelayMs : 0);
      return;
    }
    this.#finish(new ConfideApiError({ status: 0, code: "live.closed", message: "The connection to the server was lost." }));
  }

  #send(data: string | Uint8Array): void {
    if (this.#socket?.readyState === WebSocket.OPEN) this.#socket.send(data);
  }

  #finish(error: unknown): void {
    if (this.#done) return;
    this.#done = true;
    this.#releaseMicrophone();
    this.#socket?.close(1000);
    this.#events.finished({ sessionId: this.#sessionId, error, capturedBytes: this.#capturedBytes });
  }

  #releaseMicrophone(): void {
    this.#capture?.close();
    this.#capture = null;
    for (const track of this.#stream?.getTracks() ?? []) track.stop();
  }
}
