/** Messages between bench/event-streams.ts and its processes (bench/event-streams-process.ts), over fork()'s IPC channel. */

/** What a process does: serve the API (and, embedded, also write), or only write (self-hosted). */
export type ProcessRole = "api" | "writer";

/** Repository methods called so far in the API process, by "<repository>.<method>". */
export type CallCounts = Record<string, number>;

export interface Sample {
  /** process.cpuUsage() of the process: user and system microseconds since it started. */
  cpuUserMicros: number;
  cpuSystemMicros: number;
  calls: CallCounts;
  rssBytes: number;
}

export interface SeededTherapist {
  email: string;
  password: string;
  sessionIds: string[];
}

export type Command =
  | { command: "seed"; therapists: number; sessionsPerTherapist: number; password: string }
  | { command: "sample" }
  /** Status writes through the repository, `perSecond` for `durationMs`, round robin over `sessionIds`. */
  | { command: "change"; sessionIds: string[]; perSecond: number; durationMs: number };

export type Reply =
  | { reply: "ready"; port: number | null }
  | { reply: "seeded"; therapists: SeededTherapist[] }
  | { reply: "sample"; sample: Sample }
  | { reply: "changed"; writes: number; failures: number; elapsedMs: number }
  | { reply: "failed"; message: string };
