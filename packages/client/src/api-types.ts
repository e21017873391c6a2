import type { components } from "./generated/confide-api.ts";

/** Every schema of the API's OpenAPI document, by name. */
export type Schemas = components["schemas"];
export type Session = Schemas["Session"];
export type SessionView = Schemas["SessionView"];
export type SessionSummary = Schemas["SessionSummary"];
export type SessionStatus = Schemas["SessionStatus"];
export type PatientSessionView = Schemas["PatientSessionView"];
export type TokenPair = Schemas["TokenPair"];
export type Role = Schemas["Role"];
/** The signed-in account, as login and refresh return it. */
export type User = TokenPair["user"];
