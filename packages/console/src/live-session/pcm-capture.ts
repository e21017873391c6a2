import workletUrl from "./pcm-capture-worklet.ts?worker&url";
import { pcmSampleRate } from "./pcm-encoder.ts";

/** The microphone as 16 kHz s16le frames (about 100 ms each) from the capture worklet. */
export interface PcmCapture {
  /** Posts the last, shorter frame, then resolves; the capture is closed after. */
  finish(): Promise<void>;
  /** Closes at once (what was not posted is lost). */
  close(): void;
}

/**
 * Starts capturing `stream` (`channels` 1 or 2, interleaved) into `onFrame`. The AudioContext runs
 * at 16 kHz when the browser allows it (Chromium resamples the microphone into it); otherwise the
 * worklet resamples from the context's rate.
 */
export async function capturePcm(stream: MediaStream, channels: 1 | 2, onFrame: (frame: ArrayBuffer) => void): Promise<PcmCapture> {
  let context: AudioContext;
  try {
    context = new AudioContext({ sampleRate: pcmSampleRate });
  } catch {
    context = new AudioContext();
  }
  try {
    await context.audioWorklet.addModule(workletUrl);
    const source = context.createMediaStreamSource(stream);
    const node = new AudioWorkletNode(context, "confide-pcm-capture", {
      numberOfInputs: 1,
      numberOfOutputs: 0,
      channelCount: channels,
      channelCountMode: "explicit",
      // Stereo keeps left and right apart (one speaker each); mono mixes down.
      channelInterpretation: channels === 2 ? "discrete" : "speakers",
      processorOptions: { channels },
    });
    let flushed: (() => void) | null = null;
    node.port.onmessage = (event: MessageEvent) => {
      if (event.data instanceof ArrayBuffer) onFrame(event.data);
      else if ((event.data as { flushed?: boolean }).flushed) flushed?.();
    };
    source.connect(node);
    if (context.state === "suspended") await context.resume();
    const close = () => {
      source.disconnect();
      node.port.onmessage = null;
      void context.close();
    };
    return {
      finish: () =>
        new Promise<void>((resolve) => {
          flushed = () => {
            close();
            resolve();
          };
          node.port.postMessage({ type: "flush" });
        }),
      close,
    };
  } catch (error) {
    void context.close();
    throw error;
  }
}
