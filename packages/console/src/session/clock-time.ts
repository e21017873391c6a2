/** Whole hours, minutes and seconds of a position (before the start counts as 0). */
function timeParts(ms: number): { hours: number; minutes: number; seconds: number } {
  const totalSeconds = Math.max(0, Math.floor(ms / 1000));
  return { hours: Math.floor(totalSeconds / 3600), minutes: Math.floor((totalSeconds % 3600) / 60), seconds: totalSeconds % 60 };
}

/** A position in a recording as people read it: `m:ss`, or `h:mm:ss` from an hour on. */
export function clockTime(ms: number): string {
  const { hours, minutes, seconds } = timeParts(ms);
  const ss = String(seconds).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${ss}` : `${minutes}:${ss}`;
}

/** The same position spoken in full, for screen readers: "1 minute 5 seconds". */
export function spokenTime(ms: number): string {
  const { hours, minutes, seconds } = timeParts(ms);
  const part = (value: number, unit: string) => `${value} ${unit}${value === 1 ? "" : "s"}`;
  const parts = [
    ...(hours > 0 ? [part(hours, "hour")] : []),
    ...(minutes > 0 ? [part(minutes, "minute")] : []),
    ...(seconds > 0 || (hours === 0 && minutes === 0) ? [part(seconds, "second")] : []),
  ];
  return parts.join(" ");
}
