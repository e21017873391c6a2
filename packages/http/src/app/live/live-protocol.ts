import { noteFormats } from "@confide/core";
import { z } from "zod";

/**
 * The live session protocol over the WebSocket at `/v1/live`, in one place: what a
 * client may send, what the server answers. Documented for clients in the OpenAPI description
 * (`liveProtocolDescription`) and docs/live-sessions.md.
 */

/** The subprotocol the server selects; the access token may ride beside it as `bearer.<token>`. */
export const liveSubprotocol = "confide.live.v1";
const bearerProtocolPrefix = "bearer.";

/** The access token a client offered in `Sec-WebSocket-Protocol`, if any. */
export function tokenFromProtocols(header: string | undefined): string | undefined {
  const offered = (header ?? "").split(",").map((entry) => entry.trim());
  const bearer = offered.find((entry) => entry.startsWith(bearerProtocolPrefix));
  return bearer === undefined ? undefined : bearer.slice(bearerProtocolPrefix.length);
}

/** Chooses the subprotocol to answer: ours when offered; never the one carrying the token. */
export function selectLiveSubprotocol(offered: Set<string>): string | false {
  return offered.has(liveSubprotocol) ? liveSubprotocol : false;
}

/** Query parameters that would carry credentials in the URL (which is logged): refused. */
export const credentialQueryParameters = ["token", "access_token", "accesstoken", "auth", "authorization", "jwt", "bearer", "key"];

const token = z.string().min(1).max(4096).optional();

const startMessage = z.object({
  type: z.literal("start"),
  token,
  patientId: z.string().min(1).max(200),
  title: z.string().max(200).optional(),
  titleShared: z.boolean().optional(),
  channelLayout: z.enum(["mono", "per-channel"]),
  channelRoles: z.array(z.enum(["therapist", "patient"])).length(2).optional(),
  format: z.object({ encoding: z.enum(["pcm", "webm"]), channels: z.union([z.literal(1), z.literal(2)]) }),
  language: z.string().min(2).max(35).optional(),
  agenda: z.array(z.string().max(300)).max(50).optional(),
  noteFormat: z.enum(noteFormats).optional(),
  plannedMinutes: z.number().int().min(1).max(240).optional(),
});

const resumeMessage = z.object({
  type: z.literal("resume"),
  token,
  sessionId: z.string().min(1).max(200),
  resumeToken: z.string().min(1).max(200),
});

const stopMessage = z.object({ type: z.literal("stop") });

const suggestionOutcomeMessage = z.object({
  type: z.literal("suggestion-outcome"),
  id: z.string().min(1).max(200),
  action: z.enum(["used", "dismissed"]),
});

/** What a client sends as text: `start` or `resume` first, then `stop` (audio goes in binary frames); `suggestion-outcome` any time between. */
export const clientMessageSchema = z.discriminatedUnion("type", [startMessage, resumeMessage, stopMessage, suggestionOutcomeMessage]);
export type ClientMessage = z.infer<typeof clientMessageSchema>;
export type StartMessage = z.infer<typeof startMessage>;
export type ResumeMessage = z.infer<typeof resumeMessage>;

/** WebSocket close codes the server uses; the reason is always in the `error` message sent before. */
export const closeCodes = {
  normal: 1000,
  goingAway: 1001,
  policy: 1008,
  tooBig: 1009,
  internal: 1011,
} as const;

/** The protocol as clients read it: the OpenAPI description's section (docs/live-sessions.md says the same). */
export const liveProtocolDescription = `
## Live sessions: WebSocket \`/v1/live\`

A therapist streams a session's audio as it happens and receives its transcript, the patient's
sentiment and today's topics live; when it ends it becomes a normal session (analysis, notes,
push) without any upload.

**Authentication** in the first message (\`"token": "<access token>"\` in \`start\`/\`resume\`) or in
\`Sec-WebSocket-Protocol: ${liveSubprotocol}, bearer.<access token>\` (the server answers
\`${liveSubprotocol}\`). Never in the URL: a URL with a credential parameter is refused
(\`auth.unauthenticated\`).

**Client → server.** Text frames are JSON:
- \`{"type":"start","patientId","title"?,"titleShared"?:true|false,"channelLayout":"mono"|"per-channel","channelRoles"?:["therapist","patient"],"format":{"encoding":"pcm"|"webm","channels":1|2},"language"?,"agenda"?:["text",…],"noteFormat"?:"soap"|"dap"|"birp"|"confide","plannedMinutes"?:1…240}\`
  — \`pcm\` is 16 kHz signed 16-bit little-endian, interleaved when stereo (per-channel: one
  speaker per channel, channel 0 the therapist by default); \`webm\` is a MediaRecorder's
  WebM/Opus stream, decoded by the server. Without \`agenda\`, today's topics are the previous
  session's follow-up topics and unresolved concerns. Without \`noteFormat\`, the notes are written
  in the therapist's default note format. With \`plannedMinutes\`, the agenda's topics not yet covered
  are suggested once, five minutes before the planned end.
- then binary frames of audio, in order;
- \`{"type":"resume","sessionId","resumeToken"}\` instead of \`start\` on a new connection after a
  drop, within the resume window (60 s by default): resend the audio from \`storedBytes\` of
  \`started\`;
- \`{"type":"suggestion-outcome","id","action":"used"|"dismissed"}\` — the therapist asked a
  suggested question (\`used\`) or dismissed it: kept with the session's suggestions (who, when);
- \`{"type":"stop"}\` ends the session.

**Server → client.** JSON, each with \`storedBytes\`: the bytes of audio stored durably so far
(what a resume continues from).
- \`started\` \`{sessionId, resumeToken, resumed, storedBytes, agenda, recordOnly}\` — \`recordOnly\` null:
  live text follows; \`"capacity"\` or \`"behind"\`: this server's live engine is busy (every stream
  taken, or its finals late), so the session is recorded only — its audio is stored as ever and it
  is transcribed when it ends (never refused for capacity); \`"engine_failed"\`: live transcription
  stopped earlier in the session. A \`warning\` (\`live.capacity\`, or \`live.record_only\`) follows it.
- \`ack\` — more audio stored
- \`partial\` \`{text, startMs, speaker}\` (engines with partials)
- \`final\` \`{segmentId, speaker, role, text, startMs, endMs}\` — stored in the transcript
- \`sentiment\` \`{segmentId, label, scores}\` — per final patient segment
- \`topic_covered\` \`{itemId, text, segmentId, matchedTerms}\` — the segment is the evidence
- \`suggestion\` \`{id, kind, text, why, cites, at, urgent?}\` — advice for the therapist's screen, never
  written into the record: \`kind\` \`safety\` (after the patient states suicidal thinking, a wish to be
  dead or self-harm: the next question of a suicide-risk screening — in the order of the C-SSRS
  screener — that the therapist has not asked and the patient has not answered, one at a time;
  \`urgent\` true on the one note that the answers point to urgent action), \`agenda\` (a topic not
  yet covered, near the planned end) or \`reflection\` (with \`CONFIDE_LIVE_REFLECTIONS=on\`, a
  notes language model and the patient's consent to AI notes: one sentence saying back the
  patient's latest change talk or feeling, at most one every 30 s, shown only when the cited
  patient words carry it; a new one supersedes the last). \`cites\` are the segments it answers to.
- \`suggestion-withdrawn\` \`{id, reason}\` — \`asked\` (the therapist asked it), \`answered\`, \`covered\`
  or \`superseded\`: take it off the screen
- \`warning\` \`{code, message}\` (\`live.capacity\`: recorded only, see \`started\`; an engine's code: live
  transcription stopped, the recording is transcribed after the end; with reflections on, once:
  \`provider.unsupported\` — the notes writer has no language model for them —, or
  \`consent.missing\` — the patient's consent does not cover AI notes)
- \`ended\` \`{sessionId, status, reason}\` — the session went on to the pipeline
- \`error\` \`{code, message}\`, then the server closes. Codes: \`auth.unauthenticated\`,
  \`auth.forbidden\`, \`user.not_found\`, \`session.not_found\`, \`session.invalid_state\`,
  \`validation.invalid_input\`, \`live.protocol\`, \`live.frame_too_large\`, \`live.too_long\` (the
  session was ended with what it received), \`live.idle_timeout\` (resumable),
  \`live.too_many_sessions\`, \`live.resume_refused\`, \`live.closed\` (resumed elsewhere),
  \`consent.withdrawn\` (the patient withdrew the consent the recording needs: nothing more is
  stored, what came before is kept and the session ends), \`live.unavailable\`, \`provider.unsupported\`.

Capacity: \`CONFIDE_LIVE_MAX_STREAMS\` live streams per server process (\`/readyz\` shows those in use).
Limits: \`CONFIDE_LIVE_MAX_FRAME_BYTES\`, \`CONFIDE_LIVE_MAX_DURATION_MS\`,
\`CONFIDE_LIVE_IDLE_TIMEOUT_MS\`, \`CONFIDE_LIVE_MAX_SESSIONS\`, \`CONFIDE_LIVE_RESUME_WINDOW_MS\`.
`.trim();
