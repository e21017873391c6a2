/**
 * Per-frame acoustic features of 16 kHz mono PCM, computed while the audio streams in and kept
 * only as sufficient statistics per 100 ms block — never the samples, never the frames — so a
 * three-hour recording costs a few megabytes:
 * - log energy, for voice activity (an adaptive noise floor, see `VoiceActivity`);
 * - MFCCs c1…c19 (Hamming window, pre-emphasis 0.97, 40 mel bands 60–7,600 Hz, DCT-II), the
 *   classical speaker-characterising spectral envelope;
 * - pitch (log F0) from the normalised autocorrelation, computed through the FFT, on frames
 *   whose periodicity is clear — the feature that separates most voice pairs best.
 * The FFT is `fft.js` (radix-4); the mel filterbank and the DCT are a few lines over it.
 */
import FFT from "fft.js";

export const sampleRateHz = 16_000;
const frameSamples = 400; // 25 ms
export const hopSamples = 160; // 10 ms
const fftSize = 1024;
const melBands = 40;
/** MFCCs c1…c19 (c0, the loudness, says nothing about who speaks). */
export const cepstra = 19;
export const framesPerBlock = 10; // 100 ms
export const blockMs = (framesPerBlock * hopSamples * 1000) / sampleRateHz;
const minPitchLag = Math.floor(sampleRateHz / 450);
const maxPitchLag = Math.ceil(sampleRateHz / 70);
const voicedCorrelation = 0.5;

/**
 * Layout of one block's statistics in a Float64 row:
 * [speechFrames, Σc (19), Σc² (19), pitchFrames, Σlog F0, Σ(log F0)², frames, Σ energy dB]
 */
export const blockLayout = {
  count: 0,
  sum: 1,
  sumSquares: 1 + cepstra,
  pitchCount: 1 + 2 * cepstra,
  pitchSum: 2 + 2 * cepstra,
  pitchSumSquares: 3 + 2 * cepstra,
  width: 4 + 2 * cepstra,
} as const;

/** Blocks of statistics in growing pages of Float64 rows (no single huge reallocation). */
export class BlockStatistics {
  private readonly pages: Float64Array[] = [];
  private readonly pageBlocks = 4096;
  length = 0;

  /** A fresh zeroed row for the next block. */
  append(): Float64Array {
    const page = Math.floor(this.length / this.pageBlocks);
    if (page === this.pages.length) this.pages.push(new Float64Array(this.pageBlocks * blockLayout.width));
    const offset = (this.length % this.pageBlocks) * blockLayout.width;
    this.length += 1;
    return this.pages[page]!.subarray(offset, offset + blockLayout.width);
  }

  row(index: number): Float64Array {
    const page = this.pages[Math.floor(index / this.pageBlocks)]!;
    const offset = (index % this.pageBlocks) * blockLayout.width;
    return page.subarray(offset, offset + blockLayout.width);
  }
}

/**
 * Speech or not, per frame, from the frame's energy against a noise floor that follows the
 * quietest recent frames (rising slowly, falling at once) and against the loudest speech seen:
 * a frame is speech when it stands 12 dB over the floor and within 45 dB of the peak, and over
 * an absolute floor of -60 dBFS (digital silence between TTS turns, a muted microphone).
 */
class VoiceActivity {
  private floorDb = -60;
  private peakDb = -60;

  isSpeech(energyDb: number): boolean {
    this.floorDb = energyDb < this.floorDb ? energyDb : this.floorDb + 0.01;
    if (this.floorDb < -90) this.floorDb = -90;
    this.peakDb = energyDb > this.peakDb ? energyDb : this.peakDb - 0.001;
    return energyDb > -60 && energyDb > this.floorDb + 12 && energyDb > this.peakDb - 45;
  }
}

function melFilterbank(): Array<{ start: number; weights: Float64Array }> {
  const toMel = (hz: number) => 2595 * Math.log10(1 + hz / 700);
  const toHz = (mel: number) => 700 * (10 ** (mel / 2595) - 1);
  const low = toMel(60);
  const high = toMel(7600);
  const edges = Array.from({ length: melBands + 2 }, (_, i) => toHz(low + ((high - low) * i) / (melBands + 1)));
  const binHz = sampleRateHz / fftSize;
  return Array.from({ length: melBands }, (_, band) => {
    const [left, centre, right] = [edges[band]!, edges[band + 1]!, edges[band + 2]!];
    const start = Math.floor(left / binHz);
    const end = Math.ceil(right / binHz);
    const weights = new Float64Array(end - start + 1);
    for (let bin = start; bin <= end; bin += 1) {
      const hz = bin * binHz;
      const weight = hz <= centre ? (hz - left) / (centre - left) : (right - hz) / (right - centre);
      weights[bin - start] = Math.max(0, weight);
    }
    return { start, weights };
  });
}

/** Feeds PCM in any chunking; collects one statistics row per 100 ms. */
export class VoiceFeatureExtractor {
  readonly blocks = new BlockStatistics();
  private readonly fft = new FFT(fftSize);
  private readonly filters = melFilterbank();
  private readonly dct: Float64Array[];
  private readonly hamming = Float64Array.from({ length: frameSamples }, (_, i) => 0.54 - 0.46 * Math.cos((2 * Math.PI * i) / (frameSamples - 1)));
  /** The last `frameSamples` samples seen, as a ring. */
  private readonly ring = new Float64Array(frameSamples);
  private ringFilled = 0;
  private ringStart = 0;
  private sinceHop = 0;
  private framesInBlock = 0;
  private current: Float64Array | null = null;
  private readonly voice = new VoiceActivity();
  private leftover: number | null = null;
  // Work buffers, reused for every frame.
  private readonly frame = new Float64Array(frameSamples);
  private readonly fftInput = new Float64Array(fftSize);
  private readonly spectrum: number[];
  private readonly correlation: number[];
  private readonly complexInput: number[];
  private readonly melEnergies = new Float64Array(melBands);
  /** Samples seen. */
  samples = 0;

  constructor() {
    this.dct = Array.from({ length: cepstra }, (_, k) =>
      Float64Array.from({ length: melBands }, (_, n) => Math.cos((Math.PI * (k + 1) * (n + 0.5)) / melBands)),
    );
    this.spectrum = this.fft.createComplexArray() as number[];
    this.correlation = this.fft.createComplexArray() as number[];
    this.complexInput = this.fft.createComplexArray() as number[];
  }

  /** Signed 16-bit little-endian mono PCM bytes, in any chunking (an odd byte is kept for the next call). */
  pushPcm(bytes: Uint8Array): void {
    let offset = 0;
    if (this.leftover !== null && bytes.length > 0) {
      this.pushSample(((bytes[0]! << 8) | this.leftover) << 16 >> 16);
      this.leftover = null;
      offset = 1;
    }
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (; offset + 1 < bytes.length; offset += 2) this.pushSample(view.getInt16(offset, true));
    if (offset < bytes.length) this.leftover = bytes[offset]!;
  }

  /** Samples in [-32768, 32767]. */
  pushSamples(samples: ArrayLike<number>): void {
    for (let i = 0; i < samples.length; i += 1) this.pushSample(samples[i]!);
  }

  private pushSample(sample: number): void {
    this.samples += 1;
    this.ring[(this.ringStart + this.ringFilled) % frameSamples] = sample / 32768;
    if (this.ringFilled < frameSamples) this.ringFilled += 1;
    else this.ringStart = (this.ringStart + 1) % frameSamples;
    this.sinceHop += 1;
    if (this.ringFilled === frameSamples && this.sinceHop >= hopSamples) {
      this.sinceHop = 0;
      this.analyseFrame();
    }
  }

  private analyseFrame(): void {
    const { frame, ring } = this;
    let energy = 0;
    let mean = 0;
    for (let i = 0; i < frameSamples; i += 1) {
      frame[i] = ring[(this.ringStart + i) % frameSamples]!;
      mean += frame[i]!;
    }
    mean /= frameSamples;
    for (let i = 0; i < frameSamples; i += 1) {
      frame[i]! -= mean;
      energy += frame[i]! * frame[i]!;
    }
    const energyDb = 10 * Math.log10(energy / frameSamples + 1e-12);
    if (this.current === null || this.framesInBlock === framesPerBlock) {
      this.current = this.blocks.append();
      this.framesInBlock = 0;
    }
    this.framesInBlock += 1;
    const row = this.current;
    if (!this.voice.isSpeech(energyDb)) return;

    // MFCC: pre-emphasis, Hamming, |FFT|², mel bands, log, DCT.
    const input = this.fftInput;
    input.fill(0);
    input[0] = frame[0]! * this.hamming[0]!;
    for (let i = 1; i < frameSamples; i += 1) input[i] = (frame[i]! - 0.97 * frame[i - 1]!) * this.hamming[i]!;
    this.fft.realTransform(this.spectrum, input);
    for (let band = 0; band < melBands; band += 1) {
      const { start, weights } = this.filters[band]!;
      let sum = 0;
      for (let j = 0; j < weights.length; j += 1) {
        const bin = start + j;
        const re = this.spectrum[2 * bin]!;
        const im = this.spectrum[2 * bin + 1]!;
        sum += weights[j]! * (re * re + im * im);
      }
      this.melEnergies[band] = Math.log(sum + 1e-10);
    }
    row[blockLayout.count]! += 1;
    for (let k = 0; k < cepstra; k += 1) {
      const basis = this.dct[k]!;
      let c = 0;
      for (let n = 0; n < melBands; n += 1) c += basis[n]! * this.melEnergies[n]!;
      row[blockLayout.sum + k]! += c;
      row[blockLayout.sumSquares + k]! += c * c;
    }

    // Pitch: autocorrelation = IFFT(|FFT(frame)|²), normalised for the shrinking overlap.
    input.fill(0);
    input.set(frame);
    this.fft.realTransform(this.spectrum, input);
    this.fft.completeSpectrum(this.spectrum);
    const power = this.complexInput;
    for (let bin = 0; bin < fftSize; bin += 1) {
      const re = this.spectrum[2 * bin]!;
      const im = this.spectrum[2 * bin + 1]!;
      power[2 * bin] = re * re + im * im;
      power[2 * bin + 1] = 0;
    }
    this.fft.inverseTransform(this.correlation, power);
    const zeroLag = this.correlation[0]!;
    if (zeroLag <= 0) return;
    let bestLag = 0;
    let best = voicedCorrelation;
    for (let lag = minPitchLag; lag <= maxPitchLag; lag += 1) {
      const value = (this.correlation[2 * lag]! / zeroLag) * (frameSamples / (frameSamples - lag));
      if (value > best) {
        best = value;
        bestLag = lag;
      }
    }
    if (bestLag === 0) return;
    const logF0 = Math.log(sampleRateHz / bestLag);
    row[blockLayout.pitchCount]! += 1;
    row[blockLayout.pitchSum]! += logF0;
    row[blockLayout.pitchSumSquares]! += logF0 * logF0;
  }

  /** Audio seen so far, in milliseconds. */
  get durationMs(): number {
    return (this.samples * 1000) / sampleRateHz;
  }
}
