import { raisedFlagWords } from "./raised-flags.ts";

/** The id of the risk banner's heading: where "Go to the risk flags" takes the focus. */
export const riskBannerHeadingId = "risk-alert-heading";

/** Scrolls to the risk banner and gives its heading the focus. */
export function goToRiskBanner(): void {
  const heading = document.getElementById(riskBannerHeadingId);
  if (!heading) return;
  heading.scrollIntoView({ block: "start" });
  heading.focus({ preventScroll: true });
}

/**
 * Under a corrected segment whose correction raised risk flags: what was raised, and a link to
 * the banner where they are acknowledged (the banner is at the top, out of view while the
 * therapist corrects).
 */
export function RaisedFlagNotice({ headings }: { headings: readonly string[] }) {
  return (
    <p class="raised-flag-notice">
      <span aria-hidden="true">⚠ </span>
      This correction raised {raisedFlagWords(headings)}.{" "}
      <a
        href={`#${riskBannerHeadingId}`}
        onClick={(event) => {
          event.preventDefault();
          goToRiskBanner();
        }}
      >
        Go to the risk flags
      </a>
    </p>
  );
}
