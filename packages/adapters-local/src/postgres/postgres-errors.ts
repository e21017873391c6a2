import { unreachableCodes } from "@confide/core/adapter-kit";
import { ConfideError } from "@confide/core/ports";

/**
 * SQLSTATEs of a server that is down, restarting, overloaded or cut off
 * (https://www.postgresql.org/docs/current/errcodes-appendix.html).
 */
const unavailableSqlStates = new Set([
  "57P01", // admin_shutdown: the server is shutting down or the backend was terminated
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now: starting up or in recovery
  "57P05", // idle_session_timeout
  "57014", // query_canceled: statement_timeout reached
  "53300", // too_many_connections
  "53400", // configuration_limit_exceeded
  "40001", // serialization_failure
  "40P01", // deadlock_detected
  "25P03", // idle_in_transaction_session_timeout
]);

/** Messages `pg` uses for connections lost or never made (they carry no code). */
const unreachableMessages = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /connection timeout/i,
  /query read timeout/i,
  /server closed the connection unexpectedly/i,
  /client has encountered a connection error/i,
];

function codeOf(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

/** True when the error says the database is unreachable or temporarily refusing work. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (ConfideError.is(error)) return error.code === "dependency.unavailable";
  const code = codeOf(error);
  if (code !== undefined) {
    if (unreachableCodes.has(code) || unavailableSqlStates.has(code)) return true;
    // Class 08: connection exceptions.
    if (/^08[0-9A-Z]{3}$/.test(code)) return true;
  }
  if (error instanceof AggregateError) return error.errors.some(isDatabaseUnavailable);
  const message = error instanceof Error ? error.message : "";
  return unreachableMessages.some((pattern) => pattern.test(message));
}

/**
 * True when the error left its connection unusable — the link broke, the server ended the
 * backend, or the client stopped waiting for an answer (`query_timeout`) — so nothing more
 * (not even ROLLBACK) should be sent on it. A statement the server refused, cancelled or timed
 * out (57014) leaves the connection usable and is not one of these.
 */
export function isConnectionBroken(error: unknown): boolean {
  const original = ConfideError.is(error) ? error.cause : error;
  if (original === undefined || ConfideError.is(original)) return false;
  const code = codeOf(original);
  if (code !== undefined) {
    return unreachableCodes.has(code) || code === "57P01" || code === "57P02" || /^08[0-9A-Z]{3}$/.test(code);
  }
  const message = original instanceof Error ? original.message : "";
  return unreachableMessages.some((pattern) => pattern.test(message));
}

/** Node's codes for a certificate that does not verify (https://nodejs.org/api/tls.html, OpenSSL's X509_V_ERR_*). */
const certificateCodes = /^(ERR_TLS_CERT_ALTNAME_INVALID|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT(_LOCALLY)?|CERT_[A-Z_]+)$/;

/**
 * True when TLS as the URL asks for it (`sslmode`, `sslrootcert`) cannot be had: the server's
 * certificate does not verify against the CA bundle, or the server does not speak TLS. Waiting
 * does not mend it.
 */
function isTlsRefused(error: unknown): boolean {
  const code = codeOf(error);
  if (code !== undefined && certificateCodes.test(code)) return true;
  return error instanceof Error && /server does not support SSL connections/i.test(error.message);
}

/**
 * Maps driver errors of an unreachable database to ConfideError `dependency.unavailable`
 * (retryable), and of TLS that cannot be had as configured to `dependency.unavailable`, not
 * retryable (reason `tls`); returns any other error unchanged.
 */
export function toDatabaseError(error: unknown, database: string): unknown {
  if (ConfideError.is(error)) return error;
  if (isTlsRefused(error)) {
    return new ConfideError("dependency.unavailable", `The ${database} database's TLS connection could not be made as configured (sslmode, sslrootcert).`, {
      cause: error,
      details: { dependency: database, reason: "tls" },
    });
  }
  if (!isDatabaseUnavailable(error)) return error;
  const code = codeOf(error);
  return new ConfideError("dependency.unavailable", `The ${database} database is unavailable.`, {
    retryable: true,
    cause: error,
    details: code === undefined ? { dependency: database } : { dependency: database, reason: code },
  });
}

/** True for a unique_violation (SQLSTATE 23505), optionally of one constraint or index. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (codeOf(error) !== "23505") return false;
  if (constraint === undefined) return true;
  return (error as { constraint?: unknown }).constraint === constraint;
}
