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

export interface RelabelSpeakersInput {
  sessionId: string;
  /** The version the editor read (If-Match). */
  expectedVersion?: number;
  /** Speakers not listed keep their role. */
  speakers: SpeakerRoleChange[];
}

const invalid = (message: string, details: Record<string, unknown>) =>
  new ConfideError("validation.invalid_input", message, { details });

function validate(speakers: SpeakerRoleChange[]): Map<string, SpeakerRole> {
  if (!Array.isArray(speakers) || speakers.length === 0) {
    throw invalid("Send at least one speaker.", { field: "speakers" });
  }
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
 * Sets the roles of a session's speakers during review, as its therapist (the role heuristic
 * can be wrong). Each change is kept in the review history and the transcript revision goes
 * up by one; sentiment is measured again over every segment of the speakers who are now
 * patients. A relabel that changes nothing writes nothing. Audited as
 * `session.speakers.relabel`.
 * @throws ConfideError `session.speaker_not_found`, `session.version_required`,
 * `session.version_conflict`, `session.invalid_state` unless ready, `validation.invalid_input`,
 * `session.not_found`, `auth.forbidden`, `provider.*` from the language analyzer.
 */
export async function relabelSpeakers(deps: ConfideDeps, actor: Actor, input: RelabelSpeakersInput): Promise<Session> {
  const wanted = validate(input.speakers);
  const target = await loadReviewTarget(deps, actor, input);
  const labels = new Set(target.transcript.speakers.map((speaker) => speaker.label));
  for (const label of wanted.keys()) {
    if (!labels.has(label)) {
      throw new ConfideError("session.speaker_not_found", "The transcript has no such speaker.", { details: { label } });
    }
  }

  const now = deps.clock.now();
  const edits: ReviewEdit[] = [];
  const speakers = target.transcript.speakers.map((speaker): Speaker => {
    const role = wanted.get(speaker.label);
    if (role === undefined || role === speaker.role) return speaker;
    edits.push({ at: now, by: actor.userId, kind: "speaker", target: speaker.label, before: speaker.role, after: role });
    return { ...speaker, role };
  });
  return saveReview(deps, actor, target, {
    counted: "speakers",
    action: "session.speakers.relabel",
    transcript: { ...target.transcript, speakers },
    edits,
    rescore: "all",
  });
}
