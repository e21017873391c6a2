import { createHash, randomBytes } from "node:crypto";
import { isNotAssessed, type NoteField, type NoteItem } from "../../domain/clinical-notes.ts";
import { checkNoteFormat, type NoteFormat } from "../../domain/note-formats.ts";
import type { AgendaItem, AgendaItemSource, LiveAudioFormat } from "../../domain/live-session.ts";
import { newProcessing, type Session, type TranscriptionSettings } from "../../domain/session.ts";
import type { Actor } from "../../domain/user.ts";
import { ConfideError, invalidInput } from "../../errors.ts";
import { audit } from "../policies/audit.ts";
import { consentRequirement, requireConsent } from "../policies/consent.ts";
import { noteFormatForNewSession } from "../policies/note-format-choice.ts";
import { assertRole } from "../policies/session-access.ts";
import { checkTitleShared } from "../sessions/share-session-title.ts";
import { mergeTranscriptionSettings } from "../sessions/transcription-settings.ts";
import type { AdmissionRefusal, LiveStreamSlot } from "./live-capacity.ts";
import type { LiveDeps } from "./live-deps.ts";
import { emptyLiveTranscript } from "./live-transcript.ts";

export interface StartLiveSessionInput {
  patientId: string;
  /** Defaults to "Live session <date>". At most 200 characters. */
  title?: string;
  /** True shows the title to the patient; false (the default) gives them a neutral one. */
  titleShared?: boolean;
  format: LiveAudioFormat;
  /**
   * "per-channel" (stereo only): one speaker per channel, `channelRoles[i]` the role of channel i
   * (default therapist on the left, patient on the right). "mono": speakers from live diarization.
   */
  channelLayout: "mono" | "per-channel";
  channelRoles?: Array<"therapist" | "patient">;
  /** BCP-47; defaults to the deployment's transcription language. */
  language?: string;
  /**
   * Today's topics as free text. Omitted: the previous session's follow-up topics and unresolved
   * concerns for this patient, when it has notes. An empty list: no agenda.
   */
  agenda?: string[];
  /** The progress-note format of the session's notes; defaults to the therapist's default (`confide` without one). */
  noteFormat?: NoteFormat;
  /**
   * How long the therapist plans the session to last, in minutes (1 to 240): near its end the
   * topics of the agenda not yet covered are suggested once. Absent: no such reminder.
   */
  plannedMinutes?: number;
}

export interface StartedLiveSession {
  session: Session;
  /** Given once; resumes the session after a dropped connection (`attachLiveSession`). */
  resumeToken: string;
  /**
   * The live stream admitted for it, to hold while its recognition runs; null when the session is
   * recorded only (`session.live.recordOnly` says why).
   */
  slot: LiveStreamSlot | null;
}

const maxTitleLength = 200;
const maxPlannedMinutes = 240;

function plannedEndMsOf(minutes: unknown): number {
  if (typeof minutes !== "number" || !Number.isInteger(minutes) || minutes < 1 || minutes > maxPlannedMinutes) {
    throw invalidInput(`The planned length is a whole number of minutes from 1 to ${maxPlannedMinutes}.`, "plannedMinutes");
  }
  return minutes * 60_000;
}
const maxAgendaItems = 50;
const maxAgendaItemLength = 300;

/**
 * Starts a live session: a session in status `live` with an empty transcript that
 * grows as finals arrive, its agenda, and a resume token. The audio is stored by the run
 * (`LiveRun`), part by part; ending it joins the parts into the recording and hands the session
 * to the pipeline (`endLiveSession`).
 * @throws ConfideError `auth.forbidden` (not a therapist), `user.not_found` (unknown or unlinked
 * patient), `consent.missing` (the patient's consent does not cover recording and transcription,
 * nor a cloud live engine: checked before anything is stored), `validation.invalid_input`, `live.too_many_sessions` (the therapist already runs
 * `settings.live.maxSessions`), `provider.unsupported` (a layout or format this deployment's
 * engine or decoder cannot serve).
 *
 * Admission: past this process's live capacity (`deps.liveCapacity`) the session is
 * not refused — it starts record-only (`live.recordOnly`), after the consent check, so a patient
 * whose consent does not allow the recording is refused either way and nothing is stored.
 */
export async function startLiveSession(deps: LiveDeps, actor: Actor, input: StartLiveSessionInput): Promise<StartedLiveSession> {
  assertRole(actor, "therapist");
  const settings = validate(deps, input);
  const chosenFormat = input.noteFormat === undefined ? undefined : checkNoteFormat(input.noteFormat, "noteFormat");
  const patient = typeof input.patientId === "string" && input.patientId !== "" ? await deps.users.get(input.patientId) : null;
  const linked = patient !== null && patient.role === "patient" && (await deps.users.isLinked(actor.userId, patient.id));
  if (!linked) throw new ConfideError("user.not_found", "No such patient.");
  await requireConsent(deps, input.patientId, consentRequirement(deps, "live", { extraProviders: [deps.liveSpeech.provider] }));
  await assertTherapistLiveLimit(deps, actor);
  const noteFormat = await noteFormatForNewSession(deps, actor.userId, chosenFormat);
  const admission = deps.liveCapacity?.admit() ?? null;
  const slot = admission !== null && "slot" in admission ? admission.slot : null;
  const recordOnly = admission !== null && "recordOnly" in admission ? admission.recordOnly : null;
  try {
    const session = await createLiveSession(deps, actor, input, { settings, noteFormat }, recordOnly);
    return { ...session, slot };
  } catch (error) {
    slot?.release();
    throw error;
  }
}

async function createLiveSession(
  deps: LiveDeps,
  actor: Actor,
  input: StartLiveSessionInput,
  { settings, noteFormat }: { settings: TranscriptionSettings; noteFormat: NoteFormat },
  recordOnly: AdmissionRefusal | null,
): Promise<Omit<StartedLiveSession, "slot">> {
  const plannedEndMs = input.plannedMinutes === undefined ? undefined : plannedEndMsOf(input.plannedMinutes);
  const agenda = input.agenda === undefined ? await previousAgenda(deps, actor, input.patientId) : ownAgenda(deps, input.agenda);
  const sessionId = deps.ids.newId();
  const now = deps.clock.now();
  const format = input.format.encoding === "pcm" ? "wav" : "webm";
  const resumeToken = randomBytes(24).toString("base64url");
  const session: Session = {
    id: sessionId,
    therapistId: actor.userId,
    patientId: input.patientId,
    title: (input.title ?? "").trim() || `Live session ${now.toISOString().slice(0, 10)}`,
    titleShared: checkTitleShared(input.titleShared),
    recordedAt: now,
    createdAt: now,
    updatedAt: now,
    version: 1,
    status: "live",
    statusHistory: [{ status: "live", version: 1, at: now }],
    audio: {
      blobKey: `sessions/${actor.userId}/${sessionId}/audio.${format}`,
      contentType: format === "wav" ? "audio/wav" : "audio/webm",
      format,
      sizeBytes: 0,
      sha256: "",
      durationMs: null,
      channels: input.format.channels,
      originalName: null,
    },
    settings,
    noteFormat,
    transcript: emptyLiveTranscript(settings.language, deps.liveSpeech.provider),
    sentiment: null,
    review: { edits: [], finalizedAt: null, finalizedBy: null },
    processing: newProcessing(),
    live: {
      format: input.format,
      parts: 0,
      storedBytes: 0,
      resumeTokenSha256: resumeTokenSha256(resumeToken),
      agenda,
      detachedAt: null,
      ...(recordOnly ? { recordOnly } : {}),
      ...(plannedEndMs === undefined ? {} : { plannedEndMs }),
    },
  };
  await deps.sessions.create(session);
  await audit(deps, actor, "session.create", { sessionId, subjectUserId: session.patientId, detail: { live: true, agendaItems: agenda.length, noteFormat } });
  deps.logger.info("live.started", {
    sessionId,
    encoding: input.format.encoding,
    channels: input.format.channels,
    layout: settings.channelLayout,
    ...(recordOnly ? { recordOnly } : {}),
    ...deps.liveCapacity?.status(),
  });
  return { session, resumeToken };
}

export function resumeTokenSha256(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

function validate(deps: LiveDeps, input: StartLiveSessionInput): TranscriptionSettings {
  const { format } = input;
  if (typeof format !== "object" || format === null || !["pcm", "webm"].includes(format.encoding)) {
    throw invalidInput('The audio format is "pcm" (16 kHz 16-bit little-endian) or "webm".', "format.encoding");
  }
  if (format.channels !== 1 && format.channels !== 2) throw invalidInput("Live audio has 1 or 2 channels.", "format.channels");
  if (input.channelLayout !== "mono" && input.channelLayout !== "per-channel") {
    throw invalidInput('The channel layout is "mono" or "per-channel".', "channelLayout");
  }
  if (input.channelLayout === "per-channel" && format.channels !== 2) {
    throw invalidInput("The per-channel layout takes stereo audio: one speaker per channel.", "channelLayout");
  }
  if (input.channelLayout === "mono" && format.channels !== 1) {
    throw invalidInput("Stereo live audio takes the per-channel layout.", "channelLayout");
  }
  if ((input.title ?? "").trim().length > maxTitleLength) throw invalidInput(`The title must be at most ${maxTitleLength} characters.`, "title");
  checkTitleShared(input.titleShared);
  if (input.channelLayout === "per-channel" && !deps.liveSpeech.capabilities.perChannel) {
    throw new ConfideError("provider.unsupported", "This deployment's live engine cannot separate speakers by channel.", {
      details: { feature: "perChannel" },
    });
  }
  if (format.encoding === "webm" && deps.webmDecoder === null) {
    throw new ConfideError("provider.unsupported", "This deployment cannot decode WebM live audio; send 16 kHz PCM.", {
      details: { feature: "webm" },
    });
  }
  return mergeTranscriptionSettings(deps.settings.transcription, {
    ...(input.language === undefined ? {} : { language: input.language }),
    channelLayout: input.channelLayout,
    diarization: input.channelLayout === "mono",
    ...(input.channelLayout === "per-channel" ? { channelRoles: input.channelRoles ?? ["therapist", "patient"] } : {}),
  });
}

/**
 * Refuses another live session while the therapist runs `settings.live.maxSessions`: each holds
 * a recognition (a third of a core for the embedded engine).
 * @throws ConfideError `live.too_many_sessions` (retryable).
 */
async function assertTherapistLiveLimit(deps: LiveDeps, actor: Actor): Promise<void> {
  const limit = deps.settings.live.maxSessions;
  const page = await deps.sessions.list({ therapistId: actor.userId, statuses: ["live"], limit: Math.min(100, limit) });
  if (page.items.length >= limit) {
    throw new ConfideError("live.too_many_sessions", `You already run ${limit} live sessions; end one before starting another.`, {
      retryable: true,
      details: { limit },
    });
  }
}

function ownAgenda(deps: LiveDeps, texts: string[]): AgendaItem[] {
  if (!Array.isArray(texts) || texts.length > maxAgendaItems) throw invalidInput(`The agenda is a list of at most ${maxAgendaItems} items.`, "agenda");
  const items = texts.map((text, index) => {
    if (typeof text !== "string" || text.trim() === "" || text.length > maxAgendaItemLength) {
      throw invalidInput(`Each agenda item is a text of 1 to ${maxAgendaItemLength} characters.`, `agenda[${index}]`);
    }
    return text.trim();
  });
  return items.map((text, index) => agendaItem(index, text, "therapist"));
}

/**
 * The default agenda: the follow-up topics and unresolved concerns of the notes of this
 * patient's latest session with notes (of the therapist's sessions), in that order, without
 * repeats; empty when there is none.
 */
async function previousAgenda(deps: LiveDeps, actor: Actor, patientId: string): Promise<AgendaItem[]> {
  const page = await deps.sessions.list({ therapistId: actor.userId, patientId, statuses: ["ready", "finalized"], limit: 10 });
  for (const summary of page.items) {
    const previous = await deps.sessions.get(summary.id);
    const notes = previous?.notes;
    if (!notes) continue;
    const seen = new Set<string>();
    const items: AgendaItem[] = [];
    const add = (field: NoteField<NoteItem[]>, source: AgendaItemSource) => {
      if (isNotAssessed(field)) return;
      for (const item of field) {
        const text = item.text.trim();
        if (text === "" || seen.has(text.toLowerCase()) || items.length >= maxAgendaItems) continue;
        seen.add(text.toLowerCase());
        items.push(agendaItem(items.length, text.slice(0, maxAgendaItemLength), source));
      }
    };
    add(notes.followUpTopics, "follow_up");
    add(notes.unresolvedConcerns, "unresolved_concern");
    return items;
  }
  return [];
}

function agendaItem(index: number, text: string, source: AgendaItemSource): AgendaItem {
  return { id: `topic-${index + 1}`, text, source, covered: null };
}
