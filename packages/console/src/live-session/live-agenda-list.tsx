import type { LiveTranscript } from "./live-transcript.ts";

/** The id of a live segment's element: where "Show where" moves the focus. */
export const segmentElementId = (segmentId: string) => `live-${segmentId}`;

/** Scrolls to the covering segment and moves the focus there (it is focusable for this). */
function showSegment(segmentId: string): void {
  const element = document.getElementById(segmentElementId(segmentId));
  element?.scrollIntoView({ block: "center" });
  element?.focus();
}

/** Today's topics, each marked in words once covered, with a way to the segment that covered it. */
export function LiveAgendaList({ transcript }: { transcript: LiveTranscript }) {
  if (transcript.agenda.length === 0) return <p class="hint">No topics for today.</p>;
  return (
    <ul class="live-agenda">
      {transcript.agenda.map((item) => (
        <li key={item.id} data-covered={item.covered ? "true" : "false"}>
          <span class={item.covered ? "chip chip-covered" : "chip"}>{item.covered ? "Covered" : "Not yet"}</span> {item.text}
          {item.covered ? (
            <>
              {" "}
              <button type="button" class="link-button" onClick={() => showSegment(item.covered?.segmentId ?? "")}>
                Show where<span class="visually-hidden"> “{item.text}” was covered</span>
              </button>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
