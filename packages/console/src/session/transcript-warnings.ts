/**
 * What the therapist reads for a feature the transcription did not honour: a short title and a
 * sentence in plain words. The engine's own sentence (it may name the engine, a setting or a
 * channel label) is the `detail`, shown behind "Details".
 */
const plain: Record<string, { title: string; message: string }> = {
  diarization: {
    title: "Speakers not separated",
    message: "The voices were not told apart: the whole transcript is given to one speaker. Recording each person on their own channel keeps them apart.",
  },
  punctuation: { title: "No punctuation", message: "The transcript has no punctuation: sentences are not marked." },
  profanity: { title: "Swear words not hidden", message: "Swear words were left as they were heard." },
  language: { title: "Language not identified", message: "The language was not detected: the language chosen for the session was used." },
  languageIdentification: { title: "Language not identified", message: "The language was not detected: the language chosen for the session was used." },
  wordTimestamps: { title: "No word timings", message: "Words have no timings: unsure words cannot be marked and cited words are not highlighted." },
};

export interface WarningLike {
  /** `unsupported`: not done; `other`: done, differently or less surely than asked. */
  type?: string;
  feature?: string;
  message: string;
}

export interface DescribedWarning {
  title: string;
  message: string;
  /** The engine's sentence, for "Details". */
  detail: string;
}

export function describeWarning(warning: WarningLike): DescribedWarning {
  // Speakers separated, but some of them or their count to check (the diarizer's warnings).
  if (warning.feature === "diarization" && warning.type === "other") {
    return { title: "Speakers to check", message: "Check who said what: some parts may be given to the wrong speaker.", detail: warning.message };
  }
  const known = warning.feature === undefined ? undefined : plain[warning.feature];
  if (known) return { ...known, detail: warning.message };
  return { title: "Transcription", message: "Part of what was asked for could not be done for this transcript.", detail: warning.message };
}
