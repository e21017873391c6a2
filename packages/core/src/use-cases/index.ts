// Sessions
export * from "./get-session.ts";
export * from "./list-sessions.ts";
export * from "./read-session-audio.ts";
export * from "./edit-transcript.ts";
export * from "./relabel-speakers.ts";
export * from "./finalize-session.ts";
export * from "./delete-session.ts";
// Accounts
export * from "./create-user.ts";
export * from "./link-patient.ts";
export * from "./list-users.ts";
export * from "./login.ts";
export * from "./authenticate-access.ts";
export * from "./refresh-session-token.ts";
export * from "./logout.ts";
export * from "./change-password.ts";
export * from "./get-profile.ts";
export * from "./update-profile.ts";
export * from "./search-patients.ts";
export * from "./export-user-data.ts";
export * from "./erase-user.ts";
// Devices
export * from "./register-device.ts";
export * from "./remove-device.ts";
export * from "./list-devices.ts";
// Pipeline
export * from "./upload-session.ts";
export * from "./processing-capacity.ts";
export * from "./process-session.ts";
export * from "./recover-stale-sessions.ts";
export * from "./retry-session.ts";
export * from "./job-handlers.ts";
