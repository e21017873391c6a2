/**
 * The learned models Confide may install (`confide models install`): where each comes from
 * upstream, its exact size and sha256, its licence, and which adapters use it. Data only. The
 * files are never committed to the repository; a mirror (`CONFIDE_MODELS_SOURCE`) holds them at
 * the same relative `file` paths, as does the models folder (`CONFIDE_MODELS_DIR`).
 */
export interface ModelEntry {
  /** Stable name, used in messages and by the code that loads it. */
  name: ModelName;
  description: string;
  /** Path inside the models folder and inside a mirror. */
  file: string;
  /** The upstream file, pinned (a commit, or a release whose bytes the sha256 fixes). */
  url: string;
  bytes: number;
  sha256: string;
  licence: string;
  /** `<port>:<adapter>` choices that use it; `confide models install` fetches what the configured ones use. */
  usedBy: readonly string[];
}

export type ModelName = "silero-vad" | "pyannote-segmentation-3.0";

export const modelManifest: readonly ModelEntry[] = [
  {
    name: "silero-vad",
    description: "Silero VAD v6.2: speech or not, every 32 ms",
    file: "silero-vad/silero_vad.onnx",
    url: "https://github.com/snakers4/silero-vad/raw/bfdc0193023f121ea5b3cc7b176dbed570a68a59/src/silero_vad/data/silero_vad.onnx",
    bytes: 2_327_524,
    sha256: "1a153a22f4509e292a94e67d6f9b85e8deb25b4988682b7e174c65279d8788e3",
    licence: "MIT (Copyright (c) 2020-present Silero Team)",
    usedBy: ["diarizer:embedded", "live:embedded"],
  },
  {
    name: "pyannote-segmentation-3.0",
    description:
      "pyannote segmentation-3.0, int8 ONNX export by sherpa-onnx (release speaker-segmentation-models): up to 3 local speakers and their overlaps per 17 ms frame of a 10 s window",
    file: "sherpa-onnx-pyannote-segmentation-3-0/model.int8.onnx",
    url: "https://huggingface.co/csukuangfj/sherpa-onnx-pyannote-segmentation-3-0/resolve/main/model.int8.onnx",
    bytes: 1_540_506,
    sha256: "d582f4b4c6b48205de7e0643c57df0df5615a3c176189be3fc461e9d18827b5d",
    licence: "MIT (Copyright (c) 2023 CNRS, pyannote)",
    usedBy: ["diarizer:embedded"],
  },
];
