import { ConfideError } from "@confide/core/ports";
import type { FieldIssue } from "./field-issue.ts";

/** Most fields a NUL problem lists (and the deepest it looks), so a hostile body costs little. */
const maxReportedFields = 20;
const maxDepth = 32;

/**
 * Dotted paths of the strings (values or object keys) in `value` that hold a NUL character
 * (U+0000), which no text column can store (PostgreSQL refuses it) and no person types.
 */
export function nulCharacterFields(value: unknown): string[] {
  const found: string[] = [];
  const visit = (current: unknown, path: string[], depth: number) => {
    if (found.length >= maxReportedFields) return;
    if (typeof current === "string") {
      if (current.includes("\u0000")) found.push(path.join("."));
      return;
    }
    if (typeof current !== "object" || current === null || depth >= maxDepth) return;
    for (const [key, child] of Object.entries(current)) {
      const childPath = [...path, key.replaceAll("\u0000", "\\u0000").slice(0, 80)];
      if (key.includes("\u0000")) found.push(childPath.join("."));
      visit(child, childPath, depth + 1);
    }
  };
  visit(value, [], 0);
  return found;
}

/**
 * Refuses text with NUL characters at the edge, before a use case or a database sees it.
 * @param where where the value came from: json, query, param, header, form.
 * @throws ConfideError `validation.invalid_input` listing each field that holds a NUL.
 */
export function assertNoNulCharacters(value: unknown, where: string): void {
  const fields = nulCharacterFields(value);
  if (fields.length === 0) return;
  const errors: FieldIssue[] = fields.map((field) => ({
    in: where,
    field,
    message: "Must not contain NUL characters (U+0000).",
    code: "nul_character",
  }));
  throw new ConfideError("validation.invalid_input", "Text must not contain NUL characters (U+0000).", { details: { errors } });
}
