import type { AgendaMatcher } from "./agenda-matcher.ts";
import type { BlobStore } from "./blob-store.ts";
import type { Diarizer } from "./diarizer.ts";
import type { JobQueue } from "./job-queue.ts";
import type { LanguageAnalyzer } from "./language-analyzer.ts";
import type { LiveSpeechToText } from "./live-speech-to-text.ts";
import type { NoteWriter } from "./note-writer.ts";
import type { PushNotifier } from "./push-notifier.ts";
import type { Repositories } from "./repositories.ts";
import type { RiskScreen } from "./risk-screen.ts";
import type { SessionEvents } from "./session-events.ts";
import type { SpeechToText } from "./speech-to-text.ts";

/**
 * A port a host picks one adapter for: the variable that chooses it and what it holds (both
 * shown in the configuration table of docs/configuration.md). `Port` is its TypeScript type; the entry carries
 * it for the types below and holds no value of it.
 */
export interface AdapterPortEntry<Port, Variable extends `CONFIDE_${string}` = `CONFIDE_${string}`> {
  /** The environment variable naming the adapter (`CONFIDE_STORAGE=s3`). */
  readonly variable: Variable;
  /** What the port holds or does, in a few words. */
  readonly holds: string;
  /** Never set: the port's type, for `AdapterPortTypes`. */
  readonly type?: Port;
}

const port = <Port>() =>
  <const Variable extends `CONFIDE_${string}`>(variable: Variable, holds: string): AdapterPortEntry<Port, Variable> => ({ variable, holds });

/**
 * The ports a host picks one adapter for — written here only. Their types
 * (`AdapterPortTypes`), the hosts' registry, configuration choices, profiles, readiness,
 * closing and container bindings are all derived from this list, in this order (the order a
 * host creates the adapters and reports their configuration problems).
 */
export const adapterPortList = {
  /** The persistence ports together, over one store, with what the host needs to run it. */
  repository: port<Repositories>()("CONFIDE_REPOSITORY", "sessions, accounts, devices and audit"),
  /** Recordings. */
  storage: port<BlobStore>()("CONFIDE_STORAGE", "recordings"),
  /** Speech to text of uploaded recordings. */
  speech: port<SpeechToText>()("CONFIDE_SPEECH", "speech to text"),
  /** Sentiment of the patient's words. */
  language: port<LanguageAnalyzer>()("CONFIDE_LANGUAGE", "sentiment engine"),
  /** Durable processing jobs. */
  queue: port<JobQueue>()("CONFIDE_QUEUE", "job queue"),
  /** Notifications to therapists' phones. */
  push: port<PushNotifier>()("CONFIDE_PUSH", "push notifications"),
  /** Where session changes go, for the event streams of every API process. */
  events: port<SessionEvents>()(
    "CONFIDE_EVENTS",
    "session changes the event streams follow: `redis` whenever API and workers run as separate processes (with `in-process` they see the workers' changes only at the 30 s safety poll)",
  ),
  /** Clinical notes from the transcript. */
  notes: port<NoteWriter>()("CONFIDE_NOTES", "clinical notes writer"),
  /** The risk screen run on every transcript. */
  risk: port<RiskScreen>()("CONFIDE_RISK_SCREEN", "the risk screen run on every transcript, whatever the notes writer"),
  /** Live sessions' speech recognition. */
  live: port<LiveSpeechToText>()("CONFIDE_LIVE", "live sessions' speech engine (`/v1/live`); `none` refuses live sessions"),
  /** Today's topics of live sessions: which agenda item a segment covers. */
  agenda: port<AgendaMatcher>()("CONFIDE_AGENDA", "live sessions' today's topics matcher"),
  /** Speakers told apart on mono recordings when the speech engine returns one for everyone. */
  diarizer: port<Diarizer>()("CONFIDE_DIARIZER", "speakers told apart on mono recordings when the speech engine returns one for everyone"),
} as const;

type PortList = typeof adapterPortList;

/** What an adapter of each port provides, by the port's name in configuration. */
export type AdapterPortTypes = { -readonly [P in keyof PortList]: NonNullable<PortList[P]["type"]> };

/** The ports a host picks one adapter for. */
export type AdapterPort = keyof PortList;

/** The variable choosing each port's adapter (`CONFIDE_REPOSITORY`, …). */
export type AdapterPortVariable<P extends AdapterPort = AdapterPort> = PortList[P]["variable"];

/** Every port, in the list's order. */
export const adapterPorts: readonly AdapterPort[] = Object.freeze(Object.keys(adapterPortList) as AdapterPort[]);

/**
 * The injection token of a port's adapter, for hosts that compose with a DI container. A
 * registered symbol, so two copies of core in one process agree on it.
 */
export function adapterPortToken(port: AdapterPort): symbol {
  return Symbol.for(`confide.port.${port}`);
}
