/**
 * The capture worklet (an AudioWorkletProcessor, loaded with `audioWorklet.addModule` from its own
 * same-origin file: Vite bundles it through `?worker&url`): the microphone's float32 blocks to
 * 16 kHz s16le frames of 100 ms, posted (transferred) to the main thread. A `flush` message posts
 * what remains, then `{ flushed: true }`.
 */
import { PcmEncoder } from "./pcm-encoder.ts";

// The AudioWorkletGlobalScope is not in TypeScript's DOM library: what this file uses of it.
declare const sampleRate: number;
declare class AudioWorkletProcessor {
  readonly port: MessagePort;
}
declare function registerProcessor(name: string, processor: new (options: { processorOptions: { channels: 1 | 2 } }) => AudioWorkletProcessor): void;

/** The processor's name for `new AudioWorkletNode(context, name)`. */
const processorName = "confide-pcm-capture";
const frameMs = 100;

class PcmCaptureProcessor extends AudioWorkletProcessor {
  readonly #encoder: PcmEncoder;
  #flushed = false;

  constructor(options: { processorOptions: { channels: 1 | 2 } }) {
    super();
    this.#encoder = new PcmEncoder({ inputRate: sampleRate, channels: options.processorOptions.channels, frameMs });
    this.port.onmessage = (event: MessageEvent) => {
      if ((event.data as { type?: string }).type !== "flush") return;
      this.#flushed = true;
      const rest = this.#encoder.flush();
      if (rest) this.port.postMessage(rest, [rest]);
      this.port.postMessage({ flushed: true });
    };
  }

  process(inputs: Float32Array[][]): boolean {
    if (this.#flushed) return false;
    const input = inputs[0];
    if (input && input.length > 0) {
      for (const frame of this.#encoder.push(input)) this.port.postMessage(frame, [frame]);
    }
    return true;
  }
}

registerProcessor(processorName, PcmCaptureProcessor);
