/**
 * A live session from a WAV file, as a recorder in the room would send it (docs/live-sessions.md):
 * signs in, opens the WebSocket `/v1/live` (the token in `Sec-WebSocket-Protocol`,
 * never in the URL), starts a session for a patient, streams the recording at real-time pace in
 * 100 ms frames, prints every server message as one JSON line, and stops at the end.
 *
 *   CONFIDE_EMAIL=therapist@confide.local CONFIDE_PASSWORD=… \
 *     npm run --silent example:live-client -- /tmp/confide-audio/dialogue-stereo.wav
 *
 * A stereo file is sent per channel (therapist left, patient right), a mono one mixed. Any WAV
 * sox reads is converted to 16 kHz 16-bit PCM first. Variables: CONFIDE_URL (default
 * http://127.0.0.1:8080), CONFIDE_TOKEN (an access token, instead of the email and password),
 * CONFIDE_PATIENT_ID (default: the therapist's first patient), CONFIDE_PACE (default 1, real time).
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);
const baseUrl = process.env.CONFIDE_URL ?? "http://127.0.0.1:8080";
const path = process.argv[2];
if (!path) {
  process.stderr.write("usage: npm run example:live-client -- <recording.wav> (see docs/live-sessions.md)\n");
  process.exit(2);
}

async function accessToken(): Promise<string> {
  if (process.env.CONFIDE_TOKEN) return process.env.CONFIDE_TOKEN;
  const response = await fetch(`${baseUrl}/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: process.env.CONFIDE_EMAIL, password: process.env.CONFIDE_PASSWORD }),
  });
  if (!response.ok) throw new Error(`Sign-in failed (${response.status}): set CONFIDE_EMAIL and CONFIDE_PASSWORD, or CONFIDE_TOKEN.`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

async function patientId(token: string): Promise<string> {
  if (process.env.CONFIDE_PATIENT_ID) return process.env.CONFIDE_PATIENT_ID;
  const response = await fetch(`${baseUrl}/v1/patients`, { headers: { authorization: `Bearer ${token}` } });
  const first = ((await response.json()) as { items?: Array<{ id: string }> }).items?.[0];
  if (!first) throw new Error("The therapist has no patient: set CONFIDE_PATIENT_ID.");
  return first.id;
}

/** The recording as 16 kHz signed 16-bit little-endian PCM, with its channel count (1 or 2). */
async function pcmOf(file: string): Promise<{ pcm: Uint8Array; channels: 1 | 2 }> {
  const { stdout } = await run("soxi", ["-c", file]);
  const channels = Number(stdout.trim()) >= 2 ? 2 : 1;
  const converted = await run("sox", ["-D", file, "-t", "raw", "-r", "16000", "-e", "signed-integer", "-b", "16", "-c", String(channels), "-L", "-"], {
    encoding: "buffer",
    maxBuffer: 1024 ** 3,
  });
  return { pcm: new Uint8Array(converted.stdout), channels };
}

const token = await accessToken();
const { pcm, channels } = await pcmOf(path);
const pace = Number(process.env.CONFIDE_PACE ?? "1");
const socket = new WebSocket(`${baseUrl.replace(/^http/, "ws")}/v1/live`, ["confide.live.v1", `bearer.${token}`]);
socket.binaryType = "arraybuffer";

const ended = new Promise<number>((resolve) => {
  socket.addEventListener("close", (event) => resolve(event.code));
});
const started = new Promise<void>((resolve, reject) => {
  socket.addEventListener("message", (event) => {
    const message = JSON.parse(String(event.data)) as { type: string };
    process.stdout.write(`${JSON.stringify(message)}\n`);
    if (message.type === "started") resolve();
    if (message.type === "error") reject(new Error(`The server refused the session: ${JSON.stringify(message)}`));
  });
});
await new Promise((resolve, reject) => {
  socket.addEventListener("open", resolve, { once: true });
  socket.addEventListener("error", () => reject(new Error(`Could not open ${baseUrl}/v1/live`)), { once: true });
});
socket.send(
  JSON.stringify({
    type: "start",
    patientId: await patientId(token),
    title: `Live: ${path.split("/").pop()}`,
    channelLayout: channels === 2 ? "per-channel" : "mono",
    format: { encoding: "pcm", channels },
  }),
);
await started;

// 100 ms frames, each sent when its audio would have been spoken.
const frameBytes = 3_200 * channels;
const startedAt = performance.now();
for (let offset = 0; offset < pcm.length && socket.readyState === WebSocket.OPEN; offset += frameBytes) {
  socket.send(pcm.subarray(offset, offset + frameBytes));
  const dueAt = startedAt + (offset + frameBytes) / (32 * channels) / pace;
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, dueAt - performance.now())));
}
if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ type: "stop" }));
const code = await ended;
process.exit(code === 1000 ? 0 : 1);
