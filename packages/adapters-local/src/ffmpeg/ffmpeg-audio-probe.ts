/**
 * Times a recording with ffmpeg as it streams through, without decoding it: the bytes go to
 * ffmpeg's stdin, which demuxes the first audio stream and copies its packets to nowhere
 * (`-map 0:a:0 -c copy -f null -`), reporting on stdout how far it got (`-progress pipe:1`,
 * `out_time_us`). That works from a pipe for every container ffmpeg reads — the browser's
 * WebM/Opus (MediaRecorder writes no duration), OGG/Opus, MP3, M4A, WAV — where ffprobe on a
 * pipe answers "N/A" for WebM without a duration element. Nothing is held: ffmpeg reads as the
 * stream is written (back-pressure through its stdin).
 */
import { spawn } from "node:child_process";
import type { Writable } from "node:stream";
import { ConfideError, type AudioProbe } from "@confide/core/ports";
import { decodeFailedError, isSpawnFailure, lastLines } from "../local-programs/local-program-errors.ts";
import { defaultFfmpegPath } from "./ffmpeg-settings.ts";

const args = ["-hide_banner", "-nostdin", "-nostats", "-loglevel", "error", "-i", "pipe:0", "-map", "0:a:0", "-c", "copy", "-f", "null", "-progress", "pipe:1", "-"];

/** The last `out_time_us` of ffmpeg's progress lines, in ms; null when there is none. */
export function lastOutTimeMs(progress: string): number | null {
  const times = [...progress.matchAll(/^out_time_us=(\d+)$/gm)].map((match) => Number(match[1]));
  const last = times.at(-1);
  return last === undefined ? null : Math.round(last / 1000);
}

/**
 * ffmpeg's `AudioProbe` (`ffmpegPath`: default `ffmpeg` on PATH).
 * @throws from `durationMs`: ConfideError `upload.unreadable_audio` (no audio stream, bytes ffmpeg cannot
 * read), `dependency.unavailable` (ffmpeg cannot be started, or was ended), `upload.aborted` on the signal.
 */
export function createFfmpegAudioProbe(options: { ffmpegPath?: string } = {}): AudioProbe {
  const ffmpegPath = options.ffmpegPath ?? defaultFfmpegPath;
  return {
    async durationMs(audio, { signal } = {}) {
      // `-nostdin` only stops ffmpeg reading the terminal for keys: the input is still `pipe:0`.
      const child = spawn(ffmpegPath, args, { detached: true, stdio: ["pipe", "pipe", "pipe"] });
      const stdin = child.stdin as Writable;
      // A broken pipe when ffmpeg gives up on bad input: its exit status tells why.
      stdin.on("error", () => {});
      let progress = "";
      let stderrTail = "";
      child.stdout.setEncoding("utf8");
      child.stdout.on("data", (chunk: string) => {
        // Only the last lines matter; keep a bounded tail.
        progress = (progress + chunk).slice(-4096);
      });
      child.stderr.setEncoding("utf8");
      child.stderr.on("data", (chunk: string) => {
        stderrTail = (stderrTail + chunk).slice(-8 * 1024);
      });
      const exited = new Promise<{ exitCode: number | null; exitSignal: NodeJS.Signals | null; spawnError?: unknown }>((resolve) => {
        child.once("error", (error) => resolve({ exitCode: null, exitSignal: null, spawnError: error }));
        child.once("close", (exitCode, exitSignal) => resolve({ exitCode, exitSignal }));
      });
      const kill = () => child.kill("SIGKILL");
      signal?.addEventListener("abort", kill, { once: true });
      try {
        const reader = audio.getReader();
        try {
          for (;;) {
            signal?.throwIfAborted();
            const { done, value } = await reader.read();
            if (done || stdin.destroyed) break;
            if (!stdin.write(value)) {
              await new Promise<void>((resolve) => {
                stdin.once("drain", resolve);
                stdin.once("close", resolve);
              });
            }
          }
        } finally {
          await reader.cancel().catch(() => undefined);
          stdin.end();
        }
        const result = await exited;
        signal?.throwIfAborted();
        if (result.spawnError !== undefined) {
          const reason = isSpawnFailure(result.spawnError) ? "was not found or cannot be run" : "could not be started";
          throw new ConfideError("dependency.unavailable", `ffmpeg ${reason} at "${ffmpegPath}", so the recording's length cannot be measured: install the Debian package ffmpeg or set its path.`, {
            retryable: true,
            cause: result.spawnError,
            details: { program: "ffmpeg", path: ffmpegPath },
          });
        }
        if (result.exitCode !== 0) {
          const failure = decodeFailedError({ exitCode: result.exitCode, exitSignal: result.exitSignal, stderrTail });
          if (failure.code !== "provider.rejected") {
            throw new ConfideError("dependency.unavailable", failure.message, { retryable: true, cause: failure, details: failure.details });
          }
          throw new ConfideError("upload.unreadable_audio", "The recording cannot be played: no audio could be read from it.", {
            retryable: false,
            details: { program: "ffmpeg", stderr: lastLines(stderrTail, null, 2) },
          });
        }
        const durationMs = lastOutTimeMs(progress);
        if (durationMs === null) {
          throw new ConfideError("upload.unreadable_audio", "The recording cannot be played: it holds no audio.", { retryable: false, details: { program: "ffmpeg" } });
        }
        return durationMs;
      } catch (error) {
        kill();
        if (signal?.aborted) throw new ConfideError("upload.aborted", "The upload was interrupted while its length was measured.", { cause: error });
        throw error;
      } finally {
        signal?.removeEventListener("abort", kill);
      }
    },
  };
}
