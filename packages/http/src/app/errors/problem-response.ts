import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "../app-env.ts";
import { errorStatus, type ProblemCode } from "./error-status.ts";

/** RFC 9457 problem details, plus Confide's stable `code` and the request id. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ProblemCode;
  instance: string;
  requestId: string;
  [extension: string]: unknown;
}

export const problemContentType = "application/problem+json";

const titles: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  410: "Gone",
  412: "Precondition Failed",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  416: "Range Not Satisfiable",
  422: "Unprocessable Content",
  428: "Precondition Required",
  429: "Too Many Requests",
  431: "Request Header Fields Too Large",
  460: "Checksum Mismatch",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
};

const reserved = new Set(["type", "title", "status", "detail", "code", "instance", "requestId"]);

/** The problem type URI of a code; stable, so clients may switch on it as on `code`. */
export function problemType(code: ProblemCode): string {
  return `urn:confide:problem:${code}`;
}

/**
 * Writes a problem+json response for `code`. `extensions` are safe, structured details
 * (field errors, limits); they never replace the standard members.
 */
export function problemResponse(
  c: Context<AppEnv>,
  code: ProblemCode,
  detail: string,
  extensions: Record<string, unknown> = {},
): Response {
  const status = errorStatus[code];
  const problem: Problem = {
    type: problemType(code),
    title: titles[status] ?? "Error",
    status,
    detail,
    code,
    instance: c.req.path,
    requestId: c.get("requestId") ?? "",
  };
  for (const [key, value] of Object.entries(extensions)) {
    if (!reserved.has(key) && value !== undefined) problem[key] = value;
  }
  return c.body(JSON.stringify(problem), status as ContentfulStatusCode, { "Content-Type": problemContentType });
}
