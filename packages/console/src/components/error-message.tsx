import { describeError } from "./problem-text.ts";

/** A problem shown in place, announced at once (role="alert"); nothing when there is none. */
export function ErrorMessage({ error, id }: { error: unknown; id?: string }) {
  if (error === null || error === undefined) return null;
  return (
    <p class="error-message" role="alert" id={id}>
      {describeError(error)}
    </p>
  );
}
