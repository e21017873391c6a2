/**
 * The README's first requests (sign in, pick the patient, upload, follow processing, read the
 * transcript) with the typed client, against a running `confide serve`:
 *
 *   CONFIDE_URL=http://localhost:8080 CONFIDE_EMAIL=therapist@confide.local CONFIDE_PASSWORD=<printed password> \
 *     npm run --silent example:api-client -- /tmp/confide-audio/dialogue-stereo.wav --per-channel
 *
 * Prints the upload's progress and each status on stderr, then the session's first segments as JSON.
 */
import { ConfideApiError, createConfideClient, dataOf, type Session, type UploadProgress } from "@confide/client";
import { openAsBlob } from "node:fs";
import { basename } from "node:path";

export interface ApiClientExampleInput {
  baseUrl: string;
  email: string;
  password: string;
  file: string;
  perChannel?: boolean;
  onProgress?: (progress: UploadProgress) => void;
  onStatus?: (status: string) => void;
}

/** Signs in, uploads `file` for the therapist's first patient, follows it to the end, returns the session. */
export async function uploadAndFollow(input: ApiClientExampleInput): Promise<Session> {
  const confide = createConfideClient({ baseUrl: input.baseUrl });
  await confide.signIn({ email: input.email, password: input.password });
  const patients = await dataOf(confide.api.GET("/v1/patients", { params: { query: { limit: 1 } } }));
  const patient = patients.items[0];
  if (!patient) throw new Error(`${input.email} has no patient: link one first (confide seed does).`);

  // A Blob from disk: read as it is sent, never held whole in memory.
  const audio = await openAsBlob(input.file, { type: "audio/wav" });
  const created = await confide
    .uploadSession(
      {
        patientId: patient.id,
        title: basename(input.file),
        audio,
        fileName: basename(input.file),
        ...(input.perChannel ? { settings: { channelLayout: "per-channel", channelRoles: ["therapist", "patient"] } } : {}),
      },
      input.onProgress ? { onProgress: input.onProgress } : {},
    )
    .catch((error: unknown) => {
      if (ConfideApiError.is(error, "consent.missing")) {
        throw new Error(`${patient.displayName} has not consented (${error.message}): record the consent they signed first (README, "First requests").`, { cause: error });
      }
      throw error;
    });

  for await (const event of confide.sessionEvents(created.id)) {
    if (event.type === "status") input.onStatus?.(event.status);
  }
  const session = await dataOf(confide.api.GET("/v1/sessions/{id}", { params: { path: { id: created.id } } }));
  await confide.signOut();
  return session as Session;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file] = process.argv.slice(2).filter((argument) => !argument.startsWith("--"));
  const { CONFIDE_URL = "http://localhost:8080", CONFIDE_EMAIL, CONFIDE_PASSWORD } = process.env;
  if (!file || !CONFIDE_EMAIL || !CONFIDE_PASSWORD) {
    process.stderr.write("usage: CONFIDE_EMAIL=… CONFIDE_PASSWORD=… [CONFIDE_URL=…] npm run example:api-client -- <audio file> [--per-channel]\n");
    process.exit(2);
  }
  const session = await uploadAndFollow({
    baseUrl: CONFIDE_URL,
    email: CONFIDE_EMAIL,
    password: CONFIDE_PASSWORD,
    file,
    perChannel: process.argv.includes("--per-channel"),
    onProgress: ({ sentBytes, totalBytes }) => process.stderr.write(`uploaded ${sentBytes} of ${totalBytes} bytes\n`),
    onStatus: (status) => process.stderr.write(`status: ${status}\n`),
  });
  const speakers = new Map(session.transcript?.speakers.map((speaker) => [speaker.label, speaker.role]));
  const segments = (session.transcript?.segments ?? []).slice(0, 3).map((segment) => ({ role: speakers.get(segment.speaker), startMs: segment.startMs, text: segment.text }));
  process.stdout.write(`${JSON.stringify({ id: session.id, status: session.status, segments }, null, 2)}\n`);
}
