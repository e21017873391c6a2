/**
 * Bytes written into a named pipe (FIFO) that a program reads as its input file, for programs
 * that cannot read the socket Node gives a child as stdin (PocketSphinx 0.8 fopens its input).
 *
 * Opening a FIFO for writing blocks until its reader opens it, and a blocked open would hold a
 * thread of libuv's pool for as long as the program fails to start; so it is opened without
 * blocking (O_NONBLOCK fails with ENXIO while no reader has it open) and retried while the
 * reader runs. What is written before is kept in memory, then written in order.
 */
import { constants, open } from "node:fs";
import { promisify } from "node:util";
import { Socket } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { runChildProcess } from "./child-process.ts";
import { ownerOnlyFileMode } from "../files/owner-only-modes.ts";

export interface FifoFeed {
  /** Queues `bytes`; written once the FIFO is open. Ignored once ended or destroyed. */
  write(bytes: Uint8Array): void;
  /** No more bytes: the FIFO is closed once what is queued is written, and its reader sees the end. */
  end(): void;
  /**
   * Opens the FIFO at `path` once its reader has, trying again every few milliseconds while
   * `readerRuns()`, and writes what is queued. Resolves when open or given up (the reader
   * stopped, or the feed was destroyed); never throws: a reader that is gone tells by its exit.
   */
  connect(path: string, readerRuns: () => boolean): Promise<void>;
  /** Drops what is queued and closes the FIFO. */
  destroy(): void;
}

const retryMs = 10;
/** A bare descriptor (no FileHandle, which would close it again when collected): the socket owns it. */
const openDescriptor = promisify(open);

/** Makes a FIFO at `path` readable and writable by its owner only. @throws when `mkfifo` fails. */
export async function makeFifo(path: string, signal?: AbortSignal): Promise<void> {
  const result = await runChildProcess("mkfifo", ["-m", ownerOnlyFileMode.toString(8), path], signal ? { signal } : {});
  if (result.exitCode !== 0) throw new Error(`mkfifo ${path} failed (exit ${result.exitCode ?? result.exitSignal}): ${result.stderrTail.trim()}`);
}

export function createFifoFeed(): FifoFeed {
  let queued: Uint8Array[] = [];
  let ended = false;
  let destroyed = false;
  let socket: Socket | null = null;

  return {
    write(bytes) {
      if (ended || destroyed) return;
      if (socket) socket.write(bytes);
      else queued.push(bytes);
    },

    end() {
      if (ended) return;
      ended = true;
      socket?.end();
    },

    async connect(path, readerRuns) {
      for (;;) {
        if (destroyed || !readerRuns()) return;
        try {
          const fd = await openDescriptor(path, constants.O_WRONLY | constants.O_NONBLOCK);
          socket = new Socket({ fd, readable: false, writable: true });
          // A reader that stops early breaks the pipe: its exit status tells why.
          socket.on("error", () => undefined);
          break;
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== "ENXIO") return;
          await sleep(retryMs);
        }
      }
      if (destroyed) {
        socket.destroy();
        return;
      }
      for (const bytes of queued) socket.write(bytes);
      queued = [];
      if (ended) socket.end();
    },

    destroy() {
      destroyed = true;
      queued = [];
      socket?.destroy();
    },
  };
}
