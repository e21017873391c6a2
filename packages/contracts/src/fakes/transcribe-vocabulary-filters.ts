/**
 * Vocabulary filters of the fake Amazon Transcribe: created, read and deleted through the API
 * (CreateVocabularyFilter, GetVocabularyFilter, DeleteVocabularyFilter), checked where a
 * StartTranscriptionJob names them, and applied to the transcript. What the service documents:
 *
 * - A filter has ONE language: "Each custom vocabulary filter must contain terms in only one
 *   language. A custom vocabulary filter can only be used to transcribe files in the same
 *   language as the filter" (CreateVocabularyFilter, LanguageCode). A job in another language
 *   naming it is refused (BadRequestException; the wording here is the fake's own).
 * - Placement: without language identification the filter goes in `Settings.VocabularyFilterName`;
 *   with `IdentifyLanguage`/`IdentifyMultipleLanguages` it goes in
 *   `LanguageIdSettings[<language>].VocabularyFilterName` ("If you want to include a custom
 *   vocabulary filter with your request but do not want to use automatic language
 *   identification, use instead the Settings parameter" — API reference, LanguageIdSettings and
 *   StartTranscriptionJob). The fake refuses a filter in `Settings` of an identifying job, and
 *   `LanguageIdSettings` without identification (BadRequestException).
 * - `LanguageIdSettings` holds up to five languages ("supports two to five language codes"),
 *   each among `LanguageOptions` when those are given, each filter of its key's language.
 * - `VocabularyFilterMethod` (in Settings) is needed with any filter: `mask` replaces each
 *   filtered word with `***`, `remove` leaves it out, `tag` keeps it ("Using custom vocabulary
 *   filters to delete, mask, or flag words", Developer Guide).
 * - Names: `^[0-9a-zA-Z._-]+`, 1–200 characters; `Words` 1–256 characters each; an existing
 *   name → ConflictException; an unknown one → NotFoundException (Get/Delete, as the model
 *   lists) or BadRequestException "couldn't be found" (StartTranscriptionJob).
 * Not emulated: `VocabularyFilterFileUri` (filters from a file in S3), the 50 KB size limit, quotas.
 */
import { AwsJsonError } from "./aws-json-service.ts";
import { ValidationErrors } from "./aws-validation.ts";
import type { FakeTranscribeSegment } from "./transcribe-output.ts";
import { badRequest, transcribeLanguageCodes, type StartTranscriptionJobInput } from "./transcribe-validation.ts";

export interface FakeVocabularyFilter {
  languageCode: string;
  words: string[];
  lastModifiedTime: Date;
}

const filterNotFound = () => badRequest("The requested vocabulary filter couldn't be found. Check the vocabulary filter name and try your request again.");
const notFound = () => new AwsJsonError(400, "NotFoundException", "The requested vocabulary filter couldn't be found. Check the vocabulary filter name and try your request again.");

function checkName(errors: ValidationErrors, name: unknown): void {
  if (!errors.required(name, "vocabularyFilterName")) {
    errors.length(String(name), "vocabularyFilterName", 1, 200);
    errors.pattern(String(name), "vocabularyFilterName", "^[0-9a-zA-Z._-]+");
  }
}

/** The filter operations, to merge into the fake's operation table. */
export function vocabularyFilterOperations(filters: Map<string, FakeVocabularyFilter>) {
  const named = (input: Record<string, unknown>) => {
    const errors = new ValidationErrors();
    checkName(errors, input.VocabularyFilterName);
    const invalid = errors.toError("BadRequestException");
    if (invalid !== undefined) throw invalid;
    const filter = filters.get(String(input.VocabularyFilterName));
    if (filter === undefined) throw notFound();
    return { name: String(input.VocabularyFilterName), filter };
  };
  return {
    async CreateVocabularyFilter(input: Record<string, unknown>) {
      const errors = new ValidationErrors();
      checkName(errors, input.VocabularyFilterName);
      if (!errors.required(input.LanguageCode, "languageCode")) errors.oneOf(String(input.LanguageCode), "languageCode", transcribeLanguageCodes);
      const words = Array.isArray(input.Words) ? input.Words.map(String) : undefined;
      if (words !== undefined) {
        errors.length(words, "words", 1, undefined);
        words.forEach((word, index) => errors.length(word, `words.${index + 1}.member`, 1, 256));
      }
      const invalid = errors.toError("BadRequestException");
      if (invalid !== undefined) throw invalid;
      if (input.VocabularyFilterFileUri !== undefined) throw badRequest("The fake takes Words only (VocabularyFilterFileUri is not emulated).");
      if (words === undefined) throw badRequest("Specify Words or VocabularyFilterFileUri.");
      const name = String(input.VocabularyFilterName);
      if (filters.has(name)) throw new AwsJsonError(400, "ConflictException", "The requested vocabulary filter name already exists. Use a different name.");
      const filter = { languageCode: String(input.LanguageCode), words, lastModifiedTime: new Date() };
      filters.set(name, filter);
      return { VocabularyFilterName: name, LanguageCode: filter.languageCode, LastModifiedTime: filter.lastModifiedTime.getTime() / 1000 };
    },
    async GetVocabularyFilter(input: Record<string, unknown>) {
      const { name, filter } = named(input);
      return { VocabularyFilterName: name, LanguageCode: filter.languageCode, LastModifiedTime: filter.lastModifiedTime.getTime() / 1000 };
    },
    async DeleteVocabularyFilter(input: Record<string, unknown>) {
      const { name } = named(input);
      filters.delete(name);
      return {};
    },
  };
}

const identifies = (request: StartTranscriptionJobInput) => request.IdentifyLanguage === true || request.IdentifyMultipleLanguages === true;

/** Refuses a job whose filters are misplaced, unknown or of another language (see the file comment). */
export function checkJobVocabularyFilters(request: StartTranscriptionJobInput, filters: ReadonlyMap<string, FakeVocabularyFilter>): void {
  const settings = request.Settings ?? {};
  const byLanguage = request.LanguageIdSettings;
  if (settings.VocabularyFilterName !== undefined) {
    if (identifies(request)) {
      throw badRequest("With language identification, name vocabulary filters per language in LanguageIdSettings, not in Settings.");
    }
    const filter = filters.get(settings.VocabularyFilterName);
    if (filter === undefined) throw filterNotFound();
    if (filter.languageCode !== request.LanguageCode) {
      throw badRequest(`The vocabulary filter ${settings.VocabularyFilterName} is in ${filter.languageCode}; it can't be used to transcribe ${String(request.LanguageCode)}.`);
    }
  }
  if (byLanguage === undefined) return;
  if (!identifies(request)) throw badRequest("LanguageIdSettings can only be used with IdentifyLanguage or IdentifyMultipleLanguages.");
  const languages = Object.keys(byLanguage);
  if (languages.length > 5) throw badRequest("LanguageIdSettings supports at most five language codes.");
  for (const language of languages) {
    if (!(transcribeLanguageCodes as readonly string[]).includes(language)) throw badRequest(`LanguageIdSettings names an unknown language code ${language}.`);
    if (request.LanguageOptions !== undefined && !request.LanguageOptions.includes(language)) {
      throw badRequest(`LanguageIdSettings names ${language}, which is not among the LanguageOptions.`);
    }
    const name = byLanguage[language]?.VocabularyFilterName;
    if (name === undefined) continue;
    const filter = filters.get(name);
    if (filter === undefined) throw filterNotFound();
    if (filter.languageCode !== language) throw badRequest(`The vocabulary filter ${name} is in ${filter.languageCode}; it can't be used for ${language}.`);
    if (settings.VocabularyFilterMethod === undefined) throw badRequest("VocabularyFilterName requires VocabularyFilterMethod.");
  }
}

/** The filter that applies to a job transcribed in `language`, with its method; undefined for none. */
export function jobVocabularyFilter(
  request: StartTranscriptionJobInput,
  language: string,
  filters: ReadonlyMap<string, FakeVocabularyFilter>,
): { filter: FakeVocabularyFilter; method: string } | undefined {
  const name = identifies(request) ? request.LanguageIdSettings?.[language]?.VocabularyFilterName : request.Settings?.VocabularyFilterName;
  const filter = name === undefined ? undefined : filters.get(name);
  const method = request.Settings?.VocabularyFilterMethod;
  return filter === undefined || method === undefined ? undefined : { filter, method };
}

/** The segments with the filter's words masked (`***`) or removed; `tag` leaves them. Case-insensitive, whole words. */
export function applyVocabularyFilter(segments: readonly FakeTranscribeSegment[], applied: { filter: FakeVocabularyFilter; method: string }): FakeTranscribeSegment[] {
  const words = new Set(applied.filter.words.map((word) => word.toLowerCase()));
  if (applied.method === "tag") return [...segments];
  return segments.map((segment) => ({
    ...segment,
    text: segment.text
      .split(" ")
      .flatMap((token) => {
        const match = /^([\p{L}\p{N}'-]+)(\p{P}*)$/u.exec(token);
        if (match === null || !words.has(match[1]!.toLowerCase())) return [token];
        if (applied.method === "remove") return match[2] === "" ? [] : [match[2]!];
        return [`***${match[2]}`];
      })
      .join(" ")
      .replace(/ +([.,?!])/g, "$1"),
  }));
}
