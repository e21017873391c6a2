import type { AdapterPort } from "@confide/core/ports";

/**
 * A profile's default that depends on the deployment's configuration: `then` when the variable
 * `whenSet` is set (the adapter's own required variable: configuring it is choosing it), else
 * `otherwise`. Each profile's notes writer is its cloud's own LLM once configured.
 */
export interface ConditionalDefault {
  whenSet: `CONFIDE_${string}`;
  then: string;
  otherwise: string;
}

/** What a profile says for one port: an adapter name, or a choice by a variable. */
export type ProfileDefault = string | ConditionalDefault;

/** The adapter a profile default picks with these variables. */
export function profileDefault(value: ProfileDefault, present: Readonly<Record<string, string | undefined>>): string {
  if (typeof value === "string") return value;
  const set = present[value.whenSet];
  return set !== undefined && set !== "" ? value.then : value.otherwise;
}

/** Every adapter a profile default may pick. */
export function profileDefaultNames(value: ProfileDefault): string[] {
  return typeof value === "string" ? [value] : [value.then, value.otherwise];
}

/**
 * Which adapter each port uses when its variable (CONFIDE_REPOSITORY, …) is unset, per profile
 * (docs/architecture.md#profiles). A profile fills these defaults and nothing else; every name is one the adapter
 * registry holds for that port. Live sessions: azure streams to Azure Speech conversation
 * transcription; the aws profile serves none unless CONFIDE_LIVE picks one (`transcribe` streams
 * to Amazon Transcribe Streaming, `embedded` runs PocketSphinx in the API process). Diarizer: the
 * embedded and self-hosted engines return one speaker on mono recordings, so the embedded
 * diarizer separates them; Azure and AWS speech diarize themselves.
 */
export const profiles = {
  embedded: {
    repository: "pglite",
    storage: "filesystem",
    speech: "pocketsphinx",
    language: "vader",
    queue: "in-process",
    push: "log",
    events: "in-process",
    notes: "embedded",
    risk: "embedded",
    live: "embedded",
    agenda: "embedded",
    diarizer: "embedded",
  },
  selfhosted: {
    repository: "postgres",
    storage: "filesystem",
    speech: "whisper",
    language: "vader",
    queue: "bullmq",
    push: "fcm",
    events: "redis",
    notes: { whenSet: "CONFIDE_OPENAI_NOTES_URL", then: "openai", otherwise: "embedded" },
    risk: "embedded",
    live: "whisper",
    agenda: "embedded",
    diarizer: "embedded",
  },
  aws: {
    repository: "postgres",
    storage: "s3",
    speech: "transcribe",
    language: "comprehend",
    queue: "bullmq",
    push: "fcm",
    events: "redis",
    notes: { whenSet: "CONFIDE_BEDROCK_MODEL_ID", then: "bedrock", otherwise: "embedded" },
    risk: "embedded",
    live: "none",
    agenda: "embedded",
    diarizer: "none",
  },
  azure: {
    repository: "cosmos",
    storage: "azure-blob",
    speech: "azure-speech",
    language: "azure-text-analytics",
    queue: "bullmq",
    push: "fcm",
    events: "redis",
    notes: { whenSet: "CONFIDE_AZURE_OPENAI_ENDPOINT", then: "azure-openai", otherwise: "embedded" },
    risk: "embedded",
    live: "azure",
    agenda: "embedded",
    diarizer: "none",
  },
} as const satisfies Record<string, Record<AdapterPort, ProfileDefault>>;

export type ProfileName = keyof typeof profiles;
