/**
 * Injection tokens, one per port, for hosts that use a DI container (the http package's
 * composition root does). Core itself never resolves them.
 */
export const tokens = {
  blobs: Symbol.for("confide.BlobStore"),
  speech: Symbol.for("confide.SpeechToText"),
  language: Symbol.for("confide.LanguageAnalyzer"),
  queue: Symbol.for("confide.JobQueue"),
  push: Symbol.for("confide.PushNotifier"),
  events: Symbol.for("confide.SessionEvents"),
  notes: Symbol.for("confide.NoteWriter"),
  risk: Symbol.for("confide.RiskScreen"),
  live: Symbol.for("confide.LiveSpeechToText"),
  agenda: Symbol.for("confide.AgendaMatcher"),
  diarizer: Symbol.for("confide.Diarizer"),
  repositories: Symbol.for("confide.Repositories"),
  clock: Symbol.for("confide.Clock"),
  ids: Symbol.for("confide.Ids"),
  logger: Symbol.for("confide.Logger"),
  settings: Symbol.for("confide.CoreSettings"),
  deps: Symbol.for("confide.Deps"),
} as const;
