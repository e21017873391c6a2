// Sessions
export * from "./sessions/get-session.ts";
export * from "./sessions/check-upload-allowed.ts";
export * from "./sessions/session-note.ts";
export * from "./sessions/list-sessions.ts";
export * from "./sessions/read-session-audio.ts";
export * from "./sessions/edit-transcript.ts";
export * from "./sessions/relabel-speakers.ts";
export * from "./sessions/finalize-session.ts";
export * from "./sessions/acknowledge-risk-flag.ts";
export * from "./sessions/share-session-title.ts";
export * from "./sessions/regenerate-notes.ts";
export * from "./sessions/edit-notes.ts";
export * from "./sessions/delete-session.ts";
export * from "./sessions/migrate-recordings.ts";
// Accounts
export * from "./accounts/create-user.ts";
export * from "./accounts/link-patient.ts";
export * from "./accounts/list-users.ts";
export * from "./accounts/login.ts";
export * from "./accounts/authenticate-access.ts";
export * from "./accounts/refresh-session-token.ts";
export * from "./accounts/logout.ts";
export * from "./accounts/change-password.ts";
export * from "./accounts/get-profile.ts";
export * from "./accounts/update-profile.ts";
export * from "./accounts/search-patients.ts";
export * from "./accounts/export-user-data.ts";
export * from "./accounts/erase-user.ts";
export * from "./accounts/enrol-voice.ts";
export * from "./accounts/voice-enrolment-status.ts";
// Devices
export * from "./accounts/register-device.ts";
export * from "./accounts/remove-device.ts";
export * from "./accounts/list-devices.ts";
// Pipeline
export * from "./sessions/upload-session.ts";
export * from "./sessions/upload-gate.ts";
export * from "./policies/processing-capacity.ts";
export * from "./pipeline/process-session.ts";
export * from "./pipeline/diarized-speech-to-text.ts";
export * from "./pipeline/recover-stale-sessions.ts";
export * from "./sessions/retry-session.ts";
export * from "./pipeline/job-handlers.ts";
// Live sessions
export * from "./live/live-deps.ts";
export * from "./live/live-capacity.ts";
export * from "./live/diarized-live-speech-to-text.ts";
export * from "./live/start-live-session.ts";
export * from "./live/attach-live-session.ts";
export * from "./live/live-run.ts";
export * from "./live/end-live-session.ts";
export * from "./live/end-abandoned-live-sessions.ts";
// Retention
export * from "./retention/sweep-retention.ts";
export * from "./retention/schedule-retention-sweep.ts";
export * from "./retention/run-retention-sweep.ts";
export * from "./retention/set-legal-hold.ts";
export * from "./retention/release-legal-hold.ts";
export * from "./retention/list-legal-holds.ts";
// Consent
export * from "./consent/grant-consent.ts";
export * from "./consent/withdraw-consent.ts";
export * from "./consent/get-consent.ts";
export * from "./policies/consent.ts";
