/**
 * Checks a `POST /speechtotext/transcriptions:submit?api-version=2024-11-15` body against the
 * `Transcription` schema of the REST spec (azure-rest-api-specs,
 * specification/cognitiveservices/data-plane/Speech/SpeechToText/stable/2024-11-15): required
 * `displayName`, `locale`, `properties.timeToLiveHours` (6–744); exactly one of `contentUrls`
 * (≤ 1000 absolute URLs) and `contentContainerUrl`; `properties.diarization` is
 * `{ enabled, maxSpeakers (2–35) }`; `languageIdentification.candidateLocales` 2–10 in the
 * default Continuous mode; `punctuationMode` and `profanityFilterMode` from their enums.
 *
 * Stricter than the service on purpose: a property name the 2024-11-15 schema does not have is
 * refused, so that v3.2 fields sent to this version (`diarizationEnabled`,
 * `diarization.speakers.minCount/maxCount`, `timeToLive`) fail a test instead of being ignored.
 * Errors use the spec's `Error` shape: `{ code, message, innerError: { code, message } }`.
 */

export interface SpeechError {
  code: string;
  message: string;
  innerError?: { code: string; message: string };
}

export interface SubmittedTranscription {
  displayName: string;
  locale: string;
  contentUrls: string[];
  contentContainerUrl: string | undefined;
  properties: {
    timeToLiveHours: number;
    wordLevelTimestampsEnabled: boolean;
    displayFormWordLevelTimestampsEnabled: boolean;
    channels: number[] | undefined;
    punctuationMode: string | undefined;
    profanityFilterMode: string | undefined;
    diarization: { enabled: boolean; maxSpeakers: number | undefined } | undefined;
    languageIdentification: { candidateLocales: string[]; mode: string } | undefined;
    destinationContainerUrl: string | undefined;
  };
  /** Everything else the request carried, echoed back (description, customProperties, model). */
  rest: Record<string, unknown>;
}

const topLevelKeys = new Set(["displayName", "description", "locale", "contentUrls", "contentContainerUrl", "properties", "model", "dataset", "customProperties"]);
const propertyKeys = new Set([
  "wordLevelTimestampsEnabled",
  "displayFormWordLevelTimestampsEnabled",
  "channels",
  "destinationContainerUrl",
  "punctuationMode",
  "profanityFilterMode",
  "timeToLiveHours",
  "diarization",
  "languageIdentification",
]);
const punctuationModes = ["None", "Dictated", "Automatic", "DictatedAndAutomatic"];
const profanityFilterModes = ["None", "Removed", "Tags", "Masked"];

function invalid(innerCode: string, message: string, code = "InvalidArgument"): SpeechError {
  return { code, message, innerError: { code: innerCode, message } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isAbsoluteHttpUrl(value: unknown): boolean {
  if (typeof value !== "string") return false;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

function optionalBoolean(properties: Record<string, unknown>, name: string): boolean | SpeechError {
  const value = properties[name];
  if (value === undefined) return false;
  return typeof value === "boolean" ? value : invalid("InvalidParameterValue", `properties.${name} must be a boolean.`);
}

function isError(value: unknown): value is SpeechError {
  return isRecord(value) && typeof value.code === "string" && typeof value.message === "string";
}

export function validateSubmission(body: unknown): SubmittedTranscription | SpeechError {
  if (!isRecord(body)) return invalid("InvalidRequestBodyFormat", "The request body must be a JSON object.", "InvalidRequest");
  const unknownTopLevel = Object.keys(body).filter((key) => !topLevelKeys.has(key));
  if (unknownTopLevel.length > 0) return invalid("InvalidPayload", `Unknown properties for api-version 2024-11-15: ${unknownTopLevel.join(", ")}.`);
  if (typeof body.displayName !== "string" || body.displayName.length === 0)
    return invalid("InvalidParameterValue", "The displayName property is required.");
  if (typeof body.locale !== "string" || !/^[a-z]{2,3}-[A-Z]{2}$/.test(body.locale))
    return invalid("InvalidLocale", `The locale '${String(body.locale)}' is not supported.`);

  const hasUrls = body.contentUrls !== undefined;
  const hasContainer = body.contentContainerUrl !== undefined;
  if (hasUrls === hasContainer)
    return invalid("OnlyOneOfUrlsOrContainerOrDataset", "Exactly one of contentUrls and contentContainerUrl must be set.");
  let contentUrls: string[] = [];
  if (hasUrls) {
    if (!Array.isArray(body.contentUrls) || body.contentUrls.length === 0)
      return invalid("InvalidRecordingsUri", "contentUrls must be a non-empty array of URLs.");
    if (body.contentUrls.length > 1000) return invalid("ExceededNumberOfRecordingsUris", "At most 1000 contentUrls are allowed.");
    if (!body.contentUrls.every(isAbsoluteHttpUrl)) return invalid("InvalidRecordingsUri", "Every content URL must be an absolute http(s) URL.");
    contentUrls = body.contentUrls as string[];
  } else if (!isAbsoluteHttpUrl(body.contentContainerUrl)) {
    return invalid("InvalidRecordingsUri", "contentContainerUrl must be an absolute http(s) URL.");
  }

  if (!isRecord(body.properties)) return invalid("InvalidTimeToLive", "properties.timeToLiveHours is required.");
  const properties = body.properties;
  const unknownProperties = Object.keys(properties).filter((key) => !propertyKeys.has(key));
  if (unknownProperties.length > 0)
    return invalid("InvalidPayload", `Unknown properties for api-version 2024-11-15: ${unknownProperties.map((key) => `properties.${key}`).join(", ")}.`);
  const ttl = properties.timeToLiveHours;
  if (typeof ttl !== "number" || !Number.isInteger(ttl) || ttl < 6 || ttl > 744)
    return invalid("InvalidTimeToLive", "properties.timeToLiveHours must be an integer from 6 (6 hours) to 744 (31 days).");

  const wordLevel = optionalBoolean(properties, "wordLevelTimestampsEnabled");
  if (isError(wordLevel)) return wordLevel;
  const displayWordLevel = optionalBoolean(properties, "displayFormWordLevelTimestampsEnabled");
  if (isError(displayWordLevel)) return displayWordLevel;

  let channels: number[] | undefined;
  if (properties.channels !== undefined) {
    if (
      !Array.isArray(properties.channels) ||
      properties.channels.length === 0 ||
      !properties.channels.every((channel) => Number.isInteger(channel) && (channel as number) >= 0)
    )
      return invalid("InvalidChannels", "properties.channels must list channel numbers (0, 1, ...).");
    channels = properties.channels as number[];
  }
  for (const [name, allowed] of [
    ["punctuationMode", punctuationModes],
    ["profanityFilterMode", profanityFilterModes],
  ] as const) {
    if (properties[name] !== undefined && !allowed.includes(properties[name] as string))
      return invalid("InvalidParameterValue", `properties.${name} must be one of ${allowed.join(", ")}.`);
  }

  let diarization: SubmittedTranscription["properties"]["diarization"];
  if (properties.diarization !== undefined) {
    const value = properties.diarization;
    if (!isRecord(value) || Object.keys(value).some((key) => key !== "enabled" && key !== "maxSpeakers"))
      return invalid("InvalidPayload", "properties.diarization has the properties enabled and maxSpeakers (api-version 2024-11-15).");
    if (typeof value.enabled !== "boolean") return invalid("InvalidParameterValue", "properties.diarization.enabled must be a boolean.");
    if (value.maxSpeakers !== undefined && (!Number.isInteger(value.maxSpeakers) || (value.maxSpeakers as number) < 2 || (value.maxSpeakers as number) > 35))
      return invalid("InvalidParameterValue", "properties.diarization.maxSpeakers must be greater than 1 and less than 36.");
    diarization = { enabled: value.enabled, maxSpeakers: value.maxSpeakers as number | undefined };
  }

  let languageIdentification: SubmittedTranscription["properties"]["languageIdentification"];
  if (properties.languageIdentification !== undefined) {
    const value = properties.languageIdentification;
    if (!isRecord(value) || !Array.isArray(value.candidateLocales) || !value.candidateLocales.every((locale) => typeof locale === "string"))
      return invalid("InvalidParameterValue", "properties.languageIdentification.candidateLocales is required.");
    const mode = value.mode ?? "Continuous";
    if (mode !== "Continuous" && mode !== "Single") return invalid("InvalidParameterValue", "languageIdentification.mode must be Continuous or Single.");
    if (mode === "Continuous" && (value.candidateLocales.length < 2 || value.candidateLocales.length > 10))
      return invalid("InvalidParameterValue", "Continuous language identification needs 2 to 10 candidate locales.");
    // "A minimum of 2 and a maximum of 10 candidate locales, including the main locale for the
    // transcription" (2024-11-15, LanguageIdentificationProperties.candidateLocales).
    if (mode === "Continuous" && !value.candidateLocales.includes(body.locale))
      return invalid("InvalidParameterValue", "The candidate locales must include the main locale of the transcription.");
        languageIdentification = { candidateLocales: value.candidateLocales as string[], mode };
  }

  const rest = Object.fromEntries(
    Object.entries(body).filter(([key]) => !["displayName", "locale", "contentUrls", "contentContainerUrl", "properties"].includes(key)),
  );
  return {
    displayName: body.displayName,
    locale: body.locale,
    contentUrls,
    contentContainerUrl: hasContainer ? (body.contentContainerUrl as string) : undefined,
    properties: {
      timeToLiveHours: ttl,
      wordLevelTimestampsEnabled: wordLevel,
      displayFormWordLevelTimestampsEnabled: displayWordLevel,
      channels,
      punctuationMode: properties.punctuationMode as string | undefined,
      profanityFilterMode: properties.profanityFilterMode as string | undefined,
      diarization,
      languageIdentification,
      destinationContainerUrl: properties.destinationContainerUrl as string | undefined,
    },
    rest,
  };
}

export function isSpeechError(value: SubmittedTranscription | SpeechError): value is SpeechError {
  return "code" in value;
}
