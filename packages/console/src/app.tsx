import { useEffect, useRef, useState } from "preact/hooks";
import { resumeSession } from "./api/api.ts";
import { useAuth } from "./auth/auth-state.ts";
import { lostSignIn, setLostSignIn } from "./auth/lost-sign-in.ts";
import { matchPath, navigate, useLocation } from "./router/router.ts";
import { useHashTarget } from "./router/use-hash-target.ts";
import { homeOf, routes } from "./routes.tsx";
import { NotFoundScreen } from "./screens/not-found-screen.tsx";
import { SignInScreen } from "./screens/sign-in-screen.tsx";
import { AppShell } from "./shell/app-shell.tsx";

/** Signs in again from the refresh cookie on load, then shows the screen the address names. */
export function App() {
  const signed = useAuth();
  const location = useLocation();
  const [resuming, setResuming] = useState(true);
  useHashTarget(location);

  useEffect(() => {
    resumeSession()
      .catch(() => null)
      .finally(() => setResuming(false));
  }, []);

  // Why the last sign-in ended is told on the screen signed in again at; moving on forgets it.
  const signedInAt = useRef<string | null>(null);
  useEffect(() => {
    if (!signed) {
      signedInAt.current = null;
      return;
    }
    if (signedInAt.current === null) signedInAt.current = location.path;
    else if (signedInAt.current !== location.path && lostSignIn.get() !== null) setLostSignIn(null);
  }, [signed, location.path]);

  const home = signed ? homeOf[signed.user.role] : "/";
  useEffect(() => {
    if (signed && location.path === "/") navigate(home, { replace: true });
  }, [signed, location.path, home]);

  if (resuming) {
    return (
      <main id="main" class="loading" aria-busy="true">
        <p>Loading…</p>
      </main>
    );
  }
  if (!signed) return <SignInScreen />;

  for (const route of routes) {
    const params = matchPath(route.path, location.path);
    if (params && route.roles.includes(signed.user.role)) {
      const Screen = route.component;
      return (
        <AppShell user={signed.user}>
          <Screen key={location.path} {...params} />
        </AppShell>
      );
    }
  }
  return (
    <AppShell user={signed.user}>
      {location.path === "/" ? null : <NotFoundScreen home={home} />}
    </AppShell>
  );
}
