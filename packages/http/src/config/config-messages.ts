import type { z } from "zod";

/**
 * zod's messages for a configuration value, in words a person setting an environment variable
 * understands ("must be a whole number (got "abc")", not "expected number, received NaN").
 * Used as the per-parse error map: a message written in the schema itself takes precedence.
 * The value given is quoted back only for numbers and choices, never for what may be a secret.
 * @param readBy who reads the variables of the schema parsed ("the postgres repository
 *   adapter"), named when a variable it requires is missing.
 * @returns the error map; it returns undefined to keep zod's message for anything not listed.
 */
export function configIssueMessages(
  env: Record<string, string | undefined>,
  readBy: string,
): (issue: z.core.$ZodRawIssue) => string | undefined {
  return (issue) => {
    const value = env[String(issue.path?.[0])];
    if (issue.code === "invalid_type" && issue.input === undefined) return `required by ${readBy}`;
    return describe(issue, value === undefined ? "" : ` (got "${value}")`);
  };
}

function describe(issue: z.core.$ZodRawIssue, given: string): string | undefined {
  switch (issue.code) {
    case "invalid_type":
      if (issue.expected === "int" || issue.expected === "number") return `must be a whole number${given}`;
      return undefined;
    case "too_small":
      if (issue.origin === "string") return Number(issue.minimum) <= 1 ? "must not be empty" : `must be at least ${issue.minimum} characters`;
      return `must be ${issue.inclusive ? "at least" : "more than"} ${issue.minimum}${given}`;
    case "too_big":
      if (issue.origin === "string") return `must be at most ${issue.maximum} characters`;
      return `must be ${issue.inclusive ? "at most" : "less than"} ${issue.maximum}${given}`;
    case "invalid_value":
      return `must be one of ${issue.values.map(String).join(", ")}${given}`;
    case "invalid_format":
      if (issue.format === "url") return "must be a URL such as scheme://host:port";
      if (issue.format === "regex") return `must match ${String(issue.pattern)}`;
      return undefined;
    default:
      return undefined;
  }
}
