/**
 * Sessions with risk flags to acknowledge first, each group in the API's order (newest
 * recording first). Among the sessions loaded so far: a page loaded later ("Show more") may add
 * a flagged session above those already shown.
 */
export function riskFirst<Summary extends { riskUnacknowledged?: number }>(sessions: readonly Summary[]): Summary[] {
  const flagged = (session: Summary) => (session.riskUnacknowledged ?? 0) > 0;
  return [...sessions.filter(flagged), ...sessions.filter((session) => !flagged(session))];
}
