import { useEffect, useState } from "preact/hooks";
import { resumeSession } from "./api/api.ts";
import { useAuth } from "./auth/auth-state.ts";
import { matchPath, navigate, useLocation } from "./router/router.ts";
import { homeOf, routes } from "./routes.tsx";
import { NotFoundScreen } from "./screens/not-found-screen.tsx";
import { SignInScreen } from "./screens/sign-in-screen.tsx";
import { AppShell } from "./shell/app-shell.tsx";

/** Signs in again from the refresh cookie on load, then shows the screen the address names. */
export function App() {
  const signed = useAuth();
  const location = useLocation();
  const [resuming, setResuming] = useState(true);

  useEffect(() => {
    resumeSession()
      .catch(() => null)
      .finally(() => setResuming(false));
  }, []);

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
