import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { signOut } from "../api/api.ts";
import type { User } from "../api/api-types.ts";
import { Announcer } from "../components/announcer.tsx";
import { navigate, useLocation, type Location } from "../router/router.ts";
import { Link } from "../router/link.tsx";
import { routes } from "../routes.tsx";

const roleNames = { therapist: "Therapist", patient: "Patient", admin: "Administrator" } as const;

/**
 * The frame of every signed-in screen: skip link, banner with the role's navigation, main, live
 * region. On a phone the navigation folds behind a "Menu" button (it closes again on each move).
 */
export function AppShell({ user, children }: { user: User; children: ComponentChildren }) {
  const entries = routes.filter((route) => route.nav && route.roles.includes(user.role));
  // The menu is open at the location where it was opened: each move sets a new location, so it
  // closes in the same render that shows the new screen (an effect would close it a frame later).
  const here = useLocation();
  const [openAt, setOpenAt] = useState<Location | null>(null);
  const menuOpen = openAt === here;
  return (
    <>
      <a class="skip-link" href="#main">
        Skip to main content
      </a>
      <header class={`banner${menuOpen ? " menu-open" : ""}`}>
        <div class="brand">
          <span class="brand-name">Confide</span>
          <span class="brand-role">{roleNames[user.role]}</span>
        </div>
        <button type="button" class="menu-toggle secondary" aria-expanded={menuOpen} aria-controls="main-navigation" onClick={() => setOpenAt(menuOpen ? null : here)}>
          Menu
        </button>
        <nav aria-label="Main" id="main-navigation">
          <ul>
            {entries.map((route) => (
              <li key={route.path}>
                <Link href={route.path} current>
                  {route.nav}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div class="account">
          <span class="account-name">{user.displayName}</span>
          <button
            type="button"
            class="secondary"
            onClick={async () => {
              await signOut();
              navigate("/", { replace: true });
            }}
          >
            Sign out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <Announcer />
    </>
  );
}
