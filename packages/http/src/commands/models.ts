/**
 * `confide models install | list | verify`: the learned models the configured adapters use
 * (the manifest in `@confide/adapters-local/models`), in the models folder (`CONFIDE_MODELS_DIR`).
 */
import { inspectModel, installModel, modelManifest, modelsUsedBy, type ModelStatus } from "@confide/adapters-local/models";
import { ConfideError } from "@confide/core/ports";
import type { ConfideConfig } from "../config/config.ts";

export const modelsActions = ["install", "list", "verify"] as const;
export type ModelsAction = (typeof modelsActions)[number];

export interface ModelsReport {
  directory: string;
  /** One line per model, as printed. */
  lines: string[];
  /** Whether every model the configuration uses is installed and intact afterwards. */
  ok: boolean;
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function statusLine(status: ModelStatus, used: boolean): string {
  const state = status.state === "damaged" ? `damaged (${status.problem})` : status.state;
  return `${status.model.name.padEnd(26)} ${state.padEnd(10)} ${megabytes(status.model.bytes).padStart(7)}  ${status.model.licence}  ${used ? "used" : "not used"} by this configuration  ${status.path}`;
}

/**
 * Runs one action. `install` installs what the configured adapters use (each checked, renamed
 * into place only when intact; a good installed file kept); `list` says what every model of the
 * manifest is and whether it is installed; `verify` checks the used ones' size and sha256.
 * @throws ConfideError `model.source_unreachable`, `model.size_mismatch`, `model.checksum_mismatch`
 *   from `install` (the first model that failed; those before it stay installed).
 */
export async function modelsCommand(config: Pick<ConfideConfig, "adapters" | "models">, action: ModelsAction, write: (line: string) => void): Promise<ModelsReport> {
  const { directory, source } = config.models;
  const used = new Set(modelsUsedBy(config.adapters).map((model) => model.name));
  const lines: string[] = [];
  const say = (line: string) => {
    lines.push(line);
    write(line);
  };
  if (action === "install") {
    if (used.size === 0) say("This configuration uses no learned model: nothing to install.");
    for (const model of modelManifest.filter((entry) => used.has(entry.name))) {
      const outcome = await installModel(directory, model, { source });
      say(`${model.name}: ${outcome} (${megabytes(model.bytes)}, ${model.licence}) in ${directory}`);
    }
    return { directory, lines, ok: true };
  }
  let ok = true;
  for (const model of modelManifest) {
    if (action === "verify" && !used.has(model.name)) continue;
    const status = await inspectModel(directory, model);
    if (used.has(model.name) && status.state !== "installed") ok = false;
    say(statusLine(status, used.has(model.name)));
  }
  if (action === "verify" && !ok) say("Some model this configuration uses is missing or damaged: run `confide models install`. Until then its adapter runs without it.");
  return { directory, lines, ok };
}

/** `action` as a models action, or a usage problem in words. */
export function parseModelsAction(action: string | undefined): ModelsAction {
  if (modelsActions.includes(action as ModelsAction)) return action as ModelsAction;
  throw new ConfideError("validation.invalid_input", `confide models takes one of ${modelsActions.join(", ")}${action === undefined ? "" : `, not "${action}"`}.`, {
    details: { field: "action" },
  });
}
