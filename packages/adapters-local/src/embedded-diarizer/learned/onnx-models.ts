/**
 * The learned models, run by onnxruntime-node on the CPU with one thread each (the machine's
 * other cores belong to other work). onnxruntime is imported only when a model is first loaded,
 * so a host that never diarizes never loads it.
 */
import type { InferenceSession, Tensor } from "onnxruntime-node";

type Runtime = typeof import("onnxruntime-node");
let runtime: Promise<Runtime> | undefined;
const loadRuntime = () => (runtime ??= import("onnxruntime-node"));

async function openSession(path: string): Promise<{ ort: Runtime; session: InferenceSession }> {
  const ort = await loadRuntime();
  const session = await ort.InferenceSession.create(path, {
    intraOpNumThreads: 1,
    interOpNumThreads: 1,
    executionMode: "sequential",
    graphOptimizationLevel: "all",
  });
  return { ort, session };
}

/** Silero VAD (v5 interface: `input` [1, 64 + 512] with the previous chunk's last 64 samples, `state`, `sr`) at 16 kHz. */
export class SileroVad {
  static readonly chunkSamples = 512;
  static readonly contextSamples = 64;
  private state: Tensor;
  private readonly context = new Float32Array(SileroVad.contextSamples);
  private readonly input = new Float32Array(SileroVad.contextSamples + SileroVad.chunkSamples);
  private readonly sampleRate: Tensor;

  private readonly ort: Runtime;
  private readonly session: InferenceSession;

  private constructor(ort: Runtime, session: InferenceSession) {
    this.ort = ort;
    this.session = session;
    this.state = new ort.Tensor("float32", new Float32Array(2 * 128), [2, 1, 128]);
    this.sampleRate = new ort.Tensor("int64", BigInt64Array.from([16000n]), []);
  }

  static async load(path: string): Promise<SileroVad> {
    const { ort, session } = await openSession(path);
    return new SileroVad(ort, session);
  }

  /** A fresh stream (state and context cleared), sharing the loaded model. */
  fresh(): SileroVad {
    return new SileroVad(this.ort, this.session);
  }

  /** The probability that `chunk` (512 samples in [-1, 1]) is speech, given the chunks before it. */
  async probability(chunk: Float32Array): Promise<number> {
    this.input.set(this.context, 0);
    this.input.set(chunk, SileroVad.contextSamples);
    this.context.set(chunk.subarray(SileroVad.chunkSamples - SileroVad.contextSamples));
    const output = await this.session.run({
      input: new this.ort.Tensor("float32", this.input, [1, this.input.length]),
      state: this.state,
      sr: this.sampleRate,
    });
    this.state = output.stateN as Tensor;
    return (output.output as Tensor).data[0] as number;
  }
}

/** pyannote segmentation-3.0 (sherpa-onnx export): `x` [1, 1, 160000] → `y` [1, 589, 7] powerset log-probabilities. */
export class PyannoteSegmentation {
  static readonly windowSamples = 160_000;
  static readonly frames = 589;
  /** Samples between frames, and the receptive field of one frame (the model's metadata). */
  static readonly frameShiftSamples = 270;
  static readonly receptiveFieldSamples = 991;

  private readonly ort: Runtime;
  private readonly session: InferenceSession;

  private constructor(ort: Runtime, session: InferenceSession) {
    this.ort = ort;
    this.session = session;
  }

  static async load(path: string): Promise<PyannoteSegmentation> {
    const { ort, session } = await openSession(path);
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
