import type { TranscriptionSettings } from "../../domain/session.ts";
import { invalidInput } from "../../errors.ts";

const languageTag = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;
const settingKeys = new Set<string>([
  "language",
  "candidateLanguages",
  "diarization",
  "minSpeakers",
  "maxSpeakers",
  "profanity",
  "punctuation",
  "wordTimestamps",
  "channelLayout",
  "channelRoles",
]);

/**
 * Merges the caller's settings over the defaults and checks the result.
 * @throws ConfideError `validation.invalid_input` naming the first offending field.
 */
export function mergeTranscriptionSettings(base: TranscriptionSettings, patch: Partial<TranscriptionSettings>): TranscriptionSettings {
  if (typeof patch !== "object" || patch === null || Array.isArray(patch)) {
    throw invalidInput("Transcription settings must be an object.", "settings");
  }
  const given = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
  for (const key of Object.keys(given)) {
    if (!settingKeys.has(key)) throw invalidInput(`Unknown transcription setting "${key.slice(0, 40)}".`, `settings.${key.slice(0, 40)}`);
  }
  const merged = { ...base, ...given } as TranscriptionSettings;
  if (merged.channelLayout === "mono" && given.channelRoles === undefined) delete merged.channelRoles;
  if (base.candidateLanguages !== undefined && given.language !== undefined && given.candidateLanguages === undefined) {
    // A caller who names one language means that language, not the host's candidates.
    delete merged.candidateLanguages;
  }

  if (typeof merged.language !== "string" || !languageTag.test(merged.language)) {
    throw invalidInput("language must be a BCP-47 tag such as en-US.", "settings.language");
  }
  if (merged.candidateLanguages !== undefined) {
    const candidates: unknown = merged.candidateLanguages;
    if (
      !Array.isArray(candidates) ||
      candidates.length === 0 ||
      candidates.length > 10 ||
      !candidates.every((tag) => typeof tag === "string" && languageTag.test(tag))
    ) {
      throw invalidInput("candidateLanguages must list 1 to 10 BCP-47 tags.", "settings.candidateLanguages");
    }
  }
  for (const field of ["diarization", "wordTimestamps"] as const) {
    if (typeof merged[field] !== "boolean") throw invalidInput(`${field} must be true or false.`, `settings.${field}`);
  }
  for (const field of ["minSpeakers", "maxSpeakers"] as const) {
    const value = merged[field];
    if (!Number.isInteger(value) || value < 1 || value > 10) {
      throw invalidInput(`${field} must be a whole number from 1 to 10.`, `settings.${field}`);
    }
  }
  if (merged.minSpeakers > merged.maxSpeakers) {
    throw invalidInput("minSpeakers must not exceed maxSpeakers.", "settings.minSpeakers");
  }
  if (!["none", "masked", "removed"].includes(merged.profanity)) {
    throw invalidInput("profanity must be none, masked or removed.", "settings.profanity");
  }
  if (!["automatic", "none"].includes(merged.punctuation)) {
    throw invalidInput("punctuation must be automatic or none.", "settings.punctuation");
  }
  if (!["mono", "per-channel"].includes(merged.channelLayout)) {
    throw invalidInput("channelLayout must be mono or per-channel.", "settings.channelLayout");
  }
  if (merged.channelRoles !== undefined) {
    const roles: unknown = merged.channelRoles;
    if (merged.channelLayout !== "per-channel") {
      throw invalidInput("channelRoles needs the per-channel layout.", "settings.channelRoles");
    }
    if (
      !Array.isArray(roles) ||
      roles.length === 0 ||
      roles.length > 32 ||
      !roles.every((role) => role === "therapist" || role === "patient")
    ) {
      throw invalidInput("channelRoles must list therapist or patient for each channel.", "settings.channelRoles");
    }
  }
  return structuredClone(merged);
}
