import type { LiveAgendaItem, LiveRole, LiveServerMessage, LiveSuggestion } from "./live-messages.ts";

/** A final segment as the live view shows it, with the patient's sentiment once scored. */
export interface LiveSegment {
  segmentId: string;
  speaker: string;
  role: LiveRole;
  text: string;
  startMs: number;
  sentiment?: "positive" | "neutral" | "negative" | "mixed";
}

/** Everything the live view shows of a session while it runs, built from the server's messages. */
export interface LiveTranscript {
  sessionId: string | null;
  segments: LiveSegment[];
  /** The engine's current hypothesis, replaced by the next final (engines with partials). */
  partial: { speaker: string; text: string } | null;
  agenda: LiveAgendaItem[];
  warnings: string[];
  storedBytes: number;
  /** No live text: the session is only recorded, and transcribed once it ends. */
  recordOnly: boolean;
  /** Suggestions still open: neither withdrawn by the server nor marked asked or dismissed here. */
  suggestions: LiveSuggestion[];
  /** Suggestions that left the panel (withdrawn, asked or dismissed): a resent one stays gone. */
  settledSuggestions: string[];
  /** Segments a safety suggestion cited: words about suicide or self-harm, whose sentiment is not shown. */
  safetyCited: string[];
}

export const emptyLiveTranscript: LiveTranscript = {
  sessionId: null,
  segments: [],
  partial: null,
  agenda: [],
  warnings: [],
  storedBytes: 0,
  recordOnly: false,
  suggestions: [],
  settledSuggestions: [],
  safetyCited: [],
};

/**
 * The segment's sentiment as the view shows it, or null. None beside words a safety suggestion
 * cited: a word-list sentiment of "I've been thinking about ending it" reads "mixed" or even
 * "positive", which misleads more than it tells.
 */
export function shownSentiment(state: LiveTranscript, segment: LiveSegment): LiveSegment["sentiment"] | null {
  return segment.sentiment && !state.safetyCited.includes(segment.segmentId) ? segment.sentiment : null;
}

/** How many suggestions the panel shows at once. */
export const shownSuggestions = 3;

const suggestionRank = (suggestion: LiveSuggestion) => (suggestion.urgent ? 0 : { safety: 1, agenda: 2, reflection: 3 }[suggestion.kind]);

/** The suggestions to show: urgent safety, safety, agenda, reflection, newest first within each; at most three. */
export function suggestionsToShow(state: LiveTranscript): LiveSuggestion[] {
  return [...state.suggestions]
    .sort((a, b) => suggestionRank(a) - suggestionRank(b) || Date.parse(b.at) - Date.parse(a.at))
    .slice(0, shownSuggestions);
}

/**
 * The words a suggestion cites, as the view received them, in the order cited: what a reflection
 * says back, shown beside it so the therapist can weigh it against what the patient said. A cited
 * segment the view has not received (a resumed view) is left out.
 */
export function citedWords(state: LiveTranscript, suggestion: Pick<LiveSuggestion, "cites">): string[] {
  return suggestion.cites.flatMap((id) => state.segments.find((segment) => segment.segmentId === id)?.text ?? []);
}

/** A suggestion leaves the panel (the therapist marked it asked or dismissed it, or the server took it back). */
export function settleSuggestion(state: LiveTranscript, id: string): LiveTranscript {
  return {
    ...state,
    suggestions: state.suggestions.filter((suggestion) => suggestion.id !== id),
    settledSuggestions: state.settledSuggestions.includes(id) ? state.settledSuggestions : [...state.settledSuggestions, id],
  };
}

/** What the therapist reads when the server has no room for live text: the session is recorded all the same. */
export const recordOnlyWarning = "Live text is busy right now; this session is being recorded and will be transcribed when it ends.";

/** The view's own words for the warnings it knows by code; others are shown as the server words them. */
const warningTexts: Record<string, string> = { "live.capacity": recordOnlyWarning };

/**
 * Folds one server message into the view. A resumed `started` keeps what was already received;
 * a final replaces the partial; a sentiment lands on its segment; a covered topic is marked with
 * its covering segment; a suggestion joins the open ones and a withdrawn one leaves. Messages about the connection itself (`ended`, `error`) change nothing here.
 */
export function applyLiveMessage(state: LiveTranscript, message: LiveServerMessage): LiveTranscript {
  const storedBytes = Math.max(state.storedBytes, message.storedBytes ?? 0);
  switch (message.type) {
    case "started":
      return {
        ...state,
        sessionId: message.sessionId,
        agenda: message.resumed ? mergeAgenda(state.agenda, message.agenda) : message.agenda,
        storedBytes,
        recordOnly: (message.recordOnly ?? null) !== null,
      };
    case "partial":
      return { ...state, partial: { speaker: message.speaker, text: message.text }, storedBytes };
    case "final": {
      if (state.segments.some((segment) => segment.segmentId === message.segmentId)) return { ...state, partial: null, storedBytes };
      const segment: LiveSegment = { segmentId: message.segmentId, speaker: message.speaker, role: message.role, text: message.text, startMs: message.startMs };
      return { ...state, segments: [...state.segments, segment], partial: null, storedBytes };
    }
    case "sentiment":
      return {
        ...state,
        segments: state.segments.map((segment) => (segment.segmentId === message.segmentId ? { ...segment, sentiment: message.label } : segment)),
        storedBytes,
      };
    case "topic_covered":
      return {
        ...state,
        agenda: state.agenda.map((item) =>
          item.id === message.itemId ? { ...item, covered: { segmentId: message.segmentId, matchedTerms: message.matchedTerms } } : item,
        ),
        storedBytes,
      };
    case "suggestion": {
      const { type: _type, storedBytes: _stored, ...suggestion } = message;
      const safetyCited =
        suggestion.kind === "safety" ? [...new Set([...state.safetyCited, ...suggestion.cites])] : state.safetyCited;
      if (state.settledSuggestions.includes(suggestion.id)) return { ...state, safetyCited, storedBytes };
      return { ...state, suggestions: [...state.suggestions.filter((shown) => shown.id !== suggestion.id), suggestion], safetyCited, storedBytes };
    }
    case "suggestion-withdrawn":
      return { ...settleSuggestion(state, message.id), storedBytes };
    case "warning": {
      const text = warningTexts[message.code] ?? message.message;
      // Said once, also when a resume says it again.
      return { ...state, warnings: state.warnings.includes(text) ? state.warnings : [...state.warnings, text], storedBytes };
    }
    default:
      return { ...state, storedBytes };
  }
}

/** The server's agenda after a resume, keeping coverage this view already saw. */
function mergeAgenda(known: LiveAgendaItem[], fromServer: LiveAgendaItem[]): LiveAgendaItem[] {
  return fromServer.map((item) => (item.covered ? item : (known.find((seen) => seen.id === item.id) ?? item)));
}
