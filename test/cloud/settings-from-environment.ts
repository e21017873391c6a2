import type { z } from "zod";
import { settingsFromEnvironment } from "../../packages/http/src/config/adapter-variables.ts";

/**
 * An adapter's settings read from the environment as the host reads them (each setting's
 * variable), for a cloud run that creates the adapter itself.
 * @throws Error listing every variable the schema refuses.
 */
export function fromEnvironment<Schema extends z.ZodObject>(settings: Schema, env: Record<string, string | undefined> = process.env): z.output<Schema> {
  const parsed = settingsFromEnvironment(settings, env, "this cloud run");
  if (!parsed.success) throw new Error(parsed.problems.map(({ variable, message }) => `${variable}: ${message}`).join("\n"));
  return parsed.data as z.output<Schema>;
}
