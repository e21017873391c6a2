import type { ConfideDeps } from "../../deps.ts";
import type { Session } from "../../domain/session.ts";
import { ConfideError } from "../../errors.ts";
import type { ActiveConsent } from "../../domain/consent.ts";
import { consentNeeds, type ConsentNeedsDeps } from "../policies/consent.ts";
import { endLiveSession } from "./end-live-session.ts";

const pageLimit = 100;
/** Tries of the end against the live run's own writes (each part it stores is one). */
const endAttempts = 5;

/**
 * A patient withdrew consent, leaving `active` (the consent in force after the
 * withdrawal, as the withdrawal computed it): each of their sessions still being recorded live that
 * the remaining consent no longer covers — what `startLiveSession` required, the live engine's
 * cloud provider included when `deps` has one (an API process; a host without live sessions
 * checks what an upload needs: the same processors) — is ended at once, as a client's stop
 * would end it, marked `endedBy: "consent_withdrawn"`: no audio is stored after this (the live
 * run, in whichever API process holds it, finds its next write superseded and closes the
 * connection with `consent.withdrawn`), what was stored before is joined and queued, and the
 * pipeline's consent check then fails the session before any provider sees it.
 * @returns the ids of the sessions ended.
 */
export async function endLiveSessionsWithoutConsent(
  deps: ConfideDeps & Pick<ConsentNeedsDeps, "liveSpeech">,
  patientId: string,
  active: ActiveConsent,
): Promise<string[]> {
  const needs = consentNeeds(deps, active);
  const { missing } = needs.live ?? needs.upload;
  if (missing.scopes.length === 0 && missing.cloudProviders.length === 0) return [];
  const ended: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.sessions.list({ patientId, statuses: ["live"], limit: pageLimit, ...(cursor ? { cursor } : {}) });
    for (const listed of page.items) {
      if ((await endWithdrawn(deps, listed.id))?.live?.endedBy === "consent_withdrawn") ended.push(listed.id);
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return ended;
}

/** Ends one live session, trying again while its live run keeps writing (a version conflict). */
async function endWithdrawn(deps: ConfideDeps, sessionId: string): Promise<Session | undefined> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await endLiveSession(deps, sessionId, { endedBy: "consent_withdrawn", transcriptComplete: false });
    } catch (error) {
      // Deleted meanwhile: nothing left to stop.
      if (ConfideError.is(error, "session.not_found")) return undefined;
      if (!ConfideError.is(error, "session.version_conflict") || attempt === endAttempts) throw error;
    }
  }
}
