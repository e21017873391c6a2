import { useRef, useState } from "preact/hooks";

/** Today's topics as they are typed, one by one, each removable; the draft line is this field's own. */
export function LiveAgendaField({ agenda, disabled, onChange }: { agenda: string[]; disabled: boolean; onChange: (agenda: string[]) => void }) {
  const [draft, setDraft] = useState("");
  const input = useRef<HTMLInputElement>(null);
  const add = () => {
    const text = draft.trim();
    if (text === "") return;
    onChange([...agenda, text]);
    setDraft("");
    input.current?.focus();
  };
  const remove = (index: number) => {
    onChange(agenda.filter((_, at) => at !== index));
    // The removed topic's button is gone: the focus goes back to the topic field, not the page.
    input.current?.focus();
  };
  return (
    <fieldset class="field" disabled={disabled}>
      <legend>Today's topics</legend>
      <p class="hint" id="live-agenda-hint">
        Topics you plan to talk about; each is marked when the conversation covers it. With none, the previous session's follow-up topics and unresolved
        concerns are used.
      </p>
      {agenda.length === 0 ? null : (
        <ul class="agenda-draft">
          {agenda.map((item, index) => (
            <li key={`${index}-${item}`}>
              <span>{item}</span>{" "}
              <button type="button" class="secondary" onClick={() => remove(index)}>
                Remove<span class="visually-hidden"> topic “{item}”</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <label for="live-agenda-item">Topic</label>
      <div class="inline-field">
        <input
          id="live-agenda-item"
          ref={input}
          maxLength={300}
          aria-describedby="live-agenda-hint"
          value={draft}
          onInput={(event) => setDraft(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              event.preventDefault();
              add();
            }
          }}
        />
        <button type="button" class="secondary" onClick={add}>
          Add topic
        </button>
      </div>
    </fieldset>
  );
}
