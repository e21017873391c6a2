import { join } from "node:path";

/** The three model files PocketSphinx loads, inside `modelDirectory`. */
export function pocketSphinxModelPaths(modelDirectory: string): {
  acousticModel: string;
  languageModel: string;
  dictionary: string;
} {
  return {
    acousticModel: join(modelDirectory, "en-us"),
    languageModel: join(modelDirectory, "en-us.lm.bin"),
    dictionary: join(modelDirectory, "cmudict-en-us.dict"),
  };
}
