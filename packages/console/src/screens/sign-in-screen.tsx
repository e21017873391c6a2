import { useState } from "preact/hooks";
import { signIn } from "../api/api.ts";
import { ErrorMessage } from "../components/error-message.tsx";
import { ScreenHeading } from "./screen-heading.tsx";

/** Email and password; therapists, patients and admins sign in here alike. */
export function SignInScreen() {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  return (
    <main id="main" class="sign-in">
      <ScreenHeading title="Sign in">Sign in to Confide</ScreenHeading>
      <form
        class="stack"
        aria-describedby={error ? "sign-in-error" : undefined}
        onSubmit={async (event) => {
          event.preventDefault();
          setBusy(true);
          setError(null);
          try {
            await signIn(email.trim(), password);
          } catch (failure) {
            setError(failure);
            setBusy(false);
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
            onInput={(event) => setEmail(event.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="sign-in-password">Password</label>
          <input
            id="sign-in-password"
            name="password"
            type="password"
            autocomplete="current-password"
            required
            value={password}
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
