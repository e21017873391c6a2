/**
 * Silero VAD v6.2 (`silero-vad` of the models manifest) at 16 kHz: the probability that each
 * 512-sample (32 ms) frame is speech, given the frames before it. The model is recurrent: its
 * `state` [2, 1, 128] and the last 64 samples of the previous frame (`input` is [1, 64 + 512])
 * carry over from one frame to the next, so one stream is one `SileroVad` fed its frames in order.
 * `fresh()` starts another stream on the same loaded model.
 */
import type { InferenceSession, Tensor } from "onnxruntime-node";
import { openOnnxSession, type OnnxRuntime } from "../models/onnx-session.ts";

export class SileroVad {
  static readonly sampleRateHz = 16_000;
  static readonly chunkSamples = 512;
  static readonly contextSamples = 64;
  /** Milliseconds of audio per probability. */
  static readonly frameMs = (SileroVad.chunkSamples * 1000) / SileroVad.sampleRateHz;

  private state: Tensor;
  private readonly context = new Float32Array(SileroVad.contextSamples);
  private readonly input = new Float32Array(SileroVad.contextSamples + SileroVad.chunkSamples);
  private readonly sampleRate: Tensor;
  private readonly ort: OnnxRuntime;
  private readonly session: InferenceSession;

  private constructor(ort: OnnxRuntime, session: InferenceSession) {
    this.ort = ort;
    this.session = session;
    this.state = new ort.Tensor("float32", new Float32Array(2 * 128), [2, 1, 128]);
    this.sampleRate = new ort.Tensor("int64", BigInt64Array.from([16000n]), []);
  }

  /** Loads the model file at `path`. @throws the runtime's error for a file that is not the model. */
  static async load(path: string): Promise<SileroVad> {
    const { ort, session } = await openOnnxSession(path);
    return new SileroVad(ort, session);
  }

  /** A fresh stream (state and context cleared), sharing the loaded model. */
  fresh(): SileroVad {
    return new SileroVad(this.ort, this.session);
  }

  /** The probability that `chunk` (512 samples in [-1, 1]) is speech, given the chunks before it. */
  async probability(chunk: Float32Array): Promise<number> {
    if (chunk.length !== SileroVad.chunkSamples) throw new RangeError(`Silero VAD takes ${SileroVad.chunkSamples} samples at a time (got ${chunk.length}).`);
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

/**
 * One stream of 16-bit PCM through a `SileroVad`: any number of samples in, the probability of
 * every whole frame they complete out (a partial frame waits for the next samples).
 */
export class SileroVadStream {
  private readonly vad: SileroVad;
  private readonly chunk = new Float32Array(SileroVad.chunkSamples);
  private filled = 0;

  constructor(model: SileroVad) {
    this.vad = model.fresh();
  }

  /** @returns one probability per frame completed by `samples`, in order. */
  async push(samples: Int16Array): Promise<number[]> {
    const probabilities: number[] = [];
    for (const sample of samples) {
      this.chunk[this.filled] = sample / 32768;
      this.filled += 1;
      if (this.filled === SileroVad.chunkSamples) {
        probabilities.push(await this.vad.probability(this.chunk));
        this.filled = 0;
      }
    }
    return probabilities;
  }
}
