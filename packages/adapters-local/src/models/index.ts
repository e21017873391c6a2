/**
 * `@confide/adapters-local/models`: the learned models' manifest and folder, for the host's
 * `confide models` command and its configuration (`CONFIDE_MODELS_DIR`). Node built-ins only, so
 * reading the configuration stays cheap.
 */
export { modelManifest, type ModelEntry, type ModelName } from "./model-manifest.ts";
export { modelsDirectorySettings } from "./models-settings.ts";
export {
  defaultModelsDirectory,
  inspectModel,
  installModel,
  locateModel,
  modelOrigin,
  modelsUsedBy,
  type InstallOutcome,
  type ModelState,
  type ModelStatus,
} from "./model-store.ts";
