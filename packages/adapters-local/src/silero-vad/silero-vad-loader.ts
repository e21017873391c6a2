/**
 * Silero VAD from the models folder (`confide models install`), loaded on first use and once
 * per folder; undefined while it is not installed or damaged there (looked at again at the next
 * call, so an install needs no restart), and the caller then runs without it.
 */
import { locateModel } from "../models/model-store.ts";
import { SileroVad } from "./silero-vad.ts";

const loaded = new Map<string, Promise<SileroVad | undefined>>();

export function loadSileroVad(modelsDirectory: string): Promise<SileroVad | undefined> {
  let model = loaded.get(modelsDirectory);
  if (!model) {
    model = locateModel(modelsDirectory, "silero-vad").then((path) => (path === undefined ? undefined : SileroVad.load(path)));
    loaded.set(modelsDirectory, model);
    // Not installed, or a failed load: looked at again next time rather than remembered.
    model.then(
      (found) => found ?? loaded.delete(modelsDirectory),
      () => loaded.delete(modelsDirectory),
    );
  }
  return model;
}
