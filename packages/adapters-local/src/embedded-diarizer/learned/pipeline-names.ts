/** Which of the embedded diarizer's pipelines ran, as a transcript says (`speakerDetection.pipeline`). */
export const learnedPipelineName = "learned";
/** Voice features alone (no model installed). */
export const classicalPipelineName = "classical";
