/**
 * `@confide/core/ports`: everything an adapter author needs — the port interfaces and the list
 * of ports (`ports/`), `ConfideError` and its codes, the helpers every implementation of a port
 * applies (byte ranges, job ids, retention limits, settings, HTTP failures, retry-after), the
 * domain values the ports carry with their codecs and rules (sessions, transcripts, notes, risk
 * findings, sentiment, page cursors), and the live-speech building blocks (PCM channels,
 * utterance cutting and recognition). Adapters import this entry only; hosts import it for the
 * port types and `@confide/core` for the use cases.
 */
export * from "./errors.ts";
export * from "./provider-http-error.ts";
export * from "./ports/index.ts";
// The domain values the ports carry, and the codecs and rules adapters apply to them.
export * from "./domain/audit-event.ts";
export * from "./domain/blob-key.ts";
export * from "./domain/clinical-notes.ts";
export * from "./domain/consent.ts";
export * from "./domain/deadline.ts";
export * from "./domain/device.ts";
export * from "./domain/legal-hold.ts";
export * from "./domain/note-evidence.ts";
export * from "./domain/note-formats.ts";
export * from "./domain/page-cursor.ts";
export * from "./domain/refresh-token.ts";
export * from "./domain/retention.ts";
export * from "./domain/retry-after.ts";
export * from "./domain/risk-screen.ts";
export * from "./domain/risk-page-rule.ts";
export * from "./domain/risk-unscreened.ts";
export * from "./domain/risk-review-groups.ts";
export * from "./domain/risk-substance.ts";
export * from "./domain/segment-words.ts";
export * from "./domain/sentiment.ts";
export * from "./domain/sentiment-documents.ts";
export * from "./domain/session.ts";
export * from "./domain/session-document.ts";
export * from "./domain/session-search-terms.ts";
export * from "./domain/session-status.ts";
export * from "./domain/speaker-turns.ts";
export * from "./domain/transcript.ts";
export * from "./domain/unreachable.ts";
export * from "./domain/user.ts";
export * from "./domain/voice-enrolment.ts";
// Live speech: what a live engine's adapter builds on.
export * from "./live-speech/pcm-channels.ts";
export * from "./live-speech/utterance-cutter.ts";
export * from "./live-speech/event-queue.ts";
export * from "./live-speech/utterance-recognition.ts";
export * from "./live-speech/word-inside-final.ts";
export * from "./live-speech/instant-live-speech-to-text.ts";
// Session events: the fan-out an events adapter hands changes to.
export * from "./events/session-event-fan-out.ts";
