import { dataOf, type ConfideClient, type Schemas } from "@confide/client";
import { consoleClient } from "../api/console-client.ts";
import type { AcknowledgementReason } from "./acknowledgement.ts";

export type Session = Schemas["Session"];
export type SessionView = Schemas["SessionView"];
export type NoteFormat = Schemas["NoteFormat"];
type NoteSentence = Omit<Schemas["NoteSentence"], "verification"> & { verification: Schemas["NoteVerification"] | null };
/** A progress note (the generated type loses `verification`'s null: an OpenAPI 3.0 nullable reference). */
export type SessionNote = Omit<Schemas["SessionNote"], "sections"> & {
  sections: Array<Omit<Schemas["SessionNote"]["sections"][number], "sentences"> & { sentences: NoteSentence[] }>;
};
export type SpeakerRole = "therapist" | "patient" | "unknown";

/** The page's document (named apart from the FHIR document a download holds). */
const document_ = globalThis.document;

/** The If-Match of a write: the version read, as its ETag. */
const ifMatch = (version: number) => `"${version}"`;

/**
 * The calls of the session view, over the typed client. Every write names the version it read
 * (If-Match); a 412 throws ConfideApiError `session.version_conflict` with `currentVersion`.
 */
export function createSessionApi(client: Pick<ConfideClient, "api">) {
  const { api } = client;
  const path = (id: string) => ({ path: { id } });
  return {
    get: (id: string): Promise<SessionView> => dataOf(api.GET("/v1/sessions/{id}", { params: path(id) })),

    audioLink: (id: string): Promise<{ url: string; expiresAt: string }> =>
      dataOf(api.POST("/v1/sessions/{id}/audio:link", { params: path(id) })),

    editSegment: (id: string, version: number, segmentId: string, text: string): Promise<Session> =>
      dataOf(
        api.PATCH("/v1/sessions/{id}/transcript", {
          params: { ...path(id), header: { "if-match": ifMatch(version) } },
          body: { edits: [{ segmentId, text }] },
        }),
      ),

    relabel: (id: string, version: number, speakers: Array<{ label: string; role: SpeakerRole }>): Promise<Session> =>
      dataOf(api.PUT("/v1/sessions/{id}/speakers", { params: { ...path(id), header: { "if-match": ifMatch(version) } }, body: { speakers } })),

    /** Gives single segments to another of the transcript's speakers. */
    moveSegments: (id: string, version: number, segments: Array<{ id: string; speaker: string }>): Promise<Session> =>
      dataOf(api.PUT("/v1/sessions/{id}/speakers", { params: { ...path(id), header: { "if-match": ifMatch(version) } }, body: { segments } })),

    editNotes: (id: string, version: number, edit: { therapistNotes?: string | null; patientSummary?: string | null }): Promise<Session> =>
      dataOf(api.PUT("/v1/sessions/{id}/notes", { params: { ...path(id), header: { "if-match": ifMatch(version) } }, body: edit })),

    regenerateNotes: (id: string, version: number): Promise<Session> =>
      dataOf(api.POST("/v1/sessions/{id}/notes:regenerate", { params: { ...path(id), header: { "if-match": ifMatch(version) } } })),

    note: (id: string, format: NoteFormat): Promise<SessionNote> =>
      dataOf(api.GET("/v1/sessions/{id}/note", { params: { ...path(id), query: { format } } })) as Promise<SessionNote>,

    /** The finalized note as a FHIR DocumentReference, saved as a file. */
    downloadNoteFhir: async (id: string, format: NoteFormat): Promise<void> => {
      const document = await dataOf(api.GET("/v1/sessions/{id}/note/fhir", { params: { ...path(id), query: { format } } }));
      const url = URL.createObjectURL(new Blob([JSON.stringify(document, null, 2)], { type: "application/fhir+json" }));
      const link = Object.assign(document_.createElement("a"), { href: url, download: `progress-note-${id}.fhir.json` });
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },

    /** Signs the session off; the patient reads the summary only when `releaseSummaryToPatient`. */
    finalize: (id: string, version: number, releaseSummaryToPatient: boolean): Promise<Session> =>
      dataOf(
        api.POST("/v1/sessions/{id}/finalize", {
          params: { ...path(id), header: { "if-match": ifMatch(version) } },
          body: { releaseSummaryToPatient },
        }),
      ),

    /** Acknowledges a flag, saying what was done about it. */
    acknowledgeRiskFlag: (id: string, version: number, flagId: string, reason: AcknowledgementReason): Promise<Session> =>
      dataOf(
        api.POST("/v1/sessions/{id}/risk-flags/{flagId}/acknowledgement", {
          params: { path: { id, flagId }, header: { "if-match": ifMatch(version) } },
          body: reason,
        }),
      ),

    /** Takes an acknowledgement back (its author, within the server's few minutes). */
    undoRiskAcknowledgement: (id: string, version: number, flagId: string): Promise<Session> =>
      dataOf(
        api.DELETE("/v1/sessions/{id}/risk-flags/{flagId}/acknowledgement", {
          params: { path: { id, flagId }, header: { "if-match": ifMatch(version) } },
        }),
      ),

    /** Processes a failed session again (the server refuses when a retry cannot help). */
    retry: (id: string, version: number): Promise<Session> =>
      dataOf(api.POST("/v1/sessions/{id}/retry", { params: { ...path(id), header: { "if-match": ifMatch(version) } } })),

    remove: async (id: string): Promise<void> => {
      await api.DELETE("/v1/sessions/{id}", { params: path(id) });
    },
  };
}

export type SessionApi = ReturnType<typeof createSessionApi>;

/** A therapist's view of a session (the patient view has no review, notes or sentiment). */
export function isTherapistView(session: SessionView): session is Session {
  return "review" in session && "edits" in session.review;
}

/** The session view's calls over the console's one client. */
export const sessionApi = createSessionApi(consoleClient);
