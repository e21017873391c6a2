import { z } from "zod";
import { configIssueMessages } from "./config-messages.ts";

/**
 * One setting of an adapter that an environment variable sets: its key in the adapter's settings
 * (`region`), the variable (`CONFIDE_COMPREHEND_REGION`, the setting's `.meta({ env })`) and its
 * schema. Settings without `env` (a ready SDK client, a logger) are for code that builds the
 * adapter by hand; no variable sets them.
 */
export interface AdapterVariable {
  key: string;
  variable: string;
  schema: z.core.$ZodType;
}

/** The `env` of a setting's schema, looking through `.optional()`, `.default()` and pipes. */
function variableOf(schema: z.core.$ZodType): string | undefined {
  let current: z.core.$ZodType | undefined = schema;
  while (current !== undefined) {
    const env = z.globalRegistry.get(current)?.env;
    if (typeof env === "string") return env;
    const def = current._zod.def as { type: string; innerType?: z.core.$ZodType; in?: z.core.$ZodType };
    current = def.type === "pipe" ? def.in : def.innerType;
  }
  return undefined;
}

/** The settings of an adapter's schema that variables set, in the schema's order. */
export function adapterVariables(settings: z.ZodObject): AdapterVariable[] {
  return Object.entries(settings.shape).flatMap(([key, schema]) => {
    const variable = variableOf(schema);
    return variable === undefined ? [] : [{ key, variable, schema }];
  });
}

/** A problem with one variable, in words for the person setting it. */
export interface VariableProblem {
  variable: string;
  message: string;
}

/**
 * An adapter's settings read from the environment: each variable its schema names (unset or
 * empty: left out, so the schema's default applies), parsed by the schema.
 * @param readBy who reads them ("the postgres repository adapter"), named when one is missing.
 * @returns the settings, or every problem, each naming its variable.
 */
export function settingsFromEnvironment(
  settings: z.ZodObject,
  env: Record<string, string | undefined>,
  readBy: string,
): { success: true; data: unknown } | { success: false; problems: VariableProblem[] } {
  const variables = adapterVariables(settings);
  const input: Record<string, string> = {};
  for (const { key, variable } of variables) {
    const value = env[variable];
    if (value !== undefined && value !== "") input[key] = value;
  }
  const parsed = settings.safeParse(input, { error: configIssueMessages(input, readBy) });
  if (parsed.success) return { success: true, data: parsed.data };
  const variableOfKey = new Map(variables.map(({ key, variable }) => [key, variable]));
  return {
    success: false,
    problems: parsed.error.issues.map((issue) => ({
      variable: variableOfKey.get(String(issue.path[0])) ?? issue.path.join("."),
      message: issue.message,
    })),
  };
}
