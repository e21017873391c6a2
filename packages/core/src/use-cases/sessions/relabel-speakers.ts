import type { ConfideDeps } from "../../deps.ts";
import type { ReviewEdit, Session } from "../../domain/session.ts";
import type { Speaker, SpeakerRole } from "../../domain/transcript.ts";
import type { Actor } from "../../domain/user.ts";
import { ConfideError } from "../../errors.ts";
import { loadReviewTarget, saveReview } from "./transcript-review.ts";

const roles: readonly SpeakerRole[] = ["therapist", "patient", "unknown"];

export interface SpeakerRoleChange {
  /** The speaker's label in the transcript, e.g. "S1". */
  label: string;
  role: SpeakerRole;
}

/** A segment given to another speaker of the transcript (a diarizer's wrong turn). */
export interface SegmentSpeakerChange {
  /** The segment's id, e.g. "seg-0003". */
  id: string;
  /** The label of the speaker who said it: one of the transcript's speakers. */
  speaker: string;
}

export interface RelabelSpeakersInput {
  sessionId: string;
  /** The version the editor read (If-Match). */
  expectedVersion?: number;
  /** Speakers not listed keep their role. At least one speaker or one segment. */
  speakers?: SpeakerRoleChange[];
  /** Segments not listed keep their speaker. */
  segments?: SegmentSpeakerChange[];
}

const invalid = (message: string, details: Record<string, unknown>) =>
  new ConfideError("validation.invalid_input", message, { details });

function validate(speakers: SpeakerRoleChange[], segments: SegmentSpeakerChange[]): Map<string, SpeakerRole> {
  if (!Array.isArray(speakers) || !Array.isArray(segments) || speakers.length + segments.length === 0) {
    throw invalid("Send at least one speaker or one segment.", { field: "speakers" });
  }
  const seen = new Set<string>();
  segments.forEach((segment, index) => {
    if (typeof segment.id !== "string" || segment.id === "") throw invalid("id is required.", { field: `segments.${index}.id` });
    if (typeof segment.speaker !== "string" || segment.speaker === "") {
      throw invalid("speaker is required.", { field: `segments.${index}.speaker` });
    }
    if (seen.has(segment.id)) throw invalid("A segment is listed twice.", { field: `segments.${index}.id`, segmentId: segment.id });
    seen.add(segment.id);
  });
  const wanted = new Map<string, SpeakerRole>();
  speakers.forEach((speaker, index) => {
    if (typeof speaker.label !== "string" || speaker.label === "") {
      throw invalid("label is required.", { field: `speakers.${index}.label` });
    }
    if (!roles.includes(speaker.role)) {
      throw invalid(`role must be one of ${roles.join(", ")}.`, { field: `speakers.${index}.role` });
    }
    if (wanted.has(speaker.label)) {
      throw invalid("A speaker is listed twice.", { field: `speakers.${index}.label`, label: speaker.label });
    }
    wanted.set(speaker.label, speaker.role);
  });
  return wanted;
}

/**
 * Sets the roles of a session's speakers, and the speaker of single segments, during review, as
 * its therapist (the role heuristic and the diarizer can be wrong). Each change is kept in the
 * review history (`speaker` for a role, `segment-speaker` for a segment's speaker) and the
 * transcript revision goes up by one; a segment given a speaker loses its `speakerUncertain`
 * mark (the therapist has checked it); sentiment is measured again over every segment of the
 * speakers who are now patients. A relabel that changes nothing writes nothing. Audited as
 * `session.speakers.relabel`.
 * @throws ConfideError `session.speaker_not_found`, `session.segment_not_found`, `session.version_required`,
 * `session.version_conflict`, `session.invalid_state` unless ready, `validation.invalid_input`,
 * `session.not_found`, `auth.forbidden`, `provider.*` from the language analyzer.
 */
export async function relabelSpeakers(deps: ConfideDeps, actor: Actor, input: RelabelSpeakersInput): Promise<Session> {
  const segmentChanges = input.segments ?? [];
  const wanted = validate(input.speakers ?? [], segmentChanges);
  const target = await loadReviewTarget(deps, actor, input);
  const labels = new Set(target.transcript.speakers.map((speaker) => speaker.label));
  for (const label of wanted.keys()) {
    if (!labels.has(label)) {
      throw new ConfideError("session.speaker_not_found", "The transcript has no such speaker.", { details: { label } });
    }
  }

  for (const change of segmentChanges) {
    if (!labels.has(change.speaker)) {
      throw new ConfideError("session.speaker_not_found", "The transcript has no such speaker.", { details: { label: change.speaker } });
    }
  }
  const segmentIds = new Set(target.transcript.segments.map((segment) => segment.id));
  for (const change of segmentChanges) {
    if (!segmentIds.has(change.id)) {
      throw new ConfideError("session.segment_not_found", "The transcript has no such segment.", { details: { segmentId: change.id } });
    }
  }

  const now = deps.clock.now();
  const edits: ReviewEdit[] = [];
  const speakerOf = new Map(segmentChanges.map((change) => [change.id, change.speaker]));
  const segments = target.transcript.segments.map((segment) => {
    const speaker = speakerOf.get(segment.id);
    if (speaker === undefined || speaker === segment.speaker) return segment;
    edits.push({ at: now, by: actor.userId, kind: "segment-speaker", target: segment.id, before: segment.speaker, after: speaker });
    const { speakerUncertain: _checked, ...rest } = segment;
    return { ...rest, speaker };
  });
  const speakers = target.transcript.speakers.map((speaker): Speaker => {
    const role = wanted.get(speaker.label);
    if (role === undefined || role === speaker.role) return speaker;
    edits.push({ at: now, by: actor.userId, kind: "speaker", target: speaker.label, before: speaker.role, after: role });
    return { ...speaker, role };
  });
  return saveReview(deps, actor, target, {
    counted: "speakers",
    action: "session.speakers.relabel",
    transcript: {
      ...target.transcript,
      speakers,
      segments,
      // A role changed by hand: the therapist's review, not a rule, now decides the roles.
      ...(edits.some((edit) => edit.kind === "speaker") ? { roleAssignment: { method: "review" as const, confidence: null } } : {}),
    },
    edits,
    rescore: "all",
  });
}
