/**
 * The stages the embedded diarizer runs when its models are installed: Silero VAD, pyannote
 * segmentation-3.0 with stitching, the classical voice features (MFCC and pitch Gaussians) as
 * the embedding of each linked speaker — the only embedder to be had offline here — and
 * agglomerative clustering under the segmentation's cannot-link constraints.
 */
import { blockLayout, VoiceFeatureExtractor } from "../voice-features.ts";
import { blocksOf } from "../voice-embedding.ts";
import { clusterOf, fit, merged, mergeCost, placeholderGaussian, type Cluster, type Gaussian } from "../speaker-clustering.ts";
import type { PyannoteSegmentation, SileroVad } from "./onnx-models.ts";
import type { LearnedDiarizationParameters } from "./pipeline-parameters.ts";
import { decodePowerset } from "./powerset.ts";
import { speechRegions } from "./speech-regions.ts";
import type { ClusteringStage, EmbeddingStage, Segmentation, SegmentationStage, VoiceActivityStage, VoiceSpace } from "./stages.ts";
import { chainsPerFrame, WindowStitcher } from "./stitching.ts";

const sampleRate = 16_000;

export function sileroVoiceActivity(model: SileroVad, parameters: LearnedDiarizationParameters["voiceActivity"]): VoiceActivityStage {
  return {
    open() {
      const vad = model.fresh();
      const chunk = new Float32Array(512);
      let filled = 0;
      const probabilities: number[] = [];
      return {
        async push(samples) {
          for (let i = 0; i < samples.length; ) {
            const take = Math.min(samples.length - i, chunk.length - filled);
            chunk.set(samples.subarray(i, i + take), filled);
            filled += take;
            i += take;
            if (filled === chunk.length) {
              probabilities.push(await vad.probability(chunk));
              filled = 0;
            }
          }
        },
        finish() {
          return speechRegions(probabilities, (512 * 1000) / sampleRate, parameters);
        },
      };
    },
  };
}

export function pyannoteSegmentation(model: typeof PyannoteSegmentation.prototype, parameters: LearnedDiarizationParameters["segmentation"]): SegmentationStage {
  const shift = 270;
  const windowSamples = 160_000;
  const stepSamples = parameters.stepFrames * shift;
  return {
    open() {
      const stitcher = new WindowStitcher(parameters);
      // Samples from the current window's start on.
      let buffer = new Float32Array(windowSamples * 2);
      let buffered = 0;
      let total = 0;
      const runWindow = async (isLast: boolean) => {
        const logits = await model.run(buffer.subarray(0, Math.min(buffered, windowSamples)));
        stitcher.push(decodePowerset(logits, parameters.windowFrames), isLast);
      };
      return {
        async push(samples) {
          total += samples.length;
          if (buffered + samples.length > buffer.length) {
            const grown = new Float32Array(Math.max(buffer.length * 2, buffered + samples.length));
            grown.set(buffer.subarray(0, buffered));
            buffer = grown;
          }
          buffer.set(samples, buffered);
          buffered += samples.length;
          // A window is run once the audio after it has begun, so the last one is known to be last.
          while (buffered > windowSamples + stepSamples) {
            await runWindow(false);
            buffer.copyWithin(0, stepSamples, buffered);
            buffered -= stepSamples;
          }
        },
        async finish(): Promise<Segmentation> {
          if (buffered > windowSamples) {
            await runWindow(false);
            buffer.copyWithin(0, stepSamples, buffered);
            buffered -= stepSamples;
          }
          if (total > 0) await runWindow(true);
          const frames = stitcher.result();
          const audioFrames = Math.min(frames.length, Math.ceil(total / shift));
          return {
            frames: {
              length: audioFrames,
              count: frames.count.subarray(0, audioFrames),
              chains: frames.chains.subarray(0, chainsPerFrame * audioFrames),
              votes: frames.votes.subarray(0, chainsPerFrame * audioFrames),
              confidence: frames.confidence.subarray(0, audioFrames),
            },
            chains: stitcher.chains,
            cannotLink: (a, b) => stitcher.cannotLink(a, b),
            // A frame's receptive field is 991 samples every 270: it stands for the 270 around its centre.
            frameStartMs: (i) => ((i * shift + (991 - shift) / 2) * 1000) / sampleRate,
            frameMs: (shift * 1000) / sampleRate,
          };
        },
      };
    },
  };
}

/** Voices as diagonal Gaussians of MFCCs and pitch; unlike = generalised likelihood ratio per frame. */
export function gaussianVoiceSpace(floor: () => Gaussian): VoiceSpace<Cluster> {
  return {
    pool: merged,
    distance: (a, b) => mergeCost(a, b, floor()) / (a.count + b.count),
  };
}

/** The classical voice features (`voice-features.ts`) as the embedding of linked speakers. */
export function gaussianEmbedding(): EmbeddingStage<Cluster> {
  let floor: Gaussian = placeholderGaussian();
  const space = gaussianVoiceSpace(() => floor);
  return {
    space,
    open() {
      const extractor = new VoiceFeatureExtractor();
      let floorFitted = false;
      return {
        push: (pcm: Uint8Array) => extractor.pushPcm(pcm),
        voiceOf(spans: ReadonlyArray<{ startMs: number; endMs: number }>) {
          const { blocks } = extractor;
          if (!floorFitted) {
            const all: number[] = [];
            for (let b = 0; b < blocks.length; b += 1) if (blocks.row(b)[blockLayout.count]! >= 3) all.push(b);
            floor = fit(blocks, all, placeholderGaussian());
            floorFitted = true;
          }
          const indices = spans.flatMap((span) => blocksOf(span.startMs, span.endMs)).filter((b) => b < blocks.length && blocks.row(b)[blockLayout.count]! >= 3);
          if (indices.length === 0) return null;
          return clusterOf(blocks, Int32Array.from(indices), 0, indices.length);
        },
      };
    },
  };
}

/**
 * Agglomerative clustering of linked speakers: the two groups whose voices are most alike and
 * that the segmentation never heard as two people in one window are merged, while they are alike
 * enough (`maxMergeCostPerFrame`) or more groups than `maxSpeakers` remain. Linked speakers with
 * little speech (`minSpeakerBlocks`) then join the nearest group they may join; one that the
 * segmentation heard apart from every group is another person while there is room under
 * `maxSpeakers` (else it joins the nearest group).
 */
export function agglomerativeClustering(parameters: LearnedDiarizationParameters["clustering"]): ClusteringStage {
  return {
    cluster(voices, weights, space, constraints) {
      const n = voices.length;
      const result: number[] = Array(n).fill(-1);
      const major = voices.map((voice, i) => voice !== null && weights[i]! >= parameters.minSpeakerBlocks);
      let seeds = major.map((isMajor, i) => (isMajor ? i : -1)).filter((i) => i >= 0);
      if (seeds.length === 0) seeds = voices.map((voice, i) => (voice === null ? -1 : i)).filter((i) => i >= 0);
      type Group = { members: number[]; voice: Parameters<typeof space.pool>[0] };
      let groups: Group[] = seeds.map((i) => ({ members: [i], voice: voices[i]! }));
      const conflict = (a: Group, b: Group) => a.members.some((x) => b.members.some((y) => constraints.cannotLink(x, y)));
      while (groups.length > 1) {
        let best: [number, number, number] | null = null;
        let bestAny: [number, number, number] | null = null;
        for (let a = 0; a < groups.length; a += 1) {
          for (let b = a + 1; b < groups.length; b += 1) {
            const d = space.distance(groups[a]!.voice, groups[b]!.voice);
            if (!bestAny || d < bestAny[2]) bestAny = [a, b, d];
            if (!conflict(groups[a]!, groups[b]!) && (!best || d < best[2])) best = [a, b, d];
          }
        }
        const tooMany = groups.length > constraints.maxSpeakers;
        const pick = best && (tooMany || (groups.length > constraints.minSpeakers && best[2] < parameters.maxMergeCostPerFrame)) ? best : tooMany ? bestAny : null;
        if (!pick) break;
        const [a, b] = pick;
        groups[a] = { members: groups[a]!.members.concat(groups[b]!.members), voice: space.pool(groups[a]!.voice, groups[b]!.voice) };
        groups = groups.filter((_, i) => i !== b);
      }
      groups.forEach((group, g) => group.members.forEach((i) => (result[i] = g)));
      for (let i = 0; i < n; i += 1) {
        if (result[i] !== -1 || voices[i] === null) continue;
        const nearest = (allowed: (g: number) => boolean) => {
          let best = -1;
          let bestDistance = Infinity;
          for (let g = 0; g < groups.length; g += 1) {
            if (!allowed(g)) continue;
            const d = space.distance(voices[i]!, groups[g]!.voice);
            if (d < bestDistance) {
              bestDistance = d;
              best = g;
            }
          }
          return best;
        };
        const joined = nearest((g) => !groups[g]!.members.some((m) => constraints.cannotLink(i, m)));
        if (joined >= 0) result[i] = joined;
        else if (groups.length < constraints.maxSpeakers) {
          // Heard apart from every person found so far: someone else.
          result[i] = groups.length;
          groups.push({ members: [i], voice: voices[i]! });
        } else result[i] = nearest(() => true);
      }
      return result;
    },
  };
}
