/**
 * The learned pipeline with its models, when both are installed and intact in the models
 * folder (`confide models install`); undefined otherwise, and the embedded diarizer then runs
 * its classical pipeline. Each model is loaded once per folder, on first use.
 */
import { locateModel } from "../../models/model-store.ts";
import { agglomerativeClustering, gaussianEmbedding, pyannoteSegmentation, sileroVoiceActivity } from "./default-stages.ts";
import type { LearnedPipeline } from "./learned-diarization.ts";
import { PyannoteSegmentation, SileroVad } from "./onnx-models.ts";
import { learnedDiarizationParameters, type LearnedDiarizationParameters } from "./pipeline-parameters.ts";

const loaded = new Map<string, Promise<{ vad: SileroVad; segmentation: PyannoteSegmentation } | undefined>>();

async function loadModels(directory: string) {
  const [vadPath, segmentationPath] = await Promise.all([locateModel(directory, "silero-vad"), locateModel(directory, "pyannote-segmentation-3.0")]);
  if (!vadPath || !segmentationPath) return undefined;
  const [vad, segmentation] = await Promise.all([SileroVad.load(vadPath), PyannoteSegmentation.load(segmentationPath)]);
  return { vad, segmentation };
}

export async function learnedPipeline(
  directory: string,
  parameters: LearnedDiarizationParameters = learnedDiarizationParameters,
): Promise<LearnedPipeline<unknown> | undefined> {
  let models = loaded.get(directory);
  if (!models) {
    models = loadModels(directory);
    loaded.set(directory, models);
    // A failed load (a damaged runtime) is tried again next time rather than remembered.
    models.catch(() => loaded.delete(directory));
  }
  const found = await models;
  if (!found) {
    loaded.delete(directory);
    return undefined;
  }
  return {
    voiceActivity: sileroVoiceActivity(found.vad, parameters.voiceActivity),
    segmentation: pyannoteSegmentation(found.segmentation, parameters.segmentation),
    embedding: gaussianEmbedding() as LearnedPipeline<unknown>["embedding"],
    clustering: agglomerativeClustering(parameters.clustering),
    parameters,
  };
}
