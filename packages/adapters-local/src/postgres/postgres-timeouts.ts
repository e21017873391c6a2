/** How much longer than the server's statement limit the client waits for an answer. */
export const queryTimeoutMarginMs = 2_000;

/** The client-side limit that goes with a server-side statement limit (0: none). */
export function queryTimeoutFor(statementTimeoutMs: number): number {
  return statementTimeoutMs === 0 ? 0 : statementTimeoutMs + queryTimeoutMarginMs;
}

/** A time-limit parameter of the connection URL (`?statement_timeout=5000`) and its unit. */
const urlParameters = [
  ["connect_timeout", "seconds"],
  ["statement_timeout", "milliseconds"],
  ["query_timeout", "milliseconds"],
] as const;

type UrlParameter = (typeof urlParameters)[number][0];

/** A whole-number parameter of the connection URL, if present and a non-negative integer. */
function urlInteger(connectionString: string, name: UrlParameter): number | undefined {
  if (!URL.canParse(connectionString)) return undefined;
  const raw = new URL(connectionString).searchParams.get(name);
  if (raw === null) return undefined;
  const value = Number(raw);
  return raw.trim() === "" || !Number.isInteger(value) || value < 0 ? undefined : value;
}

/**
 * What is wrong with the time-limit parameters of a connection URL, in words: one that is not
 * a whole number of its unit, or a `query_timeout` of 0 (pg would read the string "0" as a
 * limit of 0 ms and fail every statement at once).
 * @returns the problem, or undefined when they are fine (or absent).
 */
export function urlTimeoutProblem(connectionString: string): string | undefined {
  if (!URL.canParse(connectionString)) return undefined;
  const parameters = new URL(connectionString).searchParams;
  for (const [name, unit] of urlParameters) {
    if (parameters.get(name) !== null && urlInteger(connectionString, name) === undefined) {
      return `The ${name} parameter of the PostgreSQL URL must be a number of ${unit}.`;
    }
  }
  if (urlInteger(connectionString, "query_timeout") === 0) return "The query_timeout parameter of the PostgreSQL URL must be positive.";
  return undefined;
}

/** The time limits of the pool, in milliseconds (`queryTimeoutMs` 0: none). */
export interface PostgresTimeouts {
  connectionTimeoutMs: number;
  statementTimeoutMs: number;
  queryTimeoutMs: number;
}

/**
 * The time limits a pool uses: a parameter in the URL (`connect_timeout` in seconds, as libpq
 * reads it; `statement_timeout`, `query_timeout`) wins over the setting; without either, the
 * client-side limit follows the statement limit (`queryTimeoutFor`).
 * @param settings checked settings (the URL's parameters checked by `urlTimeoutProblem`).
 */
export function postgresTimeouts(settings: {
  connectionString: string;
  connectionTimeoutMs: number;
  statementTimeoutMs: number;
  queryTimeoutMs?: number | undefined;
}): PostgresTimeouts {
  const { connectionString } = settings;
  // libpq's connect_timeout, in seconds; 0 means wait for ever there as here.
  const connectTimeoutSeconds = urlInteger(connectionString, "connect_timeout");
  const statementTimeoutMs = urlInteger(connectionString, "statement_timeout") ?? settings.statementTimeoutMs;
  return {
    connectionTimeoutMs: connectTimeoutSeconds === undefined ? settings.connectionTimeoutMs : connectTimeoutSeconds * 1000,
    statementTimeoutMs,
    queryTimeoutMs: urlInteger(connectionString, "query_timeout") ?? settings.queryTimeoutMs ?? queryTimeoutFor(statementTimeoutMs),
  };
}
