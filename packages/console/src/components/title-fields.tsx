/**
 * A session's title and whether the patient is shown it (upload and live start): unticked at
 * first, and the words say what the patient reads either way.
 */
export function TitleFields({
  idPrefix,
  title,
  shared,
  disabled,
  onTitle,
  onShared,
}: {
  idPrefix: string;
  title: string;
  shared: boolean;
  disabled: boolean;
  onTitle: (title: string) => void;
  onShared: (shared: boolean) => void;
}) {
  return (
    <>
      <div class="field">
        <label for={`${idPrefix}-title`}>Title</label>
        <input
          id={`${idPrefix}-title`}
          name="title"
          maxLength={200}
          value={title}
          disabled={disabled}
          aria-describedby={`${idPrefix}-title-hint`}
          onInput={(event) => onTitle(event.currentTarget.value)}
        />
        <p class="hint" id={`${idPrefix}-title-hint`}>
          {shared
            ? "The patient sees this title in their sessions."
            : "For you only: the patient sees “Session of” and the date instead, unless you tick the box below."}
        </p>
      </div>
      <div class="choice">
        <input
          type="checkbox"
          id={`${idPrefix}-title-shared`}
          name="titleShared"
          checked={shared}
          disabled={disabled}
          onChange={(event) => onShared(event.currentTarget.checked)}
        />
        <label for={`${idPrefix}-title-shared`}>Show this title to the patient</label>
      </div>
    </>
  );
}
