/**
 * Validation of a `StartTranscriptionJob` request as Amazon Transcribe does it, answered with
 * `BadRequestException`:
 *
 * - the service model's constraints, in AWS's validation format (aws-validation.ts): job name
 *   1–200 characters of `^[0-9a-zA-Z._-]+` (and not "." or ".." alone), `Media.MediaFileUri`
 *   1–2000 characters of `(s3://|http(s*)://).+`, `OutputBucketName` ≤ 64 of
 *   `[a-z0-9][\.\-a-z0-9]{1,61}[a-z0-9]`, `OutputKey` 1–1024 of `[a-zA-Z0-9-_.!*'()/]`,
 *   `MaxSpeakerLabels` 2–30, `MaxAlternatives` 2–10, `MediaSampleRateHertz` 8000–48000,
 *   `LanguageCode`/`LanguageOptions` and `MediaFormat` from their enums (2017-10-26 model);
 * - the rules the API reference states in prose: exactly one of `LanguageCode`,
 *   `IdentifyLanguage`, `IdentifyMultipleLanguages`; `LanguageOptions` (two or more) only with
 *   language identification; `ShowSpeakerLabels` and `MaxSpeakerLabels` together, and never
 *   with `ChannelIdentification`; `ShowAlternatives` with `MaxAlternatives`;
 *   `VocabularyFilterName` with `VocabularyFilterMethod`; `OutputKey` only with
 *   `OutputBucketName`. The wording of these messages is the fake's own (not copied from the
 *   service): assert the exception's name, not its text.
 */
import { AwsJsonError } from "./aws-json-service.ts";
import { ValidationErrors } from "./aws-validation.ts";

/** Language codes of the Transcribe 2017-10-26 service model (`LanguageCode` enum). */
export const transcribeLanguageCodes = [
  "af-ZA", "ar-AE", "ar-SA", "am-ET", "cy-GB", "da-DK", "de-CH", "de-DE", "en-AB", "en-AU", "en-GB", "en-IE", "en-IN", "en-US", "en-WL",
  "es-ES", "es-MX", "es-US", "fa-AF", "fa-IR", "fr-CA", "fr-FR", "ga-IE", "gd-GB", "he-IL", "hi-IN", "ht-HT", "id-ID", "it-IT", "ja-JP",
  "jv-ID", "km-KH", "ko-KR", "my-MM", "ms-MY", "nl-NL", "pt-BR", "pt-PT", "ru-RU", "ta-IN", "te-IN", "tr-TR", "zh-CN", "zh-TW", "th-TH",
  "en-ZA", "en-NZ", "vi-VN", "sv-SE", "ab-GE", "ast-ES", "az-AZ", "ba-RU", "be-BY", "bg-BG", "bn-IN", "bs-BA", "ca-ES", "ckb-IQ", "ckb-IR",
  "cs-CZ", "cy-WL", "el-GR", "et-EE", "et-ET", "eu-ES", "fi-FI", "gl-ES", "gu-IN", "ha-NG", "hr-HR", "hu-HU", "hy-AM", "is-IS", "ka-GE",
  "kab-DZ", "kk-KZ", "kn-IN", "ky-KG", "lg-IN", "lt-LT", "lv-LV", "mhr-RU", "mi-NZ", "mk-MK", "ml-IN", "mn-MN", "mr-IN", "mt-MT", "no-NO",
  "ne-NP", "or-IN", "pa-IN", "pl-PL", "ps-AF", "ro-RO", "rw-RW", "si-LK", "sk-SK", "sl-SI", "so-SO", "sq-AL", "sr-RS", "su-ID", "sw-BI",
  "sw-KE", "sw-RW", "sw-TZ", "sw-UG", "tl-PH", "tt-RU", "ug-CN", "uk-UA", "uz-UZ", "wo-SN", "zh-HK", "zu-ZA",
] as const;

export const transcribeMediaFormats = ["mp3", "mp4", "wav", "flac", "ogg", "amr", "webm", "m4a"] as const;

export interface TranscriptionSettings {
  ShowSpeakerLabels?: boolean;
  MaxSpeakerLabels?: number;
  ChannelIdentification?: boolean;
  ShowAlternatives?: boolean;
  MaxAlternatives?: number;
  VocabularyName?: string;
  VocabularyFilterName?: string;
  VocabularyFilterMethod?: string;
}

/** The request members the fake acts on; the rest are kept in `rest` and echoed back. */
export interface StartTranscriptionJobInput {
  TranscriptionJobName: string;
  Media: { MediaFileUri: string };
  LanguageCode?: string;
  IdentifyLanguage?: boolean;
  IdentifyMultipleLanguages?: boolean;
  LanguageOptions?: string[];
  MediaFormat?: string;
  MediaSampleRateHertz?: number;
  OutputBucketName?: string;
  OutputKey?: string;
  Settings?: TranscriptionSettings;
  /** Per language: the filter (and vocabulary, model) that applies when that language is identified. */
  LanguageIdSettings?: Record<string, { VocabularyFilterName?: string; VocabularyName?: string; LanguageModelName?: string }>;
  rest: Record<string, unknown>;
}

export const badRequest = (message: string) => new AwsJsonError(400, "BadRequestException", message);

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** Checks the model's constraints (types included); returns the members it acts on. */
function checkModel(input: Record<string, unknown>): StartTranscriptionJobInput {
  const errors = new ValidationErrors();
  const {
    TranscriptionJobName: name,
    Media: media,
    LanguageCode: languageCode,
    IdentifyLanguage: identifyLanguage,
    IdentifyMultipleLanguages: identifyMultipleLanguages,
    LanguageOptions: languageOptions,
    MediaFormat: mediaFormat,
    MediaSampleRateHertz: sampleRate,
    OutputBucketName: outputBucket,
    OutputKey: outputKey,
    Settings: settings,
    LanguageIdSettings: languageIdSettings,
    ...rest
  } = input;

  if (!errors.required(name, "transcriptionJobName")) {
    const text = String(name);
    errors.length(text, "transcriptionJobName", 1, 200);
    errors.pattern(text, "transcriptionJobName", "^[0-9a-zA-Z._-]+");
  }
  const uri = isObject(media) ? media.MediaFileUri : undefined;
  if (!errors.required(media, "media") && !errors.required(uri, "media.mediaFileUri")) {
    errors.length(String(uri), "media.mediaFileUri", 1, 2000);
    errors.pattern(String(uri), "media.mediaFileUri", "(s3://|http(s*)://).+");
  }
  if (languageCode !== undefined) errors.oneOf(String(languageCode), "languageCode", transcribeLanguageCodes);
  if (languageOptions !== undefined) {
    const options = Array.isArray(languageOptions) ? languageOptions.map(String) : [];
    errors.length(options, "languageOptions", 1, undefined);
    options.forEach((option, index) => errors.oneOf(option, `languageOptions.${index + 1}.member`, transcribeLanguageCodes));
  }
  if (mediaFormat !== undefined) errors.oneOf(String(mediaFormat), "mediaFormat", transcribeMediaFormats);
  if (sampleRate !== undefined) errors.range(Number(sampleRate), "mediaSampleRateHertz", 8000, 48000);
  if (outputBucket !== undefined) {
    errors.length(String(outputBucket), "outputBucketName", undefined, 64);
    errors.pattern(String(outputBucket), "outputBucketName", "[a-z0-9][\\.\\-a-z0-9]{1,61}[a-z0-9]");
  }
  if (outputKey !== undefined) {
    errors.length(String(outputKey), "outputKey", 1, 1024);
    errors.pattern(String(outputKey), "outputKey", "[a-zA-Z0-9-_.!*'()/]{1,1024}$");
  }
  const given: TranscriptionSettings = isObject(settings) ? (settings as TranscriptionSettings) : {};
  if (given.MaxSpeakerLabels !== undefined) errors.range(Number(given.MaxSpeakerLabels), "settings.maxSpeakerLabels", 2, 30);
  if (given.MaxAlternatives !== undefined) errors.range(Number(given.MaxAlternatives), "settings.maxAlternatives", 2, 10);
  if (given.VocabularyFilterMethod !== undefined) errors.oneOf(String(given.VocabularyFilterMethod), "settings.vocabularyFilterMethod", ["remove", "mask", "tag"]);
  const error = errors.toError("BadRequestException");
  if (error !== undefined) throw error;

  return {
    TranscriptionJobName: String(name),
    Media: { MediaFileUri: String(uri) },
    ...(languageCode === undefined ? {} : { LanguageCode: String(languageCode) }),
    ...(identifyLanguage === undefined ? {} : { IdentifyLanguage: identifyLanguage === true }),
    ...(identifyMultipleLanguages === undefined ? {} : { IdentifyMultipleLanguages: identifyMultipleLanguages === true }),
    ...(languageOptions === undefined ? {} : { LanguageOptions: (languageOptions as unknown[]).map(String) }),
    ...(mediaFormat === undefined ? {} : { MediaFormat: String(mediaFormat) }),
    ...(sampleRate === undefined ? {} : { MediaSampleRateHertz: Number(sampleRate) }),
    ...(outputBucket === undefined ? {} : { OutputBucketName: String(outputBucket) }),
    ...(outputKey === undefined ? {} : { OutputKey: String(outputKey) }),
    ...(settings === undefined ? {} : { Settings: given }),
    ...(isObject(languageIdSettings) ? { LanguageIdSettings: languageIdSettings as NonNullable<StartTranscriptionJobInput["LanguageIdSettings"]> } : {}),
    rest,
  };
}

/** The rules stated in prose; the first broken one is reported. */
function checkRules(request: StartTranscriptionJobInput): void {
  const name = request.TranscriptionJobName;
  if (name === "." || name === "..") throw badRequest(`The job name "${name}" isn't valid. Job names can't be "." or ".." alone.`);
  const languageChoices = [request.LanguageCode !== undefined, request.IdentifyLanguage === true, request.IdentifyMultipleLanguages === true];
  const chosen = languageChoices.filter(Boolean).length;
  if (chosen === 0) throw badRequest("Specify one of LanguageCode, IdentifyLanguage or IdentifyMultipleLanguages.");
  if (chosen > 1) throw badRequest("Specify only one of LanguageCode, IdentifyLanguage or IdentifyMultipleLanguages.");
  if (request.LanguageOptions !== undefined) {
    if (request.LanguageCode !== undefined) throw badRequest("LanguageOptions can only be used with IdentifyLanguage or IdentifyMultipleLanguages.");
    if (request.LanguageOptions.length < 2) throw badRequest("LanguageOptions needs two or more language codes.");
  }
  const settings = request.Settings ?? {};
  if (settings.ShowSpeakerLabels === true && settings.ChannelIdentification === true) {
    throw badRequest("ShowSpeakerLabels and ChannelIdentification can't be used in the same request.");
  }
  if (settings.ShowSpeakerLabels === true && settings.MaxSpeakerLabels === undefined) throw badRequest("ShowSpeakerLabels requires MaxSpeakerLabels.");
  if (settings.MaxSpeakerLabels !== undefined && settings.ShowSpeakerLabels !== true) throw badRequest("MaxSpeakerLabels requires ShowSpeakerLabels set to true.");
  if (settings.ShowAlternatives === true && settings.MaxAlternatives === undefined) throw badRequest("ShowAlternatives requires MaxAlternatives.");
  if (settings.MaxAlternatives !== undefined && settings.ShowAlternatives !== true) throw badRequest("MaxAlternatives requires ShowAlternatives set to true.");
  if (settings.VocabularyFilterName !== undefined && settings.VocabularyFilterMethod === undefined) {
    throw badRequest("VocabularyFilterName requires VocabularyFilterMethod.");
  }
  if (request.OutputKey !== undefined && request.OutputBucketName === undefined) throw badRequest("OutputKey requires OutputBucketName.");
}

/** Throws BadRequestException as the service would; returns the request's members. */
export function validateStartTranscriptionJob(input: Record<string, unknown>): StartTranscriptionJobInput {
  const request = checkModel(input);
  checkRules(request);
  return request;
}
