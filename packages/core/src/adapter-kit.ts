/**
 * `@confide/core/adapter-kit`: the helpers an adapter author uses — mapping HTTP failures to
 * `ConfideError` codes, parsing settings, byte ranges, job ids, retention limits, PCM channels and
 * utterance cutting for live engines, whether a configured server is inside the deployment, and
 * the codecs and rules of the domain values adapters store or produce. An adapter's production code imports this entry and `@confide/core/ports` only.
 *
 * Written by `npm run core:entries` (scripts/core-entries.ts), from who imports each name.
 */
export { assertBlobKey } from "./domain/blob-key.ts";
export { allNotAssessed, isNotAssessed, moodTrajectories, notAssessed, noteListFields, riskSeverities, riskTypes, sessionMoods } from "./domain/clinical-notes.ts";
export { withDeadline } from "./domain/deadline.ts";
export { normalizeForQuote } from "./domain/note-evidence.ts";
export { isNoteFormat, toConfirmLead } from "./domain/note-formats.ts";
export { decodeCursor, fetchSizeOf, pageOfRows } from "./domain/page-cursor.ts";
export { arrangedActAt, askingSubjects, committingSubjects, freshStartAt, hedgesOutcome, intentLeads, likingSequences, namedBefore, openingIntentAt, openingIntentWords, praiseSequences, praiseWords, proposalNouns, stateClauseWords, tentativeSequences, thankedReach, thanksWords, turnSummarisesPlan, unconditionalIf, wantingVerbs, whetherVerbs } from "./domain/plan-commitment.ts";
export { acceptsOffer, arrangingOfferAt, asksWillingness, echoesOffer, harmingActs, offersToArrange, proposesSessionToCome } from "./domain/arranged-offer.ts";
export { confirmsPlainly } from "./domain/confirmed-summary.ts";
export { hedgeAdverbs } from "./domain/hedge-words.ts";
export { agreesFeeling } from "./domain/mood-support.ts";
export { answerAsIntent, asksForDecidedAct, decisionAsked } from "./domain/plan-question.ts";
export type { MatchedWord } from "./domain/word-match.ts";
export type { ClauseWord } from "./domain/plan-commitment.ts";
export { citesPatientOnly } from "./domain/reflection-check.ts";
export { parseRetryAfterMs } from "./domain/retry-after.ts";
export { riskCategories, riskCategoryInfo } from "./domain/risk-category.ts";
export { stepsAsked } from "./domain/safety-follow-ups.ts";
export { pagingCategories } from "./domain/risk-page-rule.ts";
export { segmentWords } from "./domain/segment-words.ts";
export { scoreInBatches, sentimentWeight } from "./domain/sentiment-documents.ts";
export { fromSessionDocument, fromSessionSummaryDocument, toSessionDocument } from "./domain/session-document.ts";
export { searchWords, sessionSearchIndex } from "./domain/session-search-terms.ts";
export { sessionStatuses } from "./domain/session-status.ts";
export { causeChain, unreachableCode, unreachableCodes } from "./domain/unreachable.ts";
export { normalizeEmail } from "./domain/user.ts";
export { fromVoiceDocument, toVoiceDocument } from "./domain/voice-enrolment.ts";
export { createSessionEventFanOut } from "./events/session-event-fan-out.ts";
export { createEventQueue } from "./live-speech/event-queue.ts";
export { createInstantLiveSpeechToText } from "./live-speech/instant-live-speech-to-text.ts";
export { createPcmChannelSplitter, mixToMono } from "./live-speech/pcm-channels.ts";
export { speechProbabilityCutterDefaults, type SpeechProbabilityCutterOptions } from "./live-speech/speech-probability-cutter.ts";
export type { SpeechProbabilityModel } from "./live-speech/speech-probability-model.ts";
export { joinSamples, utteranceCutterDefaults, type UtteranceCutterOptions } from "./live-speech/utterance-cutter.ts";
export { liveRecognitionClosedError, startUtteranceRecognition, type LiveUtterance, type UtteranceStream, type UtteranceStreamStarter, type UtteranceTranscript } from "./live-speech/utterance-recognition.ts";
export { wordInsideFinal } from "./live-speech/word-inside-final.ts";
export { fileSetting, invalidSetting, isPassedObject, parseSettings, switchText } from "./ports/adapter-settings.ts";
export { checkByteRange } from "./ports/byte-range.ts";
export { systemClock } from "./ports/clock.ts";
export { checkEnqueueArguments } from "./ports/job-id.ts";
export { silentLogger } from "./ports/logger.ts";
export { noDiarizer } from "./ports/no-diarizer.ts";
export { isPrivateNetworkUrl } from "./ports/private-network-url.ts";
export { assertRetentionLimit } from "./ports/retention-candidates.ts";
export { unsupportedDatabaseSnapshots } from "./ports/unsupported-snapshots.ts";
export { httpFailureClass, isRetryableHttpFailure, providerHttpError } from "./provider-http-error.ts";
