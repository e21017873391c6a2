/**
 * The learned models of the diarizer, run by onnxruntime-node (`openOnnxSession`: CPU, one
 * thread, imported on first load). Silero VAD is its own module, shared with the live engine.
 */
import type { InferenceSession, Tensor } from "onnxruntime-node";
import { openOnnxSession, type OnnxRuntime } from "../../models/onnx-session.ts";

export { SileroVad } from "../../silero-vad/silero-vad.ts";

/** pyannote segmentation-3.0 (sherpa-onnx export): `x` [1, 1, 160000] → `y` [1, 589, 7] powerset log-probabilities. */
export class PyannoteSegmentation {
  static readonly windowSamples = 160_000;
  static readonly frames = 589;
  /** Samples between frames, and the receptive field of one frame (the model's metadata). */
  static readonly frameShiftSamples = 270;
  static readonly receptiveFieldSamples = 991;

  private readonly ort: OnnxRuntime;
  private readonly session: InferenceSession;

  private constructor(ort: OnnxRuntime, session: InferenceSession) {
    this.ort = ort;
    this.session = session;
  }

  static async load(path: string): Promise<PyannoteSegmentation> {
    const { ort, session } = await openOnnxSession(path);
    return new PyannoteSegmentation(ort, session);
  }

  /** Log-probabilities (589 × 7, row-major) of one 10 s window (shorter: zero-padded). */
  async run(window: Float32Array): Promise<Float32Array> {
    const x = new Float32Array(PyannoteSegmentation.windowSamples);
    x.set(window.subarray(0, PyannoteSegmentation.windowSamples));
    const output = await this.session.run({ x: new this.ort.Tensor("float32", x, [1, 1, x.length]) });
    return (output.y as Tensor).data as Float32Array;
  }
}
