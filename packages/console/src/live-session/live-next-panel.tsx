import { useLayoutEffect, useRef } from "preact/hooks";
import { segmentElementId } from "./live-agenda-list.tsx";
import type { LiveSuggestion } from "./live-messages.ts";
import { citedWords, suggestionsToShow, type LiveTranscript } from "./live-transcript.ts";

export type SuggestionAction = "used" | "dismissed";

/** What each suggestion is, in words (never only a colour). */
export function suggestionKindName(suggestion: Pick<LiveSuggestion, "kind" | "urgent">): string {
  if (suggestion.kind === "safety") return suggestion.urgent ? "Safety: urgent" : "Safety question";
  return suggestion.kind === "agenda" ? "Topic not yet covered" : "Reflection";
}

/** The keys of the panel: with a suggestion's button focused, one key marks it. */
const keyActions: Record<string, SuggestionAction> = { a: "used", d: "dismissed" };

/** Scrolls to the cited segment and moves the focus there (the therapist asked for it). */
function showSegment(segmentId: string): void {
  const element = document.getElementById(segmentElementId(segmentId));
  element?.scrollIntoView({ block: "center" });
  element?.focus();
}

/**
 * The "Next" panel beside the live transcript: at most three suggestions, safety first (urgent
 * first), each marked in words — a reflection with the patient's words it says back —, each with
 * "Asked" ("Used" for a reflection) and "Dismiss" — also the keys A and D while one
 * of its buttons has the focus. A new suggestion never takes the focus; when the focused one
 * leaves (marked, or taken back by the server), the focus goes to the next one, else to the panel.
 * While the patient can see the screen, nothing of it is shown.
 */
export function LiveNextPanel({
  transcript,
  hidden,
  onOutcome,
}: {
  transcript: LiveTranscript;
  /** The patient can see the screen: the suggestions are hidden, and the panel says so. */
  hidden: boolean;
  onOutcome: (suggestion: LiveSuggestion, action: SuggestionAction) => void;
}) {
  const shown = hidden ? [] : suggestionsToShow(transcript);
  const panel = useRef<HTMLDivElement>(null);
  /** The suggestion holding the focus, with the one after it (where the focus goes when it leaves). */
  const focused = useRef<{ id: string; next: string | null } | null>(null);
  const shownIds = shown.map((suggestion) => suggestion.id).join("\n");

  // Before the browser paints the new list, so the focus never rests on the page in between.
  useLayoutEffect(() => {
    const was = focused.current;
    if (!was || shown.some((suggestion) => suggestion.id === was.id)) return;
    focused.current = null;
    const active = document.activeElement;
    // Only a focus that fell to the page is put back: a focus elsewhere stays where it is.
    if (active && active !== document.body && panel.current && !panel.current.contains(active)) return;
    const next = was.next === null ? null : panel.current?.querySelector<HTMLButtonElement>(`[data-suggestion-id="${CSS.escape(was.next)}"] button.suggestion-asked`);
    (next ?? panel.current)?.focus();
  }, [shownIds]);

  const act = (suggestion: LiveSuggestion, action: SuggestionAction) => {
    const at = shown.findIndex((entry) => entry.id === suggestion.id);
    const after = shown[at + 1] ?? shown[at - 1] ?? null;
    if (focused.current?.id === suggestion.id) focused.current = { id: suggestion.id, next: after?.id ?? null };
    onOutcome(suggestion, action);
  };

  return (
    <div ref={panel} tabIndex={-1} class="live-next-body" data-testid="live-next">
      {hidden ? (
        <p class="hint">Hidden while the patient can see this screen.</p>
      ) : transcript.recordOnly ? (
        <p class="hint">No suggestions: this session is recorded without live text.</p>
      ) : shown.length === 0 ? (
        <p class="hint">Nothing to suggest yet. A safety question appears here if the patient speaks of suicidal thinking or self-harm; near the planned end, the topics not yet covered.</p>
      ) : (
        <>
          <p class="hint" id="live-next-keys">
            Keys: A marks the focused suggestion asked, D dismisses it.
          </p>
          <ol
            class="live-next"
            aria-describedby="live-next-keys"
            onFocusIn={(event) => {
              const item = (event.target as HTMLElement).closest<HTMLElement>("[data-suggestion-id]");
              const id = item?.dataset.suggestionId;
              if (id) {
                const at = shown.findIndex((entry) => entry.id === id);
                focused.current = { id, next: (shown[at + 1] ?? shown[at - 1])?.id ?? null };
              }
            }}
            onKeyDown={(event) => {
              if (event.altKey || event.ctrlKey || event.metaKey) return;
              const action = keyActions[event.key.toLowerCase()];
              const id = (event.target as HTMLElement).closest<HTMLElement>("[data-suggestion-id]")?.dataset.suggestionId;
              const suggestion = shown.find((entry) => entry.id === id);
              if (!action || !suggestion) return;
              event.preventDefault();
              act(suggestion, action);
            }}
          >
            {shown.map((suggestion) => (
              <li
                key={suggestion.id}
                data-suggestion-id={suggestion.id}
                data-kind={suggestion.kind}
                class={`suggestion suggestion-${suggestion.kind}${suggestion.urgent ? " suggestion-urgent" : ""}`}
              >
                <p class="suggestion-kind">{suggestionKindName(suggestion)}</p>
                <p class="suggestion-text">{suggestion.text}</p>
                {suggestion.kind === "reflection" && citedWords(transcript, suggestion).length > 0 ? (
                  <p class="hint suggestion-cited">Their words: “{citedWords(transcript, suggestion).join(" … ")}”</p>
                ) : null}
                <p class="hint suggestion-why">{suggestion.why}</p>
                <div class="suggestion-actions">
                  <button type="button" class="suggestion-asked" onClick={() => act(suggestion, "used")}>
                    {suggestion.kind === "reflection" ? "Used" : "Asked"}
                    <span class="visually-hidden">: {suggestion.text}</span>
                  </button>
                  <button type="button" class="secondary" onClick={() => act(suggestion, "dismissed")}>
                    Dismiss<span class="visually-hidden">: {suggestion.text}</span>
                  </button>
                  {suggestion.cites.length > 0 ? (
                    <button type="button" class="link-button" onClick={() => showSegment(suggestion.cites.at(-1) ?? "")}>
                      Show their words
                    </button>
                  ) : null}
                </div>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
