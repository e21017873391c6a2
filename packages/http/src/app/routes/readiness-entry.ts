/**
 * One dependency's answer to a readiness check: its name (`database:postgres`), whether it
 * answered, and when not, the error code and a message (the message goes to the log, never to
 * the caller: it may name hosts and paths).
 */
export interface ReadinessEntry {
  name: string;
  ok: boolean;
  code?: string;
  message?: string;
}
