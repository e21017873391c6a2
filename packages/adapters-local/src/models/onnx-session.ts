/**
 * Opening a learned model in onnxruntime-node, on the CPU with one thread (the machine's other
 * cores belong to other work). onnxruntime is imported only when a model is first opened, so a
 * host that never loads a model never loads it.
 */
import type { InferenceSession } from "onnxruntime-node";

export type OnnxRuntime = typeof import("onnxruntime-node");

let runtime: Promise<OnnxRuntime> | undefined;
const loadRuntime = () => (runtime ??= import("onnxruntime-node"));

/** The runtime and an inference session on the model file at `path`. */
export async function openOnnxSession(path: string): Promise<{ ort: OnnxRuntime; session: InferenceSession }> {
  const ort = await loadRuntime();
  const session = await ort.InferenceSession.create(path, {
    intraOpNumThreads: 1,
    interOpNumThreads: 1,
    executionMode: "sequential",
    graphOptimizationLevel: "all",
  });
  return { ort, session };
}
