/**
 * The address of every console screen, as a path pattern (`:name` is one path segment), and `/`
 * (the sign-in page, which sends each role to its home). The console's build writes this list
 * to `console-paths.json` beside its page, so the server answers these paths with the console
 * and every other path with the API's JSON 404. `routes.tsx` holds the same patterns; a test
 * keeps the two equal.
 */
export const screenPaths: readonly string[] = [
  "/",
  "/sessions",
  "/review",
  "/upload",
  "/live",
  "/patients",
  "/account",
  "/patients/:patientId/consent",
  "/sessions/:id",
  "/my-sessions",
  "/my-consent",
  "/admin/users",
];

/** The name of the file the build writes the list to, beside index.html. */
export const screenPathsFile = "console-paths.json";
