import { useRef, useState } from "preact/hooks";
import { signIn } from "../api/api.ts";
import { lostSignInReason, useLostSignIn } from "../auth/lost-sign-in.ts";
import { ErrorMessage } from "../components/error-message.tsx";
import { ScreenHeading } from "./screen-heading.tsx";

/**
 * Email and password; therapists, patients and admins sign in here alike. After a sign-in that
 * ended by itself (refused refresh), it says why, and that the text being typed is kept.
 */
export function SignInScreen() {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const lost = useLostSignIn();
  const passwordField = useRef<HTMLInputElement>(null);
  return (
    <main id="main" class="sign-in">
      <ScreenHeading title="Sign in">Sign in to Confide</ScreenHeading>
      {lost ? (
        <div class="notice" role="status" data-testid="lost-sign-in">
          <p>
            <strong>You were signed out because {lostSignInReason(lost)}.</strong> Sign in again to carry on: anything you were typing is kept in
            this tab and offered back after you sign in.
          </p>
        </div>
      ) : null}
      <form
        class="stack"
        onSubmit={async (event) => {
          event.preventDefault();
          setBusy(true);
          setError(null);
          try {
            await signIn(email.trim(), password);
          } catch (failure) {
            setError(failure);
            setBusy(false);
            // The button was disabled while signing in: the keyboard goes back to the password, which names the error.
            requestAnimationFrame(() => {
              passwordField.current?.focus();
              passwordField.current?.select();
            });
          }
        }}
      >
        <div class="field">
          <label for="sign-in-email">Email</label>
          <input
            id="sign-in-email"
            name="email"
            type="email"
            autocomplete="username"
            required
            value={email}
            aria-describedby={error ? "sign-in-error" : undefined}
            onInput={(event) => setEmail(event.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="sign-in-password">Password</label>
          <input
            ref={passwordField}
            id="sign-in-password"
            name="password"
            type="password"
            autocomplete="current-password"
            required
            value={password}
            aria-describedby={error ? "sign-in-error" : undefined}
            aria-invalid={error ? true : undefined}
            onInput={(event) => setPassword(event.currentTarget.value)}
          />
        </div>
        <ErrorMessage error={error} id="sign-in-error" />
        <button type="submit" class="primary" disabled={busy}>
          {busy ? "Signing in…" : "Sign in"}
        </button>
      </form>
    </main>
  );
}
