import type { AdapterPort } from "@confide/core";

/**
 * Which adapter each port uses when its variable (CONFIDE_REPOSITORY, …) is unset, per profile
 * (DESIGN §5). A profile fills these defaults and nothing else; every name is one the adapter
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
    notes: "embedded",
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
    notes: "embedded",
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
    notes: "embedded",
    risk: "embedded",
    live: "azure",
    agenda: "embedded",
    diarizer: "none",
  },
} as const satisfies Record<string, Record<AdapterPort, string>>;

export type ProfileName = keyof typeof profiles;
