export { createConfideClient, dataOf, type ConfideClient, type ConfideClientOptions, type UploadOptions } from "./confide-client.ts";
export { ConfideApiError, type ProblemDocument } from "./confide-api-error.ts";
export type { SessionEvent, SessionStatusEvent, SessionDeletedEvent, FollowOptions } from "./session-events.ts";
export type { UploadInput, UploadProgress } from "./upload-body.ts";
export type { UploadTransport } from "./upload-transport.ts";
export type { RefreshTokenIn } from "./token-keeper.ts";
export type { Schemas, Session, SessionView, SessionSummary, SessionStatus, PatientSessionView, TokenPair, Role, User } from "./api-types.ts";
export type { paths, components, operations } from "./generated/confide-api.ts";
