import { ConfideApiError } from "@confide/client";
import { consoleClient } from "../api/console-client.ts";
import type { LiveServerMessage, LiveStartRequest } from "./live-messages.ts";
import { chunkIntervalMs, liveMimeType, openMicrophone } from "./microphone.ts";

const subprotocol = "confide.live.v1";

export interface LiveRecorderEvents {
  /** Every message the server sends, in order. */
  message(message: LiveServerMessage): void;
  /** The connection dropped; a resume with the session's token is under way. */
  reconnecting(): void;
  /** The session is over: ended normally (`ended`) or stopped by a problem (`error`, a ConfideApiError). */
  finished(result: { sessionId: string | null; error: unknown }): void;
}

/**
 * One live session from this browser: the microphone through MediaRecorder (WebM/Opus chunks
 * every 250 ms) sent as binary frames over the WebSocket `/v1/live`, the access token in
 * `Sec-WebSocket-Protocol` (never the URL). A dropped connection is resumed once with the resume
 * token. Throws from `start` when the microphone is refused or missing (`MicrophoneError`).
 */
export class LiveRecorder {
  #socket: WebSocket | null = null;
  #recorder: MediaRecorder | null = null;
  #stream: MediaStream | null = null;
  #sessionId: string | null = null;
  #resumeToken: string | null = null;
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
    await this.#connect({
      type: "start",
      patientId: request.patientId,
      title: request.title,
      channelLayout: stereo ? "per-channel" : "mono",
      ...(stereo ? { channelRoles: ["therapist", "patient"] } : {}),
      format: { encoding: "webm", channels: stereo ? 2 : 1 },
      ...(request.agenda ? { agenda: request.agenda } : {}),
    });
  }

  /** Sends the last chunk, then `stop`; the server answers `ended`. */
  stop(): void {
    if (this.#done || this.#stopping) return;
    this.#stopping = true;
    const recorder = this.#recorder;
    if (recorder && recorder.state !== "inactive") {
      recorder.addEventListener("stop", () => this.#send(JSON.stringify({ type: "stop" })), { once: true });
      recorder.stop();
    } else {
      this.#send(JSON.stringify({ type: "stop" }));
    }
    this.#releaseMicrophone();
  }

  /** Leaves without stopping (the page is closed): the server ends the session after its resume window. */
  dispose(): void {
    this.#done = true;
    this.#releaseMicrophone();
    this.#socket?.close(1000);
  }

  async #connect(first: Record<string, unknown>): Promise<void> {
    const token = await consoleClient.accessToken();
    const url = `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/v1/live`;
    const socket = new WebSocket(url, token ? [subprotocol, `bearer.${token}`] : [subprotocol]);
    this.#socket = socket;
    socket.addEventListener("open", () => socket.send(JSON.stringify(first)));
    socket.addEventListener("message", (event) => {
      if (typeof event.data !== "string") return;
      this.#receive(JSON.parse(event.data) as LiveServerMessage);
    });
    socket.addEventListener("close", () => {
      if (this.#socket !== socket || this.#done) return;
      this.#dropped();
    });
  }

  #receive(message: LiveServerMessage): void {
    if (message.type === "started") {
      this.#sessionId = message.sessionId;
      if (message.resumeToken) this.#resumeToken = message.resumeToken;
      if (!this.#recorder && this.#stream) this.#record(this.#stream);
      else if (this.#recorder?.state === "paused") this.#recorder.resume();
    }
    this.#events.message(message);
    if (message.type === "ended") this.#finish(null);
    if (message.type === "error") this.#finish(new ConfideApiError({ status: 0, code: message.code, message: message.message }));
  }

  #record(stream: MediaStream): void {
    const recorder = new MediaRecorder(stream, { mimeType: liveMimeType });
    this.#recorder = recorder;
    // WebSocket.send keeps Blobs in order, so each chunk goes as it comes, never held back.
    recorder.addEventListener("dataavailable", (event) => {
      if (event.data.size > 0) this.#send(event.data);
    });
    recorder.start(chunkIntervalMs);
  }

  /** The connection dropped mid-session: one resume with the token, else the session is over. */
  #dropped(): void {
    if (this.#sessionId && this.#resumeToken && !this.#stopping) {
      const resume = { type: "resume", sessionId: this.#sessionId, resumeToken: this.#resumeToken };
      this.#resumeToken = null;
      this.#recorder?.pause();
      this.#events.reconnecting();
      void this.#connect(resume);
      return;
    }
    this.#finish(new ConfideApiError({ status: 0, code: "live.closed", message: "The connection to the server was lost." }));
  }

  #send(data: string | Blob): void {
    if (this.#socket?.readyState === WebSocket.OPEN) this.#socket.send(data);
  }

  #finish(error: unknown): void {
    if (this.#done) return;
    this.#done = true;
    this.#releaseMicrophone();
    this.#socket?.close(1000);
    this.#events.finished({ sessionId: this.#sessionId, error });
  }

  #releaseMicrophone(): void {
    if (this.#recorder && this.#recorder.state !== "inactive" && !this.#stopping) this.#recorder.stop();
    for (const track of this.#stream?.getTracks() ?? []) track.stop();
  }
}
