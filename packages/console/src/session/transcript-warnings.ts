/** What the therapist reads first for a feature the speech engine did not honour. */
const titles: Record<string, string> = {
  diarization: "Speakers not separated",
  punctuation: "No punctuation",
  profanity: "Profanity not filtered",
  language: "Language not identified",
  languageIdentification: "Language not identified",
  wordTimestamps: "No word timings",
};

export interface WarningLike {
  /** `unsupported`: not done; `other`: done, differently or less surely than asked. */
  type?: string;
  feature?: string;
  message: string;
}

/** A warning as a short title and the engine's sentence. */
export function describeWarning(warning: WarningLike): { title: string; message: string } {
  // Speakers separated, but some of them or their count to check (the diarizer's warnings).
  if (warning.feature === "diarization" && warning.type === "other") return { title: "Speakers to check", message: warning.message };
  const title = warning.feature === undefined ? "Transcription" : (titles[warning.feature] ?? `Not honoured: ${warning.feature}`);
  return { title, message: warning.message };
}
