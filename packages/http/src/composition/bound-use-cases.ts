import {
  changePassword,
  createUser,
  deleteSession,
  editTranscript,
  eraseUser,
  exportUserData,
  finalizeSession,
  getProfile,
  getSession,
  getSessionNote,
  grantConsent,
  linkPatient,
  listSessions,
  login,
  logout,
  readSessionAudio,
  registerDevice,
  relabelSpeakers,
  retrySession,
  searchPatients,
  uploadSession,
  withdrawConsent,
  type ConfideDeps,
} from "@confide/core";

/** A use case `(deps, ...rest)` with its deps given: `(...rest)`. */
export type BoundUseCase<F> = F extends (deps: ConfideDeps, ...rest: infer Rest) => infer Result ? (...rest: Rest) => Result : never;

/** The use cases an embedding host calls most, each `(deps, actor, input)` in core. */
const useCases = {
  uploadSession,
  getSession,
  listSessions,
  getSessionNote,
  readSessionAudio,
  editTranscript,
  relabelSpeakers,
  finalizeSession,
  retrySession,
  deleteSession,
  login,
  logout,
  changePassword,
  getProfile,
  createUser,
  linkPatient,
  searchPatients,
  grantConsent,
  withdrawConsent,
  registerDevice,
  exportUserData,
  eraseUser,
};

export type BoundUseCases = { [Name in keyof typeof useCases]: BoundUseCase<(typeof useCases)[Name]> };

/**
 * Core's use cases with `deps` given, so a host writes `confide.uploadSession(actor, input)`.
 * Each is the core function itself: same checks, same `ConfideError` codes, same audit. A use
 * case not listed here is called as core exports it, `useCase(confide.deps, actor, input)`.
 */
export function bindUseCases(deps: ConfideDeps): BoundUseCases {
  return Object.fromEntries(
    Object.entries(useCases).map(([name, useCase]) => [name, (...rest: unknown[]) => (useCase as (deps: ConfideDeps, ...rest: unknown[]) => unknown)(deps, ...rest)]),
  ) as BoundUseCases;
}
