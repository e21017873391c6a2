import type { ComponentType } from "preact";
import type { Role } from "./api/api-types.ts";
import { AccountScreen } from "./screens/account-screen.tsx";
import { AdminUsersScreen } from "./screens/admin-users-screen.tsx";
import { PatientSessionsScreen } from "./screens/patient-sessions-screen.tsx";
import { MyConsentScreen } from "./consent/my-consent-screen.tsx";
import { PatientConsentScreen } from "./consent/patient-consent-screen.tsx";
import { PatientsScreen } from "./screens/patients-screen.tsx";
import { SessionsScreen } from "./screens/sessions-screen.tsx";
import { UploadScreen } from "./screens/upload-screen.tsx";
import { SessionScreen } from "./session/session-screen.tsx";
import { LiveScreen } from "./live-session/live-screen.tsx";

/**
 * Every screen of the console, in one table: its path pattern (`:name` parts become props), the
 * roles that may open it, and its entry in the navigation (none for screens reached by a link).
 * A new screen is one entry here.
 */
export interface ScreenRoute {
  path: string;
  roles: readonly Role[];
  component: ComponentType<Record<string, string>>;
  nav?: string;
}

export const routes: readonly ScreenRoute[] = [
  { path: "/sessions", roles: ["therapist"], component: () => <SessionsScreen view="all" />, nav: "Sessions" },
  { path: "/review", roles: ["therapist"], component: () => <SessionsScreen view="pending" />, nav: "Pending review" },
  { path: "/upload", roles: ["therapist"], component: UploadScreen, nav: "Upload" },
  { path: "/live", roles: ["therapist"], component: LiveScreen, nav: "Live session" },
  { path: "/patients", roles: ["therapist"], component: PatientsScreen, nav: "Patients" },
  { path: "/account", roles: ["therapist"], component: AccountScreen, nav: "Your account" },
  { path: "/patients/:patientId/consent", roles: ["therapist"], component: ({ patientId }) => <PatientConsentScreen patientId={patientId ?? ""} /> },
  { path: "/sessions/:id", roles: ["therapist"], component: ({ id }) => <SessionScreen id={id ?? ""} /> },
  {
    path: "/my-sessions",
    roles: ["patient"],
    component: PatientSessionsScreen,
    nav: "My sessions",
  },
  { path: "/my-consent", roles: ["patient"], component: MyConsentScreen, nav: "My consent" },
  {
    path: "/admin/users",
    roles: ["admin"],
    component: AdminUsersScreen,
    nav: "Users",
  },
];

/** Where each role lands after signing in (and at `/`). */
export const homeOf: Record<Role, string> = {
  therapist: "/sessions",
  patient: "/my-sessions",
  admin: "/admin/users",
};
