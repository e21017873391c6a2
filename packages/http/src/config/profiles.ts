/** Which adapter each port uses by default, per profile (DESIGN §5). */
export const profiles = {
  embedded: {
    repository: "pglite",
    storage: "filesystem",
    speech: "pocketsphinx",
    language: "vader",
    queue: "in-process",
    push: "log",
  },
  selfhosted: {
    repository: "postgres",
    storage: "filesystem",
    speech: "whisper",
    language: "vader",
    queue: "bullmq",
    push: "fcm",
  },
} as const;

export type ProfileName = keyof typeof profiles;

export const adapterChoices = {
  repository: ["pglite", "postgres"],
  storage: ["filesystem"],
  speech: ["pocketsphinx", "whisper"],
  language: ["vader"],
  queue: ["in-process", "bullmq"],
  push: ["log", "fcm"],
} as const;

export type PortName = keyof typeof adapterChoices;
