import { ConfideError } from "@confide/core/ports";
import type { Hook } from "@hono/zod-openapi";
import type { AppEnv } from "../app-env.ts";
import type { FieldIssue } from "./field-issue.ts";
import { assertNoNulCharacters } from "./nul-characters.ts";

export type { FieldIssue } from "./field-issue.ts";


/** A zod error's issues as the problem's `errors`, each field path under `prefix` when given. */
export function fieldIssuesOf(error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string; code: string }> }, source: string, prefix = ""): FieldIssue[] {
  return error.issues.map((issue) => ({ in: source, field: `${prefix}${issue.path.map(String).join(".")}`, message: issue.message, code: issue.code }));
}

/**
 * The default hook of every router: a request that fails its zod schemas becomes
 * `validation.invalid_input` (400) with every field issue in `errors`. So does one whose
 * valid-looking text (path ids, query, JSON strings) holds a NUL character: every route refuses
 * it here, before a use case or a database sees it.
 */
export const validationHook: Hook<unknown, AppEnv, string, undefined> = (result) => {
  if (result.success) {
    assertNoNulCharacters(result.data, result.target);
    return undefined;
  }
  throw new ConfideError("validation.invalid_input", "The request is not valid.", { details: { errors: fieldIssuesOf(result.error, result.target) } });
};
