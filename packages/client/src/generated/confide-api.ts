/**
 * The Confide API's paths and schemas, generated from the host's /openapi.json by
 * openapi-typescript. Do not edit: run `npm run client:generate` after changing a route.
 */
export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process answers */
        get: operations["checkLiveness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This API's OpenAPI 3.1 document */
        get: operations["getOpenApiDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readiness: every configured dependency answers
         * @description Lists each dependency with its error code (e.g. `speech.engine_unavailable`) when it does not answer. The dependencies are checked at most once every 5 seconds, however many callers ask: callers at the same moment share one check, and an answer may be up to 30 seconds old (a newer check then runs for the next caller).
         */
        get: operations["checkReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/retention": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What the retention policy would delete now, and why (dry run)
         * @description Lists the sessions each configured rule (CONFIDE_RETENTION_*) reaches now: session id, rule, finalized or failed date, and the legal holds that spare it. Deletes nothing. Ids and dates only: no clinical content. What `confide retention --dry-run` prints, for use while the server holds the embedded database.
         */
        get: operations["previewRetention"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/retention/sweep": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run one retention sweep now
         * @description Deletes what the retention policy reaches now, except what a legal hold covers, as the worker's periodic sweep does; each deletion is audited with its rule. Safe to repeat and to run beside the worker's.
         */
        post: operations["sweepRetention"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Page through accounts */
        get: operations["listUsers"];
        put?: never;
        /** Open an account */
        post: operations["createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Erase an account and everything about it
         * @description For a patient: every session about them (recording and record), devices, tokens, care relations and the account. A therapist who still owns sessions is refused (409 `user.has_sessions`); so is a patient a legal hold covers, on them or on one of their sessions (409 `session.legal_hold`, before anything changes).
         */
        delete: operations["eraseUser"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/users/{id}/patients/{patientId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record that a therapist treats a patient
         * @description Linking twice changes nothing.
         */
        post: operations["linkPatient"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with email and password
         * @description Failed attempts are counted per account and client address, per address and per account. Over a limit the answer is 429 `auth.throttled` with Retry-After: a pair (account, address) that failed 5 times waits for the window (15 minutes) to end; an account that failed 20 times from any address is locked for 15 minutes; an address that failed 50 times is slowed down: an account that has failed in the window waits, a wrong or unknown one is answered 429 instead of 401, and a correct password for an account that has not failed still signs in. A successful cookie-mode sign-in (a browser) also sets the `confide_device` cookie (HttpOnly, path /v1/auth): a later sign-in of the same account from that browser is limited by that device's own failures instead, so a burst of failures from a shared address does not keep it out.
         *
         *     With `refreshTokenIn: "cookie"`, the refresh token is set as a cookie rather than returned. **Cookie mode** (browsers): the refresh token is set in an `HttpOnly; Secure; SameSite=Strict` cookie `confide_refresh` with `Path=/v1/auth` and left out of the body, so page scripts never see it. A request that uses the cookie must carry the `Confide-CSRF: 1` header and come from this origin (`Sec-Fetch-Site`, `Origin`); otherwise it is 403 `auth.csrf_rejected`.
         */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End a sign-in
         * @description Revokes the refresh token's whole family, and every access token of the caller within seconds on every API process (other devices trade their refresh token for a new access token). An unknown refresh token revokes no refresh token.
         *
         *     Without `refreshToken` in the body the `confide_refresh` cookie is used and cleared (the `Confide-CSRF` header is then required: 403 `auth.csrf_rejected` otherwise).
         */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change the caller's password
         * @description Every refresh and access token of the account is revoked: every device, this one included, must sign in again. The new password must be at least 12 characters, not contain the email or name, and not be easy to guess (400 `auth.weak_password` says why).
         */
        post: operations["changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Trade a refresh token for a new token pair
         * @description Refresh tokens rotate: each can be used once. Presenting a used token again revokes the whole sign-in (401 `auth.refresh_reused`).
         *
         *     Without `refreshToken` in the body the cookie is used, rotated the same way, and cleared when refused. **Cookie mode** (browsers): the refresh token is set in an `HttpOnly; Secure; SameSite=Strict` cookie `confide_refresh` with `Path=/v1/auth` and left out of the body, so page scripts never see it. A request that uses the cookie must carry the `Confide-CSRF: 1` header and come from this origin (`Sec-Fetch-Site`, `Origin`); otherwise it is 403 `auth.csrf_rejected`.
         */
        post: operations["refreshToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/devices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's devices, newest first */
        get: operations["listDevices"];
        put?: never;
        /**
         * Register a phone or browser for push notifications
         * @description Call it at every app start. Registering a known token again refreshes it (it is not a new device); a token registered by another user moves to the caller. A user has at most 20 devices: registering one more never fails, it removes the device not seen (registered or refreshed) for the longest time.
         */
        post: operations["registerDevice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/devices/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Stop notifications to a device */
        delete: operations["removeDevice"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/legal-holds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The legal holds on a patient and their sessions
         * @description Newest first; released ones too unless active=true. An administrator (the compliance role) may hold and release anything; a therapist may hold their own sessions and the patients in their care, and release only the holds they set. Patients may not. A hold reveals no clinical content.
         */
        get: operations["listLegalHolds"];
        put?: never;
        /**
         * Put a legal hold on a session or on a patient
         * @description Until released, nothing it covers is deleted: the retention sweep skips it, a therapist's delete and a patient's erasure answer 409 `session.legal_hold`. Name exactly one of sessionId and patientId (all the patient's sessions, those recorded later too). Audited. An administrator (the compliance role) may hold and release anything; a therapist may hold their own sessions and the patients in their care, and release only the holds they set. Patients may not. A hold reveals no clinical content.
         */
        post: operations["setLegalHold"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/legal-holds/{id}/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Release a legal hold
         * @description What it covered may be deleted again (the next retention sweep deletes what is due). Releasing a released hold changes nothing. Audited. An administrator (the compliance role) may hold and release anything; a therapist may hold their own sessions and the patients in their care, and release only the holds they set. Patients may not. A hold reveals no clinical content.
         */
        post: operations["releaseLegalHold"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's profile */
        get: operations["getProfile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change the display name, record consent, or set the default note format
         * @description `defaultNoteFormat` (therapists only; 403 otherwise): the note format of new sessions whose upload or live start names none.
         */
        patch: operations["updateProfile"];
        trace?: never;
    };
    "/v1/me/consent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's consent in force and its whole history (a patient) */
        get: operations["getOwnConsent"];
        put?: never;
        /**
         * Give consent electronically (a patient)
         * @description Appends an `electronic` grant by the patient: the form they read (its version and the sha256 of its text) and the scopes they agree to.
         */
        post: operations["grantOwnConsent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/consent/withdrawals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Withdraw consent (a patient)
         * @description Appends a withdrawal of the named scopes (everything in force when none are named). Processing that the remaining consent no longer covers stops at once; with `eraseSessions: true` every session about the patient is erased.
         */
        post: operations["withdrawOwnConsent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download everything Confide holds about the caller
         * @description A JSON file (Content-Disposition: attachment): profile, care relations, devices, sessions, audit events. A patient's export holds only what the patient may see: their own actions, others' account events about them, and others' creating, finalizing, opening or playing one of their finalized sessions.
         */
        get: operations["exportUserData"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/voice": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the therapist's voice is enrolled, since when, and how good the sample was */
        get: operations["getVoiceEnrolment"];
        /**
         * Enrol the therapist's voice from a read-aloud sample (the audio is not kept)
         * @description Enrols the caller's voice (therapists): send a 20–30 s recording of the caller reading a paragraph aloud as the raw request body (WAV, MP3, OGG, FLAC, MP4/M4A or WebM, recognised from the bytes), with `consent=voice-enrolment-v1`: the therapist's consent to keeping an embedding of their voice to recognise them in their own sessions, and for nothing else.
         *
         *     The recording is turned into a voice embedding as it streams and then deleted: it is never stored. Only the embedding is kept, with the consent and its time. Enrolling again replaces the enrolment. On a later session whose speakers the diarizer separated, the speaker closest to the enrolled voice is the therapist (`transcript.roleAssignment.method: "voice"`, with a confidence); under the threshold the role heuristic decides, as without enrolment.
         *
         *     Refused with nothing stored: no consent (400 `voice.consent_required`), not audio (415 `upload.not_audio`), over 12582912 bytes (413 `upload.too_large`), longer than 60 s (422 `voice.too_long`), not decodable (422 `voice.unreadable`), no voice heard — silence, noise, music (422 `voice.no_speech`), under 10 s of speech (422 `voice.too_short`); a deployment without a diarizer answers 501 `voice.unavailable`.
         */
        put: operations["enrolVoice"];
        post?: never;
        /**
         * Erase the therapist's voice enrolment
         * @description Removes the embedding and its consent record; later sessions get roles from the heuristic. Erasing when nothing is enrolled succeeds.
         */
        delete: operations["eraseVoiceEnrolment"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/patients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search the therapist's own patients */
        get: operations["searchPatients"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/patients/{patientId}/consent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A patient's consent in force and its whole history (their therapist) */
        get: operations["getPatientConsent"];
        put?: never;
        /**
         * Record consent the patient gave in writing or verbally (their therapist)
         * @description Appends a grant to the patient's history. `method` is `written` (a signed form the clinic keeps) or `verbal_witnessed` (said before the therapist, who records it). Scopes granted before and not named stay as they were.
         */
        post: operations["recordPatientConsent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/patients/{patientId}/consent/withdrawals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record that the patient withdrew consent before their therapist
         * @description Appends a withdrawal. Processing of the patient's sessions that the remaining consent no longer covers stops at once (the sessions fail with `consent.withdrawn`, provider jobs are discarded); with `eraseSessions` every session about the patient is erased.
         */
        post: operations["recordPatientConsentWithdrawal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List or search sessions
         * @description Newest recording first, as summaries (GET /v1/sessions/{id} gives the transcript). A therapist sees their own sessions; a patient their own finalized sessions. With `q` this is a full-text search over titles and transcripts.
         */
        get: operations["listSessions"];
        put?: never;
        /**
         * Upload a session recording
         * @description Uploads the recording of a session as multipart/form-data, streamed to storage as it arrives.
         *
         *     **Order matters:** send the text fields (`patientId`, then optionally `title`, `titleShared`, `recordedAt`, `settings`, `noteFormat`) *before* the `audio` file part. The upload starts when the `audio` part begins: a missing `patientId` at that point is a 400, and so is any of these fields sent after the `audio` part (nothing is stored).
         *
         *     The format is recognised from the bytes (WAV, MP3, OGG, FLAC, MP4/M4A, WebM), not from the file name or declared type: anything else is 415 `upload.not_audio`. A WAV header claiming more than 8 channels is a 400; a WAV's stored duration is the smaller of its header's claim and what its bytes allow. A recording over the size limit is 413 `upload.too_large` (early, from Content-Length, when it is known). When the client disconnects mid-upload nothing is stored.
         *
         *     **Quotas** per therapist (configurable): uploads started per hour, bytes per day (refused early from Content-Length when it is known) and sessions in processing at once. Over one, the answer is 429 `upload.quota_exceeded` with Retry-After and `details.quota`, and nothing is stored.
         */
        post: operations["uploadSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One session
         * @description `ETag` is the session's version; send it in `If-None-Match` to get 304 when nothing changed.
         */
        get: operations["getSession"];
        put?: never;
        post?: never;
        /**
         * Erase a session: recording, transcript, sentiment and review history
         * @description A session a legal hold covers (on it or on its patient) is not erased: 409 `session.legal_hold`, its `holds` naming each hold (id, scope, when, by whom).
         */
        delete: operations["deleteSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sessions/{id}/audio": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Stream the recording
         * @description Honours a single `Range: bytes=…` (206 with Content-Range); a range starting past the end is 416 with `Content-Range: bytes *\/<size>`. Several ranges are answered with the whole recording (200). A recording the retention policy deleted is 410 `audio.deleted` (the session and its transcript remain; `audio.removed` says when and by which rule).
         */
        get: operations["getSessionAudio"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sessions/{id}/audio:link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A short-lived signed link to the recording, for an <audio> element
         * @description A browser's media element cannot send a bearer token. The link opens `GET /v1/sessions/{id}/audio` (with Range) for this session and this account only, until `expiresAt`; signing out revokes it. Ask for a new one when it has expired (the audio route answers 401).
         */
        post: operations["createSessionAudioLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sessions/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Follow a session's processing (Server-Sent Events)
         * @description A `text/event-stream`. First a `status` event with the current `{status, version, updatedAt}`, then one `status` event per change: every status the session passed through, in order, also one held only briefly. Changes are pushed to the stream as the server learns of them; a slow safety poll (every 30 s by default) catches up any it missed. The stream ends after `ready`, `finalized` or `failed` with a final `end` event, or with a `deleted` event when the session is erased, or a `shutdown` event when the server stops (reconnect), or an `unauthenticated` event when the access token expires or is revoked (refresh it, then reconnect). Comment lines keep the connection alive.
         *
         *     A user may hold 5 streams open at once on one server: one more is 429 `events.too_many_streams` with Retry-After.
         */
        get: operations["followSessionEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sessions/{id}/finalize": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign off: the session becomes read-only and visible to the patient, with the summary only if released
         * @description The therapist's sign-off: records `review.finalizedBy` and `review.finalizedAt` (the note's attestation). Refused with 409 `session.risk_unacknowledged` (`flagIds`) while a current risk flag is not acknowledged. The body is optional: without it, or without `releaseSummaryToPatient: true`, the patient sees the finalized session with no summary. If-Match optional, checked when sent.
         */
        post: operations["finalizeSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sessions/{id}/note": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The notes as a progress note (SOAP, DAP, BIRP)
         * @description The session's checked notes laid out in a format, each sentence with its evidence and whether it held, sections nothing supports marked not assessed, the risk screen's result in the assessment (BIRP: the response); and the whole note as plain text. The session's therapist only. 409 `session.invalid_state` while there are no notes.
         */
        get: operations["getSessionNote"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sessions/{id}/note/fhir": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A finalised note as a FHIR R4 DocumentReference
         * @description For the clinic's record system: the signed note as plain text in a DocumentReference, in the session's note format unless `format` names another. Only a finalised session (409 `session.invalid_state` otherwise). Audited as `session.note.export`.
         */
        get: operations["exportSessionNoteFhir"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sessions/{id}/notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Write the therapist's own notes and the patient's summary
         * @description Only while the session is ready and has notes; finalize locks them. Kept apart from the written notes (`notes.review`): a regeneration keeps them. Fields absent stay as they are; null clears one.
         */
        put: operations["editNotes"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sessions/{id}/notes:regenerate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Write the clinical notes again from the transcript as it is now
         * @description Only while the session is ready (after edits or relabels have made the notes stale). The therapist's own words on the notes are kept. An optional JSON body `{noteFormat}` changes the session's note format and writes the notes for it (400 `validation.invalid_input` for an unknown one, nothing written). If-Match optional, checked when sent.
         */
        post: operations["regenerateNotes"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sessions/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Process a failed session again, or resume one stuck in processing past its lease */
        post: operations["retrySession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sessions/{id}/risk-flags/{flagId}/acknowledgement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Acknowledge one risk flag, saying what was done about it
         * @description Records `acknowledgement: {by, at, action, note?, alert}` on the flag and in the audit trail (the action; the note stays on the flag). The body says what was done: `action` one of `discussed`, `safety_plan`, `not_a_concern`, `other`; `note` (at most 500 characters) required with `other` — 400 `validation.invalid_input` otherwise, nothing written. Idempotent: a flag already acknowledged keeps its first acknowledgement (200, nothing written). The same therapist can take it back within 5 minutes (DELETE). Only while the session is ready: 409 `session.invalid_state` once finalized; 404 `session.risk_flag_not_found` for a flag the session does not have. Every current flag must be acknowledged before finalize. If-Match optional, checked when sent.
         */
        post: operations["acknowledgeRiskFlag"];
        /**
         * Take back an acknowledgement within 5 minutes
         * @description The flag waits for acknowledgement again. Only the therapist who acknowledged it, within 5 minutes of it, while the session is ready; otherwise 409 `session.risk_acknowledgement_final` (`details.reason`: `not_acknowledged`, `not_yours`, `too_late`) or 409 `session.invalid_state`. Audited. If-Match optional, checked when sent.
         */
        delete: operations["undoRiskAcknowledgement"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sessions/{id}/speakers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set the roles of the speakers, and the speaker of single segments
         * @description Speakers not listed keep their role; segments not listed keep their speaker (give a segment to another of the transcript's speakers when the diarizer got its turn wrong). At least one speaker or one segment. Sentiment is measured again for the patient's segments.
         */
        put: operations["relabelSpeakers"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sessions/{id}/title-sharing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Show or hide the session's title to its patient
         * @description The session's therapist only, in any status. Sets `titleShared`: the patient's view and listing show the title only when true, else "Session of <date recorded>", and the patient's search matches the title only when shown. Nothing is written when it is already so. If-Match optional, checked when sent.
         */
        put: operations["setSessionTitleSharing"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sessions/{id}/transcript": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Correct transcript segments
         * @description Only while the session is ready (pending review). Sentiment of edited patient segments is measured again.
         */
        patch: operations["editTranscript"];
        trace?: never;
    };
    "/v1/sessions/pending": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sessions waiting for the therapist's review (ready) */
        get: operations["listPendingReview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a resumable upload (tus creation)
         * @description Starts a tus 1.0 upload of a session recording; send its bytes with PATCH.
         *
         *     `Upload-Metadata` carries the same fields as the multipart upload, base64-encoded: `patientId` (required), `title`, `titleShared` (`true` or `false`), `recordedAt`, `settings` (a JSON object of TranscriptionSettings), `noteFormat` (`soap`, `dap`, `birp` or `confide`; the therapist's default when absent), `filename`. Unknown keys are ignored.
         *
         *     Everything that can refuse the upload is checked **here, before any byte is sent**: the patient and their consent (403 `consent.missing`), the size limit (413 `upload.too_large`), the quotas (429 `upload.quota_exceeded`: uploads per hour, bytes per day from Upload-Length, sessions in processing). An upload with no progress for the expiry (`Upload-Expires`) is removed.
         */
        post: operations["createResumableUpload"];
        delete?: never;
        /**
         * What this tus server supports
         * @description The tus 1.0 discovery answer: version, extensions, largest upload, checksum algorithms. No sign-in needed.
         */
        options: operations["describeResumableUploads"];
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/uploads/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Where a resumable upload stands (tus HEAD)
         * @description HEAD (with `Tus-Resumable`) answers the tus way: `Upload-Offset` says where to resume, `Upload-Length` and `Upload-Metadata` what was declared, and `Confide-Session-Id` the session once it is stored. GET answers the same as JSON.
         */
        get: operations["getResumableUpload"];
        put?: never;
        post?: never;
        /**
         * Abandon a resumable upload (tus termination)
         * @description Removes the upload and its bytes; its bytes no longer count against the daily quota.
         */
        delete: operations["terminateResumableUpload"];
        options?: never;
        head?: never;
        /**
         * Send bytes of a resumable upload (tus PATCH)
         * @description Appends the body at `Upload-Offset`, which must be where the upload stands (else 409 `upload.offset_mismatch`; HEAD says where). The body is `application/offset+octet-stream` (else 415), streamed to disk. A connection that drops keeps the bytes that arrived: ask HEAD and resume. One request at a time per upload: another one meanwhile is 409 `upload.locked`.
         *
         *     `Upload-Checksum: sha256 <base64 digest>` (tus checksum extension) checks this body: a mismatch is 460 `upload.checksum_mismatch` and its bytes are dropped.
         *
         *     When the last byte arrives the recording is stored as by the multipart upload (format from the bytes, size limit, consent checked again): the answer carries `Confide-Session-Id`. Refused then (e.g. 403 `consent.missing` when consent was withdrawn meanwhile, 415 `upload.not_audio`), the upload and its bytes are removed.
         */
        patch: operations["appendResumableUpload"];
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AcknowledgeRiskFlag: {
            /**
             * @description What was done: `discussed` (with the patient), `safety_plan` (a safety plan made), `not_a_concern` (misheard or misread), `other` (say what in `note`).
             * @example discussed
             * @enum {string}
             */
            action: "discussed" | "safety_plan" | "not_a_concern" | "other";
            /** @description The therapist's words, at most 500 characters; required with `other`. */
            note?: string;
        };
        ActiveConsent: {
            cloudProviders: string[];
            form: components["schemas"]["ConsentForm"] & (Record<string, never> | null);
            scopes: ("recording" | "transcription" | "ai_notes")[];
            /** Format: date-time */
            since: string | null;
        };
        /** @description Set when the retention policy deleted the recording (the transcript and notes remain): when, and by which rule. The audio route then answers 410 `audio.deleted`. */
        AudioRemoval: {
            /** Format: date-time */
            at: string;
            /** @enum {string} */
            rule: "audio" | "session" | "failed";
        };
        CareRelation: {
            /** Format: date-time */
            createdAt: string;
            patientId: string;
            therapistId: string;
        };
        /**
         * @description How well the cited words carry the claim (core's claim-support rule): `quoted` — its quote is in the cited segments and carries every content word of the claim; `paraphrased` — the cited segments say the claim's content words (by lemma, with the same negation, by the speaker it names); `unsupported` — the citation does not carry the claim (then `verification` is unverified: never show it as fact). Absent when the citation itself failed (see `verification`) and on notes written before claims were checked.
         * @enum {string}
         */
        ClaimSupport: "quoted" | "paraphrased" | "unsupported";
        /** @description A grant's form. */
        ConsentForm: {
            /** @description sha256 (hex) of the form's text as the patient saw it. */
            textSha256: string;
            /** @example consent-form-2026-03 */
            version: string;
        };
        ConsentGrantResult: {
            active: components["schemas"]["ActiveConsent"];
            record: components["schemas"]["ConsentRecord"];
        };
        /** @description To upload a session: refused with consent.missing while anything is missing. */
        ConsentNeed: {
            missing: components["schemas"]["ConsentRequirement"] & unknown;
            required: components["schemas"]["ConsentRequirement"];
        };
        ConsentRecord: {
            /** Format: date-time */
            at: string;
            /** @description A withdrawal that asked for the patient's sessions to be erased. */
            eraseSessions?: boolean;
            form?: components["schemas"]["ConsentForm"];
            id: string;
            /** @enum {string} */
            kind: "grant" | "withdrawal";
            /**
             * @description How a grant was obtained.
             * @enum {string}
             */
            method?: "written" | "verbal_witnessed" | "electronic";
            patientId: string;
            /** @description A withdrawal's reason; null once the patient is erased. */
            reason?: string | null;
            recordedBy: string;
            recordedByRole: components["schemas"]["Role"];
            scopes: components["schemas"]["ConsentScopeEntry"][];
            sequence: number;
        };
        /** @description What this deployment needs of the consent for it. */
        ConsentRequirement: {
            cloudProviders: string[];
            scopes: ("recording" | "transcription" | "ai_notes")[];
        };
        /** @description One of recording, transcription, ai_notes, cloud_processing; cloud_processing names the providers it covers. */
        ConsentScopeEntry: {
            /** @enum {string} */
            scope: "recording" | "transcription" | "ai_notes";
        } | {
            /** @description The providers covered, by name: azure-speech, azure-text-analytics, azure-live, transcribe, transcribe-streaming, comprehend, openai, azure-openai, bedrock, whisper, whisper-live. A consent read's `needs` names those this deployment uses. */
            providers: string[];
            /** @enum {string} */
            scope: "cloud_processing";
        };
        ConsentStatus: {
            active: components["schemas"]["ActiveConsent"];
            history: components["schemas"]["ConsentRecord"][];
            /** @description What this deployment needs of the patient's consent, by what it does with a session. */
            needs: {
                live?: components["schemas"]["ConsentNeed"] & unknown;
                notes: components["schemas"]["ConsentNeed"] & unknown;
                upload: components["schemas"]["ConsentNeed"];
            };
            patientId: string;
        };
        ConsentWithdrawalResult: {
            active: components["schemas"]["ActiveConsent"];
            erasedSessionCount: number;
            record: components["schemas"]["ConsentRecord"];
            /** @description Sessions whose processing stopped (failed with consent.withdrawn). */
            stoppedSessionIds: string[];
        };
        Device: {
            /** Format: date-time */
            createdAt: string;
            id: string;
            /** Format: date-time */
            lastSeenAt: string;
            /** @enum {string} */
            platform: "android" | "ios" | "web";
            token: string;
            userId: string;
        };
        ErasureResult: {
            deletedDeviceCount: number;
            deletedSessionCount: number;
            userId: string;
        };
        /** @description A FHIR R4 DocumentReference (https://hl7.org/fhir/R4/documentreference.html): LOINC 11506-3 progress note, the note as base64 plain text, `Patient/<patientId>` as subject, `Practitioner/<therapistId>` as author and authenticator, the session in `context.related` (`urn:confide:session`). */
        FhirDocumentReference: {
            content: ({
                attachment: {
                    contentType: string;
                    data: string;
                } & {
                    [key: string]: unknown;
                };
            } & {
                [key: string]: unknown;
            })[];
            date: string;
            /** @enum {string} */
            docStatus: "final";
            /** @enum {string} */
            resourceType: "DocumentReference";
            /** @enum {string} */
            status: "current";
            subject: {
                reference: string;
            };
        } & {
            [key: string]: unknown;
        };
        Finalize: {
            /** @description Release the patient summary to the patient. Absent or false: the session is finalized and visible to the patient without any summary — nothing is released unless asked for. */
            releaseSummaryToPatient?: boolean;
        };
        /** @description A legal hold: while active, nothing it covers is deleted — not by the retention sweep, a therapist's delete (409 `session.legal_hold`) or a patient's erasure. Holds ids and a reason, never clinical content. */
        LegalHold: {
            id: string;
            /** @description The held patient, or the patient of the held session. */
            patientId: string;
            reason: string;
            /**
             * Format: date-time
             * @description Null while the hold is active.
             */
            releasedAt: string | null;
            releasedBy: string | null;
            /** @description The held session; null for a hold on the patient (all their sessions). */
            sessionId: string | null;
            /** Format: date-time */
            setAt: string;
            setBy: string;
            setByRole: components["schemas"]["Role"];
        };
        MoodTrajectoryNote: {
            evidence: components["schemas"]["NoteEvidence"][];
            /** @description Words said in the session that the item repeats. */
            quote?: string;
            /**
             * @description Whose words the item attributes.
             * @enum {string}
             */
            speaker?: "therapist" | "patient";
            text: string;
            /** @enum {string} */
            value: "improving" | "declining" | "stable" | "fluctuating";
            verification: components["schemas"]["NoteVerification"];
        };
        /** @description The reading behind the mood line in one time window: the mood chart plots these. */
        MoodWindow: {
            balance: number;
            endMs: number;
            moods: string[];
            startMs: number;
        };
        /** @description A field the writer could not fill, and why. */
        NotAssessed: {
            reason: string;
            /** @enum {string} */
            status: "not_assessed";
        };
        /** @description A character span `[start, end)` of one transcript segment that supports an item. */
        NoteEvidence: {
            /** @description UTF-16 offset just past the span's last character. */
            end: number;
            segmentId: string;
            /** @description UTF-16 offset of the span's first character in the segment's text. */
            start: number;
        };
        /**
         * @description A therapist's default note format for new sessions (set with PATCH /v1/me); absent: `confide`.
         * @enum {string}
         */
        NoteFormat: "confide" | "soap" | "dap" | "birp";
        NoteItem: {
            evidence: components["schemas"]["NoteEvidence"][];
            /** @description Words said in the session that the item repeats. */
            quote?: string;
            /**
             * @description Whose words the item attributes.
             * @enum {string}
             */
            speaker?: "therapist" | "patient";
            support?: components["schemas"]["ClaimSupport"];
            text: string;
            verification: components["schemas"]["NoteVerification"];
        };
        NoteSection: {
            /** @description e.g. `subjective`, `data`, `plan`, `therapist_notes`. */
            key: string;
            /** @description Why the section has nothing (never filled with normal findings); null when it has sentences. */
            notAssessed: string | null;
            sentences: components["schemas"]["NoteSentence"][];
            /** @description The section as plain text, as `text` lays it out. */
            text: string;
            title: string;
        };
        NotesEdit: {
            /** @description What the patient reads after finalize, instead of the written summary; null clears it. */
            patientSummary?: string | null;
            /** @description The therapist's notes; null clears them. */
            therapistNotes?: string | null;
        };
        /** @description One sentence of a progress note. `verification`: whether its citation held; null for what the system states itself (the risk screen's summary) or the therapist wrote. */
        NoteSentence: {
            evidence: components["schemas"]["NoteEvidence"][];
            /** @description The notes field it comes from (`significantQuotes`…), `riskScreen` or `therapist`. */
            from: string;
            /**
             * @description Whose words a quote repeats.
             * @enum {string}
             */
            speaker?: "therapist" | "patient";
            text: string;
            verification: components["schemas"]["NoteVerification"] | null;
        };
        /** @description What core found when it checked the item's evidence against the transcript. An unverified item is not to be shown as fact. */
        NoteVerification: {
            /** @description Why the evidence did not hold; only when unverified. */
            reason?: string;
            /** @enum {string} */
            status: "grounded" | "unverified";
        };
        /** @description A finalized session as its patient sees it, field by field (an allow-list): no sentiment, review history, processing, risk screen or notes beyond the patient summary; the title only when the therapist shared it. */
        PatientSessionView: {
            audio: {
                contentType: string;
                durationMs: number | null;
                removed?: components["schemas"]["AudioRemoval"];
                sizeBytes: number;
            };
            /** Format: date-time */
            createdAt: string;
            id: string;
            patientId: string;
            /** @description What the notes say to the patient (the therapist's summary, else the grounded sentences), only when the therapist released it at sign-off; null otherwise. */
            patientSummary: string | null;
            /** Format: date-time */
            recordedAt: string;
            review: {
                /** Format: date-time */
                finalizedAt: string | null;
            };
            settings: components["schemas"]["TranscriptionSettings"];
            status: components["schemas"]["SessionStatus"];
            therapistId: string;
            /** @description The therapist's title only when they shared it (`titleShared`); else "Session of <date recorded>". */
            title: string;
            transcript: components["schemas"]["Transcript"];
            /** Format: date-time */
            updatedAt: string;
            /** @description Increments on every write; the ETag. */
            version: number;
        };
        /** @description RFC 9457 problem details with a stable `code`. */
        Problem: {
            /**
             * @description Stable error code; switch on this.
             * @example session.not_found
             */
            code: string;
            /** @example No such session. */
            detail: string;
            /** @description Field issues of a `validation.invalid_input` problem. */
            errors?: {
                code: string;
                field: string;
                in: string;
                message: string;
            }[];
            /** @example /v1/sessions/abc */
            instance: string;
            requestId: string;
            /** @example 404 */
            status: number;
            /** @example Not Found */
            title: string;
            /** @example urn:confide:problem:session.not_found */
            type: string;
        } & {
            [key: string]: unknown;
        };
        Readiness: {
            checks: {
                code?: string;
                name: string;
                ok: boolean;
            }[];
            /** @description Live sessions' capacity of this process (per process: each API instance admits by its own). Being full does not make the process unready. */
            live?: {
                /** @description whether a live session started now gets live text; otherwise it is recorded only */
                admitting: boolean;
                /** @description p95 of the delays from end of speech to final over the last 30 s; null with too few finals */
                finalDelayP95Ms: number | null;
                /** @description the engine's target for that delay */
                finalDelayTargetMs: number;
                /** @description its capacity (`CONFIDE_LIVE_MAX_STREAMS` or derived); null: no limit but the watched delay */
                maxStreams: number | null;
                /** @enum {string|null} */
                recordOnlyReason: "capacity" | "behind" | null;
                /** @description live sessions this process started recorded only since it started */
                recordOnlyStarted: number;
                /** @description live streams (sessions with live text) this process runs now */
                streamsInUse: number;
            };
            /** @enum {string} */
            status: "ready" | "unavailable";
        };
        RegenerateNotes: {
            noteFormat?: components["schemas"]["NoteFormat"] & unknown;
        };
        ResumableUpload: {
            /** Format: date-time */
            expiresAt: string;
            id: string;
            lengthBytes: number;
            offsetBytes: number;
            /** @description The session stored from it, once the last byte arrived. */
            sessionId: string | null;
        };
        RetentionOutcome: {
            error?: string;
            holdIds: string[];
            /** @enum {string} */
            outcome: "due" | "deleted" | "held" | "skipped" | "failed";
            patientId: string;
            /** @enum {string} */
            removes: "audio" | "session";
            /** @enum {string} */
            rule: "audio" | "session" | "failed";
            sessionId: string;
            /**
             * Format: date-time
             * @description When the session was finalized (rules audio, session) or failed (rule failed).
             */
            since: string;
            status: string;
            therapistId: string;
        };
        RetentionReport: {
            counts: {
                deleted: number;
                due: number;
                failed: number;
                held: number;
                skipped: number;
            };
            cutoffs: {
                /** Format: date-time */
                audio?: string;
                /** Format: date-time */
                failed?: string;
                /** Format: date-time */
                session?: string;
            };
            dryRun: boolean;
            /** @description The first 1000 sessions a rule reached, in order. */
            outcomes: components["schemas"]["RetentionOutcome"][];
            /** @description True when more sessions were reached than listed. */
            truncated: boolean;
        };
        /** @description Kept whether or not its evidence holds: the therapist sees every flag. */
        RiskFlag: {
            evidence: components["schemas"]["NoteEvidence"][];
            /** @description Words said in the session that the item repeats. */
            quote?: string;
            /** @enum {string} */
            severity: "low" | "moderate" | "high";
            /**
             * @description Whose words the item attributes.
             * @enum {string}
             */
            speaker?: "therapist" | "patient";
            support?: components["schemas"]["ClaimSupport"];
            text: string;
            /** @enum {string} */
            type: "self_harm" | "harm_to_others" | "abuse" | "substance" | "other";
            verification: components["schemas"]["NoteVerification"];
        };
        /** @enum {string} */
        Role: "therapist" | "patient" | "admin";
        /** @description Which rule gave the speakers their roles: `voice` (the therapist's enrolled voice matched a speaker; `confidence` says how clearly), `channels` (the session's channel roles), `heuristic` (with two speakers the one asking more questions is the therapist), `review` (the therapist relabelled them). Absent on transcripts made before it was recorded. */
        RoleAssignment: {
            confidence: number | null;
            /** @enum {string} */
            method: "voice" | "channels" | "heuristic" | "review";
        };
        ScreenedRiskFlag: {
            /** @description Who acknowledged the flag, and when; absent until acknowledged. A current flag must be acknowledged before finalize. */
            acknowledgement?: {
                /**
                 * @description What was done: discussed with the patient, a safety plan made, not a concern (misheard or misread), other (see `note`). Absent on acknowledgements recorded before it was asked.
                 * @enum {string}
                 */
                action?: "discussed" | "safety_plan" | "not_a_concern" | "other";
                /** @description The flag warranted a high-priority push when it was acknowledged. */
                alert?: boolean;
                /** Format: date-time */
                at: string;
                /** @description The therapist's user id. */
                by: string;
                /** @description The therapist's words (always with `other`). */
                note?: string;
            };
            /** @description Always `tier === "page"`, kept for clients that read it before tiers: warrants a high-priority push. */
            alert: boolean;
            /**
             * @description On what the screen's flag stands; absent on a note writer's flag.
             * @enum {string}
             */
            basis?: "statement" | "answer_to_named_question" | "answer_to_other_question" | "mention";
            /**
             * @description C-SSRS-informed category; absent on a note writer's flag, which states only its type.
             * @enum {string}
             */
            category?: "passive_death_wish" | "active_ideation" | "suicide_method" | "suicide_intent_or_plan" | "preparatory_behaviour" | "self_harm" | "harm_to_others" | "abuse" | "substance";
            evidence: components["schemas"]["NoteEvidence"][];
            /** @description `risk-` and 12 hex digits derived from the flag's category, first cited segment and quoted words: the same flag keeps its id (and its acknowledgement) when the transcript is screened again. */
            id: string;
            quote: string;
            /** @description Other categories the same words carry: one statement, at most one flag. */
            reasons?: ("passive_death_wish" | "active_ideation" | "suicide_method" | "suicide_intent_or_plan" | "preparatory_behaviour" | "self_harm" | "harm_to_others" | "abuse" | "substance")[];
            /** @description The rules or writers behind it, for a Details disclosure. */
            rules: string[];
            /** @enum {string} */
            severity: "low" | "moderate" | "high";
            /** @description Who raised it: `screen:<provider>`, `notes:<provider>`. */
            sources: string[];
            /**
             * @description `unknown`: the recording has no role for these words (they may be the therapist's); never pushed by itself.
             * @enum {string}
             */
            speaker: "patient" | "unknown";
            /** @description Plain words for a speaker of no known role, starting "Speaker not known". */
            speakerNote?: string;
            /**
             * @description `other_person`: someone else's risk (a relative's overdose), recorded as such.
             * @enum {string}
             */
            subject: "speaker" | "other_person";
            /** @description A substance flag's substance (`alcohol`, `cannabis`…): review lists one line per substance. */
            substance?: string;
            support?: components["schemas"]["ClaimSupport"];
            /**
             * @description `history`: said to be past and over; a lower-priority flag.
             * @enum {string}
             */
            temporality: "current" | "history";
            /** @description What the screen saw, in plain words; never a diagnosis. */
            text: string;
            /**
             * @description `page`: an explicit statement of current suicidal thoughts, intent, a plan, a preparatory act, self-harm or intent to harm someone, or a yes to a question that itself named one — by the patient, or as a statement by a speaker not known (one microphone). It sends a high-priority push and needs attention now. `review`: everything else the screen raised (passive wishes, history, someone else's risk, means mentioned, abuse, substance, a reply to any other question, a note writer's own flag), listed to review.
             * @enum {string}
             */
            tier: "page" | "review";
            /** @enum {string} */
            type: "self_harm" | "harm_to_others" | "abuse" | "substance" | "other";
            verification: components["schemas"]["NoteVerification"];
        };
        Sentiment: {
            language: string;
            segments: {
                /** @enum {string} */
                label: "positive" | "neutral" | "negative" | "mixed";
                scores: {
                    mixed: number;
                    negative: number;
                    neutral: number;
                    positive: number;
                };
                segmentId: string;
            }[];
            speakers: {
                /** @enum {string} */
                label: "positive" | "neutral" | "negative" | "mixed";
                scores: {
                    mixed: number;
                    negative: number;
                    neutral: number;
                    positive: number;
                };
                segmentCount: number;
                speaker: string;
            }[];
            timeline: {
                endMs: number;
                /** @enum {string} */
                label: "positive" | "neutral" | "negative" | "mixed";
                scores: {
                    mixed: number;
                    negative: number;
                    neutral: number;
                    positive: number;
                };
                segmentCount: number;
                startMs: number;
            }[];
            transcriptRevision: number;
            windowMs: number;
        } | null;
        /** @description A session as its therapist sees it. */
        Session: {
            audio: {
                blobKey: string;
                channels: number | null;
                contentType: string;
                durationMs: number | null;
                /** @enum {string} */
                format: "wav" | "mp3" | "ogg" | "flac" | "mp4" | "webm";
                originalName: string | null;
                removed?: components["schemas"]["AudioRemoval"];
                sha256: string;
                sizeBytes: number;
            };
            /** Format: date-time */
            createdAt: string;
            id: string;
            /** @description Sessions recorded live (`/v1/live`): their audio parts, resume state, today's topics with the segments that covered them, and the suggestions made while it ran. */
            live?: {
                agenda: {
                    covered: {
                        /** Format: date-time */
                        at: string;
                        matchedTerms: string[];
                        segmentId: string;
                    } | null;
                    id: string;
                    /** @enum {string} */
                    source: "therapist" | "follow_up" | "unresolved_concern";
                    text: string;
                }[];
                /** Format: date-time */
                detachedAt: string | null;
                /** @enum {string} */
                endedBy?: "client" | "abandoned" | "limit" | "consent_withdrawn";
                format: {
                    channels: 1 | 2;
                    /** @enum {string} */
                    encoding: "pcm" | "webm";
                };
                /** @description Audio parts stored while live (joined into the recording when it ends). */
                parts: number;
                /** @description When the therapist planned the session to end (start's `plannedMinutes`), in ms of audio. */
                plannedEndMs?: number;
                /** @description sha256 of the resume token (the token itself is given only in `started`). */
                resumeTokenSha256: string;
                /** @description Bytes of audio stored durably: where a resuming client resends from. */
                storedBytes: number;
                /** @description What was suggested to the therapist while it ran (the live protocol's `suggestion`), and what became of each. Advice, never a finding. */
                suggestions?: {
                    /** Format: date-time */
                    at: string;
                    /** @description The segments it answers to. */
                    cites: string[];
                    id: string;
                    /** @enum {string} */
                    kind: "safety" | "agenda" | "reflection";
                    /** @description The therapist marked it asked (`used`) or dismissed it: who and when. */
                    outcome: {
                        /** @enum {string} */
                        action: "used" | "dismissed";
                        /** Format: date-time */
                        at: string;
                        by: string;
                    } | null;
                    text: string;
                    urgent?: boolean;
                    why: string;
                    /** @description Taken back by the system: the therapist asked it, the patient answered it, the topic was covered, or a later question replaced it. */
                    withdrawn: {
                        /** Format: date-time */
                        at: string;
                        /** @enum {string} */
                        reason: "asked" | "answered" | "covered" | "superseded";
                    } | null;
                }[];
                /** @description What heard the ends of the turns of its live transcript: `silero-vad` (the speech model, about 0.2 s after the speech), `loudness` (no speech model installed: a 0.6 s pause). Absent for engines whose server cuts the turns. */
                turnEnds?: string;
            };
            noteFormat?: components["schemas"]["NoteFormat"] & unknown;
            /** @description The clinical notes; null until written (absent for sessions stored before notes were written). */
            notes?: {
                actionItems: components["schemas"]["NoteItem"][] | components["schemas"]["NotAssessed"];
                emotionalThemes: components["schemas"]["NoteItem"][] | components["schemas"]["NotAssessed"];
                followUpTopics: components["schemas"]["NoteItem"][] | components["schemas"]["NotAssessed"];
                /** @description What the therapist did, a line per kind of act quoting their words ("Reflected: “…”"); absent when the writer does not write it. */
                interventions?: components["schemas"]["NoteItem"][] | components["schemas"]["NotAssessed"];
                keyTopics: components["schemas"]["NoteItem"][] | components["schemas"]["NotAssessed"];
                moodTrajectory: components["schemas"]["MoodTrajectoryNote"] | components["schemas"]["NotAssessed"];
                patientSummary: components["schemas"]["NoteItem"][] | components["schemas"]["NotAssessed"];
                provenance: {
                    model: string;
                    promptVersion: string;
                    provider: string;
                    /** Format: date-time */
                    writtenAt: string;
                };
                /** @description Items whose evidence held, items kept but unverified, fields not assessed. */
                quality: {
                    grounded: number;
                    notAssessed: number;
                    unverified: number;
                };
                /** @description The therapist's own words on the notes, kept apart from what was written from the transcript. */
                review: {
                    /** Format: date-time */
                    editedAt: string;
                    editedBy: string;
                    patientSummary: string | null;
                    therapistNotes: string | null;
                } | null;
                riskFlags: components["schemas"]["RiskFlag"][] | components["schemas"]["NotAssessed"];
                sessionMood: components["schemas"]["SessionMoodNote"] | components["schemas"]["NotAssessed"];
                significantQuotes: components["schemas"]["NoteItem"][] | components["schemas"]["NotAssessed"];
                /** @description The transcript changed after the notes were written: regenerate them. */
                stale: boolean;
                strategies: components["schemas"]["NoteItem"][] | components["schemas"]["NotAssessed"];
                therapistNotes: components["schemas"]["NoteItem"][] | components["schemas"]["NotAssessed"];
                /** @description Sentences, each with its evidence. */
                topicSummary: components["schemas"]["NoteItem"][] | components["schemas"]["NotAssessed"];
                transcriptRevision: number;
                triggers: components["schemas"]["NoteItem"][] | components["schemas"]["NotAssessed"];
                unresolvedConcerns: components["schemas"]["NoteItem"][] | components["schemas"]["NotAssessed"];
            } | null;
            patientId: string;
            /** @description What the patient would read of the notes if the summary were released now (the therapist's own summary, else the grounded sentences of the written one); null when nothing. Computed by the rule the patient's view uses; read-only. */
            patientSummaryPreview?: string | null;
            processing: {
                attempts: number;
                lastError: {
                    code: string;
                    message: string;
                    retryable: boolean;
                } | null;
                /** Format: date-time */
                notifiedAt: string | null;
                polls: number;
                providerRef: string | null;
                run: number;
                /**
                 * Format: date-time
                 * @description When the provider job `providerRef` was submitted; its time limit (CONFIDE_TRANSCRIPTION_TIMEOUT) runs from here. Absent while there is no job.
                 */
                submittedAt?: string;
            };
            /** Format: date-time */
            recordedAt: string;
            review: {
                edits: {
                    after: string;
                    /** Format: date-time */
                    at: string;
                    before: string;
                    by: string;
                    /** @enum {string} */
                    kind: "segment" | "speaker" | "segment-speaker";
                    target: string;
                }[];
                /**
                 * Format: date-time
                 * @description When the notes were signed off by finalizing (the attestation); null before.
                 */
                finalizedAt: string | null;
                /** @description The therapist who signed the notes off by finalizing; null before. */
                finalizedBy: string | null;
                /** @description True when the therapist released the patient summary to the patient at sign-off; absent or false: the patient sees no summary. */
                summaryReleased?: boolean;
            };
            /** @description The automated risk screen; null until screened (absent for sessions stored before the screen ran). Never shown to the patient. */
            risk?: {
                flags: components["schemas"]["ScreenedRiskFlag"][];
                reason?: string;
                /** Format: date-time */
                screenedAt: string;
                screens: {
                    provider: string;
                    version: string;
                }[];
                /** @enum {string} */
                status: "screened" | "not_screened";
                /** @description The honest one-line summary; with no flags: "No risk language found by the automated screen — this is not a risk assessment." */
                summary: string;
                transcriptRevision: number;
                /** @description Passages of the patient's (or an unknown speaker's) speech whose words are too unsure to screen (at least 30 % of a segment's words below 0.5 confidence): listen to them. The summary names them instead of "No risk language found". */
                unscreened?: {
                    endMs: number;
                    segmentId: string;
                    startMs: number;
                }[];
                /**
                 * @description `unknown` when no screened word carries a confidence: finding nothing is then said not to reassure.
                 * @enum {string}
                 */
                wordCertainty?: "known" | "unknown";
            } | null;
            sentiment: components["schemas"]["Sentiment"];
            settings: components["schemas"]["TranscriptionSettings"];
            status: components["schemas"]["SessionStatus"];
            /** @description The latest status changes (up to 20), oldest first, each with the version of the write that made it. Absent for sessions stored before it was kept. */
            statusHistory?: {
                /** Format: date-time */
                at: string;
                status: components["schemas"]["SessionStatus"];
                version: number;
            }[];
            therapistId: string;
            title: string;
            /** @description True when the patient is shown the title; absent or false: they read "Session of <date recorded>" instead. */
            titleShared?: boolean;
            transcript: components["schemas"]["Transcript"];
            /** Format: date-time */
            updatedAt: string;
            /** @description Increments on every write; the ETag. */
            version: number;
        };
        SessionAudioLink: {
            /** Format: date-time */
            expiresAt: string;
            /** @description Path and query of the recording, relative to the API's origin. */
            url: string;
        };
        SessionMoodNote: {
            evidence: components["schemas"]["NoteEvidence"][];
            /** @description Words said in the session that the item repeats. */
            quote?: string;
            /**
             * @description Whose words the item attributes.
             * @enum {string}
             */
            speaker?: "therapist" | "patient";
            text: string;
            /** @enum {string} */
            value: "very_negative" | "negative" | "neutral" | "positive" | "very_positive" | "mixed";
            verification: components["schemas"]["NoteVerification"];
            /** @description The same reading per time window, when the writer reads the mood word by word. */
            windows?: components["schemas"]["MoodWindow"][];
        };
        SessionNote: {
            format: components["schemas"]["NoteFormat"] & unknown;
            /** @example DAP progress note */
            name: string;
            sections: components["schemas"]["NoteSection"][];
            /** @description The transcript changed after the notes were written: regenerate to refresh. */
            stale: boolean;
            /** @description The whole note as plain text to paste into a record; sentences whose citation did not hold are left out and counted at the end. */
            text: string;
        };
        /** @enum {string} */
        SessionStatus: "live" | "uploaded" | "queued" | "transcribing" | "analyzing" | "writing_notes" | "ready" | "finalized" | "failed";
        /** @description A session in a listing: no transcript, sentiment or review history. GET /v1/sessions/{id} gives those. */
        SessionSummary: {
            /** Format: date-time */
            createdAt: string;
            /** @description Length of the recording; null while unknown. */
            durationMs: number | null;
            /** Format: date-time */
            finalizedAt: string | null;
            id: string;
            patientId: string;
            /** Format: date-time */
            recordedAt: string;
            /** @description Acknowledged flags that had warranted a high-priority push (`alert`); the listing keeps a mark for them. Given to the session's therapist only. */
            riskAcknowledgedAlerts?: number;
            /** @description Current risk flags not yet acknowledged (they block the sign-off); 0 when none. Given to the session's therapist only. */
            riskUnacknowledged?: number;
            /** @description Segments in the transcript; 0 before transcription. */
            segmentCount: number;
            status: components["schemas"]["SessionStatus"];
            therapistId: string;
            /** @description To a patient, the therapist's title only when they shared it; else "Session of <date recorded>". */
            title: string;
            /** @description True when the patient is shown the title. Given to the session's therapist only. */
            titleShared?: boolean;
            /** Format: date-time */
            updatedAt: string;
            /** @description Increments on every write; the ETag. */
            version: number;
        };
        SessionView: components["schemas"]["Session"] | components["schemas"]["PatientSessionView"];
        /** @description How the speakers were found: `channels` (one per channel), `provider` (the speech service), `diarizer` (Confide's own, named), `none` (not separated: one speaker stands for everyone); with the mean confidence when known. Absent on transcripts made before it was recorded. */
        SpeakerDetection: {
            confidence: number | null;
            diarizer?: string;
            /** @enum {string} */
            method: "channels" | "provider" | "diarizer" | "none";
            /** @description Which of the diarizer's pipelines ran: the embedded diarizer's `learned` (its speech models installed) or `classical` (voice features alone). */
            pipeline?: string;
        };
        TitleSharing: {
            /** @description True shows the session's title to the patient; false gives them a neutral one ("Session of <date>"). */
            titleShared: boolean;
        };
        TokenPair: {
            /** @description JWT (HS256) for `Authorization: Bearer`. */
            accessToken: string;
            /** @description Seconds until the access token expires. */
            expiresIn: number;
            /** Format: date-time */
            refreshExpiresAt: string;
            /** @description Single-use secret for /v1/auth/refresh; rotates on every use. Absent in cookie mode: it is in the `confide_refresh` cookie instead. */
            refreshToken?: string;
            /** @enum {string} */
            tokenType: "Bearer";
            user: components["schemas"]["User"];
        };
        Transcript: {
            durationMs: number;
            language: string;
            provider: string;
            revision: number;
            roleAssignment?: components["schemas"]["RoleAssignment"];
            segments: {
                confidence?: number;
                endMs: number;
                id: string;
                speaker: string;
                /** @description How sure the diarizer is of this segment's speaker, in [0, 1]; absent when channels or the provider gave it. */
                speakerConfidence?: number;
                /** @description True when the speaker is uncertain: check it in review. */
                speakerUncertain?: boolean;
                startMs: number;
                text: string;
                words?: {
                    confidence?: number;
                    endMs: number;
                    startMs: number;
                    text: string;
                }[];
            }[];
            speakerDetection?: components["schemas"]["SpeakerDetection"];
            speakers: {
                channel?: number;
                label: string;
                /** @enum {string} */
                role: "therapist" | "patient" | "unknown";
            }[];
            /** @description Requested features the speech engine did not honour (e.g. `diarization` of a mono recording with PocketSphinx). Empty when every setting was honoured. */
            warnings: components["schemas"]["TranscriptWarning"][];
        } | null;
        TranscriptionSettings: {
            candidateLanguages?: string[];
            /** @enum {string} */
            channelLayout: "mono" | "per-channel";
            channelRoles?: ("therapist" | "patient")[];
            diarization: boolean;
            /**
             * @description BCP-47 locale.
             * @example en-US
             */
            language: string;
            maxSpeakers: number;
            minSpeakers: number;
            /** @enum {string} */
            profanity: "none" | "masked" | "removed";
            /** @enum {string} */
            punctuation: "automatic" | "none";
            wordTimestamps: boolean;
        };
        TranscriptWarning: {
            /**
             * @description The setting not honoured.
             * @example diarization
             */
            feature?: string;
            message: string;
            /**
             * @description `unsupported`: the engine cannot do it; `other`: it was done differently than asked.
             * @enum {string}
             */
            type: "unsupported" | "other";
        };
        User: {
            active: boolean;
            consent: {
                /** Format: date-time */
                agreedAt: string;
                terms: string;
            } | null;
            /** Format: date-time */
            createdAt: string;
            defaultNoteFormat?: components["schemas"]["NoteFormat"];
            displayName: string;
            email: string;
            id: string;
            role: components["schemas"]["Role"];
            /** Format: date-time */
            updatedAt: string;
        };
        UserDataExport: {
            auditEvents: {
                [key: string]: unknown;
            }[];
            careRelations: {
                /** Format: date-time */
                createdAt: string;
                patientId: string;
                therapistId: string;
            }[];
            consents?: components["schemas"]["ConsentRecord"][];
            devices: {
                /** Format: date-time */
                createdAt: string;
                id: string;
                /** Format: date-time */
                lastSeenAt: string;
                platform: string;
                token: string;
            }[];
            /** Format: date-time */
            exportedAt: string;
            omitted: ("sessions" | "consents")[];
            sessions?: {
                [key: string]: unknown;
            }[];
            user: components["schemas"]["User"];
            voiceEnrolment?: components["schemas"]["VoiceEnrolment"];
        };
        /** @description A therapist's voice enrolment, without the embedding. */
        VoiceEnrolment: {
            consent: {
                /** Format: date-time */
                agreedAt: string;
                terms: string;
            } | null;
            /** @description The embedding function that made the enrolment. */
            embedder: string | null;
            enrolled: boolean;
            /** Format: date-time */
            enrolledAt: string | null;
            /** @description How alike the voice sounded across the sample, in [0, 1]; low means noise, several voices or a poor microphone. */
            quality: number | null;
            /** @description Voiced speech heard in the sample, in milliseconds. */
            speechMs: number | null;
        };
    };
    responses: {
        /** @description An unexpected failure (`internal`): a bug, logged with the request id; the body never carries its message. */
        InternalError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The path does not take this method (`request.method_not_allowed`); `Allow` lists the methods it takes. */
        MethodNotAllowed: {
            headers: {
                /** @description The methods the path takes, e.g. `GET, HEAD, DELETE`. */
                Allow: string;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    checkLiveness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Alive. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok";
                    };
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
        };
    };
    getOpenApiDocument: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The OpenAPI document. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        openapi: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
        };
    };
    checkReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
            /** @description A dependency does not answer. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
        };
    };
    previewRetention: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What would go. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RetentionReport"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The actor's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
            /** @description A dependency (database, queue, speech engine) is unavailable; see Retry-After when given. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when known. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    sweepRetention: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What the sweep did. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RetentionReport"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The actor's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
            /** @description A dependency (database, queue, speech engine) is unavailable; see Retry-After when given. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when known. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listUsers: {
        parameters: {
            query?: {
                /** @description `nextCursor` of the previous page. */
                cursor?: string;
                /** @description Page size, 1–100. */
                limit?: number;
                /** @description Part of the display name or email. */
                q?: string;
                role?: components["schemas"]["Role"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of accounts. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["User"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input (`validation.invalid_input`, with field issues in `errors`), or a JSON body that is not valid UTF-8 (`validation.invalid_encoding`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The actor's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
            /** @description A dependency (database, queue, speech engine) is unavailable; see Retry-After when given. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when known. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    consent?: {
                        terms: string;
                    };
                    displayName: string;
                    email: string;
                    password: string;
                    role: components["schemas"]["Role"];
                };
            };
        };
        responses: {
            /** @description The new account. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Invalid input (`validation.invalid_input`, with field issues in `errors`), or a JSON body that is not valid UTF-8 (`validation.invalid_encoding`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The actor's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            /** @description The resource is in a state that does not allow this (e.g. `session.legal_hold`: a legal hold covers it). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body's media type or content is not accepted. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            500: components["responses"]["InternalError"];
            /** @description A dependency (database, queue, speech engine) is unavailable; see Retry-After when given. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when known. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    eraseUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What was erased. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErasureResult"];
                };
            };
            /** @description Invalid input (`validation.invalid_input`, with field issues in `errors`), or a JSON body that is not valid UTF-8 (`validation.invalid_encoding`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The actor's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or not visible to the actor. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            /** @description The resource is in a state that does not allow this (e.g. `session.legal_hold`: a legal hold covers it). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            500: components["responses"]["InternalError"];
            /** @description A provider (storage, speech, language analysis) failed or refused; `retryable` says whether trying again may help. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, queue, speech engine) is unavailable; see Retry-After when given. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when known. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    linkPatient: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                patientId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The care relation. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CareRelation"];
                };
            };
            /** @description Invalid input (`validation.invalid_input`, with field issues in `errors`), or a JSON body that is not valid UTF-8 (`validation.invalid_encoding`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The actor's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or not visible to the actor. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
            /** @description A dependency (database, queue, speech engine) is unavailable; see Retry-After when given. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when known. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    password: string;
                    /**
                     * @description Where the refresh token goes: in the answer (`body`, the default) or in an HttpOnly cookie (`cookie`, for browsers).
                     * @enum {string}
                     */
                    refreshTokenIn?: "body" | "cookie";
                };
            };
        };
        responses: {
            /** @description Signed in. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPair"];
                };
            };
            /** @description Invalid input (`validation.invalid_input`, with field issues in `errors`), or a JSON body that is not valid UTF-8 (`validation.invalid_encoding`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The actor's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body's media type or content is not accepted. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            500: components["responses"]["InternalError"];
            /** @description A dependency (database, queue, speech engine) is unavailable; see Retry-After when given. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when known. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The refresh token; leave it out to use the `confide_refresh` cookie (then the `Confide-CSRF` header is required). */
                    refreshToken?: string;
                };
            };
        };
        responses: {
            /** @description Signed out. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (`validation.invalid_input`, with field issues in `errors`), or a JSON body that is not valid UTF-8 (`validation.invalid_encoding`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The actor's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body's media type or content is not accepted. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            500: components["responses"]["InternalError"];
            /** @description A dependency (database, queue, speech engine) is unavailable; see Retry-After when given. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when known. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    currentPassword: string;
                    newPassword: string;
                };
            };
        };
        responses: {
            /** @description Changed. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (`validation.invalid_input`, with field issues in `errors`), or a JSON body that is not valid UTF-8 (`validation.invalid_encoding`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body's media type or content is not accepted. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            500: components["responses"]["InternalError"];
            /** @description A dependency (database, queue, speech engine) is unavailable; see Retry-After when given. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when known. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    refreshToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The refresh token; leave it out to use the `confide_refresh` cookie (then the `Confide-CSRF` header is required). */
                    refreshToken?: string;
                };
            };
        };
        responses: {
            /** @description A new token pair. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPair"];
                };
            };
            /** @description Invalid input (`validation.invalid_input`, with field issues in `errors`), or a JSON body that is not valid UTF-8 (`validation.invalid_encoding`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The actor's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body's media type or content is not accepted. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            500: components["responses"]["InternalError"];
            /** @description A dependency (database, queue, speech engine) is unavailable; see Retry-After when given. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when known. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listDevices: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The devices. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Device"][];
                    };
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
            /** @description A dependency (database, queue, speech engine) is unavailable; see Retry-After when given. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when known. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    registerDevice: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    platform: "android" | "ios" | "web";
                    token: string;
                };
            };
        };
        responses: {
            /** @description The device. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Device"];
                };
            };
            /** @description Invalid input (`validation.invalid_input`, with field issues in `errors`), or a JSON body that is not valid UTF-8 (`validation.invalid_encoding`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body's media type or content is not accepted. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            500: components["responses"]["InternalError"];
            /** @description A dependency (database, queue, speech engine) is unavailable; see Retry-After when given. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when known. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    removeDevice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (`validation.invalid_input`, with field issues in `errors`), or a JSON body that is not valid UTF-8 (`validation.invalid_encoding`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or not visible to the actor. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
            /** @description A dependency (database, queue, speech engine) is unavailable; see Retry-After when given. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when known. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listLegalHolds: {
        parameters: {
            query: {
                /** @description true: only holds not released. */
                active?: "true" | "false";
                patientId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The holds. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["LegalHold"][];
                    };
                };
            };
            /** @description Invalid input (`validation.invalid_input`, with field issues in `errors`), or a JSON body that is not valid UTF-8 (`validation.invalid_encoding`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The actor's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or not visible to the actor. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
            /** @description A dependency (database, queue, speech engine) is unavailable; see Retry-After when given. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when known. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    setLegalHold: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    patientId?: string;
                    /** @description Why: a case or request reference. Not clinical content. */
                    reason: string;
                    sessionId?: string;
                };
            };
        };
        responses: {
            /** @description The hold. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LegalHold"];
                };
            };
            /** @description Invalid input (`validation.invalid_input`, with field issues in `errors`), or a JSON body that is not valid UTF-8 (`validation.invalid_encoding`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The actor's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or not visible to the actor. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body's media type or content is not accepted. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            500: components["responses"]["InternalError"];
            /** @description A dependency (database, queue, speech engine) is unavailable; see Retry-After when given. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when known. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    releaseLegalHold: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The released hold. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LegalHold"];
                };
            };
            /** @description Invalid input (`validation.invalid_input`, with field issues in `errors`), or a JSON body that is not valid UTF-8 (`validation.invalid_encoding`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The actor's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or not visible to the actor. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
            /** @description A dependency (database, queue, speech engine) is unavailable; see Retry-After when given. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when known. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getProfile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The profile. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or not visible to the actor. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
            /** @description A dependency (database, queue, speech engine) is unavailable; see Retry-After when given. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when known. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateProfile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    consent?: {
                        terms: string;
                    };
                    defaultNoteFormat?: components["schemas"]["NoteFormat"] & unknown;
                    displayName?: string;
                };
            };
        };
        responses: {
            /** @description The updated profile. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Invalid input (`validation.invalid_input`, with field issues in `errors`), or a JSON body that is not valid UTF-8 (`validation.invalid_encoding`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The actor's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or not visible to the actor. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body's media type or content is not accepted. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            500: components["responses"]["InternalError"];
            /** @description A dependency (database, queue, speech engine) is unavailable; see Retry-After when given. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when known. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOwnConsent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The consent. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsentStatus"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The actor's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
            /** @description A dependency (database, queue, speech engine) is unavailable; see Retry-After when given. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when known. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    grantOwnConsent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    form: components["schemas"]["ConsentForm"];
                    /** @description What is granted, at least one scope: required (a grant without it is refused with 400 validation.invalid_input; nothing is assumed). Scopes in force and not named stay as they were. */
                    scopes: components["schemas"]["ConsentScopeEntry"][];
                };
            };
        };
        responses: {
            /** @description Granted. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsentGrantResult"];
                };
            };
            /** @description Invalid input (`validation.invalid_input`, with field issues in `errors`), or a JSON body that is not valid UTF-8 (`validation.invalid_encoding`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The actor's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            /** @description The resource is in a state that does not allow this (e.g. `session.legal_hold`: a legal hold covers it). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body's media type or content is not accepted. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            500: components["responses"]["InternalError"];
            /** @description A dependency (database, queue, speech engine) is unavailable; see Retry-After when given. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when known. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    withdrawOwnConsent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Also erase every session about the patient. */
                    eraseSessions?: boolean;
                    reason?: string;
                    /** @description What is withdrawn; everything in force when absent. */
                    scopes?: components["schemas"]["ConsentScopeEntry"][];
                };
            };
        };
        responses: {
            /** @description Withdrawn. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsentWithdrawalResult"];
                };
            };
            /** @description Invalid input (`validation.invalid_input`, with field issues in `errors`), or a JSON body that is not valid UTF-8 (`validation.invalid_encoding`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The actor's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            /** @description The resource is in a state that does not allow this (e.g. `session.legal_hold`: a legal hold covers it). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body's media type or content is not accepted. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            500: components["responses"]["InternalError"];
            /** @description A dependency (database, queue, speech engine) is unavailable; see Retry-After when given. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when known. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    exportUserData: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The export. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDataExport"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or not visible to the actor. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
            /** @description A dependency (database, queue, speech engine) is unavailable; see Retry-After when given. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when known. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getVoiceEnrolment: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The enrolment (never audio nor the embedding). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VoiceEnrolment"] & unknown;
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The actor's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or not visible to the actor. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
            /** @description A dependency (database, queue, speech engine) is unavailable; see Retry-After when given. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when known. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    enrolVoice: {
        parameters: {
            query?: {
                consent?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description Enrolled. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VoiceEnrolment"] & unknown;
                };
            };
            /** @description Invalid input (`validation.invalid_input`, with field issues in `errors`), or a JSON body that is not valid UTF-8 (`validation.invalid_encoding`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The actor's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or not visible to the actor. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body's media type or content is not accepted. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Error. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            500: components["responses"]["InternalError"];
            /** @description Error. */
            501: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, queue, speech engine) is unavailable; see Retry-After when given. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when known. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    eraseVoiceEnrolment: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Erased (or there was nothing to erase). */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The actor's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or not visible to the actor. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
            /** @description A dependency (database, queue, speech engine) is unavailable; see Retry-After when given. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when known. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    searchPatients: {
        parameters: {
            query?: {
                /** @description `nextCursor` of the previous page. */
                cursor?: string;
                /** @description Page size, 1–100. */
                limit?: number;
                /** @description Part of the display name or email. */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of patients. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["User"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input (`validation.invalid_input`, with field issues in `errors`), or a JSON body that is not valid UTF-8 (`validation.invalid_encoding`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The actor's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
            /** @description A dependency (database, queue, speech engine) is unavailable; see Retry-After when given. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when known. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPatientConsent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The consent. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsentStatus"];
                };
            };
            /** @description Invalid input (`validation.invalid_input`, with field issues in `errors`), or a JSON body that is not valid UTF-8 (`validation.invalid_encoding`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The actor's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or not visible to the actor. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
            /** @description A dependency (database, queue, speech engine) is unavailable; see Retry-After when given. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when known. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    recordPatientConsent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    form: components["schemas"]["ConsentForm"];
                    /** @enum {string} */
                    method: "written" | "verbal_witnessed";
                    /** @description What is granted, at least one scope: required (a grant without it is refused with 400 validation.invalid_input; nothing is assumed). Scopes in force and not named stay as they were. */
                    scopes: components["schemas"]["ConsentScopeEntry"][];
                };
            };
        };
        responses: {
            /** @description Recorded. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsentGrantResult"];
                };
            };
            /** @description Invalid input (`validation.invalid_input`, with field issues in `errors`), or a JSON body that is not valid UTF-8 (`validation.invalid_encoding`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The actor's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or not visible to the actor. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            /** @description The resource is in a state that does not allow this (e.g. `session.legal_hold`: a legal hold covers it). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body's media type or content is not accepted. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            500: components["responses"]["InternalError"];
            /** @description A dependency (database, queue, speech engine) is unavailable; see Retry-After when given. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when known. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    recordPatientConsentWithdrawal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Also erase every session about the patient. */
                    eraseSessions?: boolean;
                    reason?: string;
                    /** @description What is withdrawn; everything in force when absent. */
                    scopes?: components["schemas"]["ConsentScopeEntry"][];
                };
            };
        };
        responses: {
            /** @description Recorded. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsentWithdrawalResult"];
                };
            };
            /** @description Invalid input (`validation.invalid_input`, with field issues in `errors`), or a JSON body that is not valid UTF-8 (`validation.invalid_encoding`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The actor's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or not visible to the actor. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            /** @description The resource is in a state that does not allow this (e.g. `session.legal_hold`: a legal hold covers it). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body's media type or content is not accepted. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            500: components["responses"]["InternalError"];
            /** @description A dependency (database, queue, speech engine) is unavailable; see Retry-After when given. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when known. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listSessions: {
        parameters: {
            query?: {
                /** @description `nextCursor` of the previous page. */
                cursor?: string;
                /** @description recordedAt ≥ from (ISO 8601). */
                from?: string;
                /** @description Page size, 1–100. */
                limit?: number;
                patientId?: string;
                /** @description Search: every word must appear in the title or transcript, or in what the caller may read of the clinical notes (a therapist: all of them; a patient: the patient summary of a finalized session). */
                q?: string;
                /** @description Comma-separated statuses, e.g. `ready,finalized`. */
                status?: string;
                /** @description recordedAt < to (ISO 8601). */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of session summaries. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["SessionSummary"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input (`validation.invalid_input`, with field issues in `errors`), or a JSON body that is not valid UTF-8 (`validation.invalid_encoding`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The actor's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
            /** @description A dependency (database, queue, speech engine) is unavailable; see Retry-After when given. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when known. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    uploadSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description The recording. Last.
                     */
                    audio: string;
                    /**
                     * @description The progress-note format of the session's notes (`soap`, `dap`, `birp`, `confide`); the therapist's default when absent. Before `audio`.
                     * @enum {string}
                     */
                    noteFormat?: "confide" | "soap" | "dap" | "birp";
                    /** @description The patient (linked to the caller). Before `audio`. */
                    patientId: string;
                    /**
                     * Format: date-time
                     * @description When the session took place. Before `audio`.
                     */
                    recordedAt?: string;
                    /** @description Transcription settings as a JSON object (any subset of TranscriptionSettings). Before `audio`. */
                    settings?: string;
                    /** @description Before `audio`. */
                    title?: string;
                    /**
                     * @description `true` shows the title to the patient; `false` or absent gives them a neutral one ("Session of <date>"). Before `audio`.
                     * @enum {string}
                     */
                    titleShared?: "true" | "false";
                };
            };
        };
        responses: {
            /** @description Stored and queued for processing. `Location` names the session; `ETag` is its version. */
            201: {
                headers: {
                    ETag?: string;
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description Invalid input (`validation.invalid_input`, with field issues in `errors`), or a JSON body that is not valid UTF-8 (`validation.invalid_encoding`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The actor's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or not visible to the actor. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body's media type or content is not accepted. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            500: components["responses"]["InternalError"];
            /** @description A provider (storage, speech, language analysis) failed or refused; `retryable` says whether trying again may help. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, queue, speech engine) is unavailable; see Retry-After when given. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when known. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSession: {
        parameters: {
            query?: never;
            header?: {
                "if-none-match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session (the patient view for a patient). */
            200: {
                headers: {
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionView"];
                };
            };
            /** @description Not modified since the version in If-None-Match. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (`validation.invalid_input`, with field issues in `errors`), or a JSON body that is not valid UTF-8 (`validation.invalid_encoding`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The actor's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or not visible to the actor. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
            /** @description A dependency (database, queue, speech engine) is unavailable; see Retry-After when given. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when known. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Erased. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (`validation.invalid_input`, with field issues in `errors`), or a JSON body that is not valid UTF-8 (`validation.invalid_encoding`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The actor's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or not visible to the actor. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            /** @description The resource is in a state that does not allow this (e.g. `session.legal_hold`: a legal hold covers it). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            500: components["responses"]["InternalError"];
            /** @description A provider (storage, speech, language analysis) failed or refused; `retryable` says whether trying again may help. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, queue, speech engine) is unavailable; see Retry-After when given. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when known. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSessionAudio: {
        parameters: {
            query?: {
                /** @description A signed link's token (POST /v1/sessions/{id}/audio:link), instead of a bearer token. */
                access?: string;
            };
            header?: {
                range?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The whole recording. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "audio/*": string;
                };
            };
            /** @description The requested byte range. */
            206: {
                headers: {
                    "Content-Range"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "audio/*": string;
                };
            };
            /** @description Invalid input (`validation.invalid_input`, with field issues in `errors`), or a JSON body that is not valid UTF-8 (`validation.invalid_encoding`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The actor's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or not visible to the actor. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            /** @description Gone for good (`audio.deleted`: the retention policy deleted the recording). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The range starts past the end of the recording. */
            416: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            500: components["responses"]["InternalError"];
            /** @description A provider (storage, speech, language analysis) failed or refused; `retryable` says whether trying again may help. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, queue, speech engine) is unavailable; see Retry-After when given. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when known. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createSessionAudioLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The link. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionAudioLink"];
                };
            };
            /** @description Invalid input (`validation.invalid_input`, with field issues in `errors`), or a JSON body that is not valid UTF-8 (`validation.invalid_encoding`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The actor's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or not visible to the actor. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
            /** @description A dependency (database, queue, speech engine) is unavailable; see Retry-After when given. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when known. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    followSessionEvents: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The event stream. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description Invalid input (`validation.invalid_input`, with field issues in `errors`), or a JSON body that is not valid UTF-8 (`validation.invalid_encoding`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The actor's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or not visible to the actor. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            500: components["responses"]["InternalError"];
            /** @description A dependency (database, queue, speech engine) is unavailable; see Retry-After when given. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when known. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    finalizeSession: {
        parameters: {
            query?: never;
            header?: {
                /** @description The version read, as its ETag; 412 when stale. */
                "if-match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["Finalize"];
            };
        };
        responses: {
            /** @description The finalized session. */
            200: {
                headers: {
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description Invalid input (`validation.invalid_input`, with field issues in `errors`), or a JSON body that is not valid UTF-8 (`validation.invalid_encoding`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The actor's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or not visible to the actor. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            /** @description The resource is in a state that does not allow this (e.g. `session.legal_hold`: a legal hold covers it). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match names a version that is no longer current (`session.version_conflict`). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body's media type or content is not accepted. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            500: components["responses"]["InternalError"];
            /** @description A provider (storage, speech, language analysis) failed or refused; `retryable` says whether trying again may help. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, queue, speech engine) is unavailable; see Retry-After when given. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when known. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSessionNote: {
        parameters: {
            query?: {
                /** @description The layout, overriding the session's own; the session's `noteFormat` when absent. */
                format?: components["schemas"]["NoteFormat"] & unknown;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The note. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionNote"];
                };
            };
            /** @description Invalid input (`validation.invalid_input`, with field issues in `errors`), or a JSON body that is not valid UTF-8 (`validation.invalid_encoding`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The actor's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or not visible to the actor. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            /** @description The resource is in a state that does not allow this (e.g. `session.legal_hold`: a legal hold covers it). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            500: components["responses"]["InternalError"];
            /** @description A dependency (database, queue, speech engine) is unavailable; see Retry-After when given. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when known. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    exportSessionNoteFhir: {
        parameters: {
            query?: {
                /** @description The layout, overriding the session's own; the session's `noteFormat` when absent. */
                format?: components["schemas"]["NoteFormat"] & unknown;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The DocumentReference. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["FhirDocumentReference"];
                };
            };
            /** @description Invalid input (`validation.invalid_input`, with field issues in `errors`), or a JSON body that is not valid UTF-8 (`validation.invalid_encoding`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The actor's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or not visible to the actor. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            /** @description The resource is in a state that does not allow this (e.g. `session.legal_hold`: a legal hold covers it). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            500: components["responses"]["InternalError"];
            /** @description A dependency (database, queue, speech engine) is unavailable; see Retry-After when given. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when known. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    editNotes: {
        parameters: {
            query?: never;
            header: {
                /** @description The version read, as its ETag (`"<version>"` or `W/"<version>"`). Required: 428 without, 412 when stale. */
                "if-match": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NotesEdit"];
            };
        };
        responses: {
            /** @description The session with the edited notes. */
            200: {
                headers: {
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description Invalid input (`validation.invalid_input`, with field issues in `errors`), or a JSON body that is not valid UTF-8 (`validation.invalid_encoding`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The actor's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or not visible to the actor. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            /** @description The resource is in a state that does not allow this (e.g. `session.legal_hold`: a legal hold covers it). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match names a version that is no longer current (`session.version_conflict`). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body's media type or content is not accepted. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match is required (`session.version_required`). */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            500: components["responses"]["InternalError"];
            /** @description A dependency (database, queue, speech engine) is unavailable; see Retry-After when given. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when known. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    regenerateNotes: {
        parameters: {
            query?: never;
            header?: {
                /** @description The version read, as its ETag; 412 when stale. */
                "if-match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RegenerateNotes"];
            };
        };
        responses: {
            /** @description The session with fresh notes. */
            200: {
                headers: {
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description Invalid input (`validation.invalid_input`, with field issues in `errors`), or a JSON body that is not valid UTF-8 (`validation.invalid_encoding`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The actor's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or not visible to the actor. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            /** @description The resource is in a state that does not allow this (e.g. `session.legal_hold`: a legal hold covers it). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match names a version that is no longer current (`session.version_conflict`). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body's media type or content is not accepted. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            500: components["responses"]["InternalError"];
            /** @description A provider (storage, speech, language analysis) failed or refused; `retryable` says whether trying again may help. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, queue, speech engine) is unavailable; see Retry-After when given. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when known. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    retrySession: {
        parameters: {
            query?: never;
            header?: {
                /** @description The version read, as its ETag; 412 when stale. */
                "if-match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session: queued again after a retryable failure, or taken over in its processing status when it was stuck. */
            200: {
                headers: {
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description Invalid input (`validation.invalid_input`, with field issues in `errors`), or a JSON body that is not valid UTF-8 (`validation.invalid_encoding`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The actor's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or not visible to the actor. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            /** @description The resource is in a state that does not allow this (e.g. `session.legal_hold`: a legal hold covers it). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match names a version that is no longer current (`session.version_conflict`). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            500: components["responses"]["InternalError"];
            /** @description A provider (storage, speech, language analysis) failed or refused; `retryable` says whether trying again may help. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, queue, speech engine) is unavailable; see Retry-After when given. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when known. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    acknowledgeRiskFlag: {
        parameters: {
            query?: never;
            header?: {
                /** @description The version read, as its ETag; 412 when stale. */
                "if-match"?: string;
            };
            path: {
                /** @description The flag's `id` in the session's `risk.flags`. */
                flagId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AcknowledgeRiskFlag"];
            };
        };
        responses: {
            /** @description The session with the flag acknowledged. */
            200: {
                headers: {
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description Invalid input (`validation.invalid_input`, with field issues in `errors`), or a JSON body that is not valid UTF-8 (`validation.invalid_encoding`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The actor's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or not visible to the actor. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            /** @description The resource is in a state that does not allow this (e.g. `session.legal_hold`: a legal hold covers it). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match names a version that is no longer current (`session.version_conflict`). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body's media type or content is not accepted. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            500: components["responses"]["InternalError"];
            /** @description A dependency (database, queue, speech engine) is unavailable; see Retry-After when given. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when known. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    undoRiskAcknowledgement: {
        parameters: {
            query?: never;
            header?: {
                /** @description The version read, as its ETag; 412 when stale. */
                "if-match"?: string;
            };
            path: {
                /** @description The flag's `id` in the session's `risk.flags`. */
                flagId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session with the acknowledgement taken back. */
            200: {
                headers: {
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description Invalid input (`validation.invalid_input`, with field issues in `errors`), or a JSON body that is not valid UTF-8 (`validation.invalid_encoding`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The actor's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or not visible to the actor. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            /** @description The resource is in a state that does not allow this (e.g. `session.legal_hold`: a legal hold covers it). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match names a version that is no longer current (`session.version_conflict`). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            500: components["responses"]["InternalError"];
            /** @description A dependency (database, queue, speech engine) is unavailable; see Retry-After when given. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when known. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    relabelSpeakers: {
        parameters: {
            query?: never;
            header: {
                /** @description The version read, as its ETag (`"<version>"` or `W/"<version>"`). Required: 428 without, 412 when stale. */
                "if-match": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    segments?: {
                        id: string;
                        speaker: string;
                    }[];
                    speakers?: {
                        label: string;
                        /** @enum {string} */
                        role: "therapist" | "patient" | "unknown";
                    }[];
                };
            };
        };
        responses: {
            /** @description The relabelled session. */
            200: {
                headers: {
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description Invalid input (`validation.invalid_input`, with field issues in `errors`), or a JSON body that is not valid UTF-8 (`validation.invalid_encoding`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The actor's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or not visible to the actor. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            /** @description The resource is in a state that does not allow this (e.g. `session.legal_hold`: a legal hold covers it). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match names a version that is no longer current (`session.version_conflict`). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body's media type or content is not accepted. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match is required (`session.version_required`). */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            500: components["responses"]["InternalError"];
            /** @description A provider (storage, speech, language analysis) failed or refused; `retryable` says whether trying again may help. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, queue, speech engine) is unavailable; see Retry-After when given. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when known. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    setSessionTitleSharing: {
        parameters: {
            query?: never;
            header?: {
                /** @description The version read, as its ETag; 412 when stale. */
                "if-match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TitleSharing"];
            };
        };
        responses: {
            /** @description The session with the choice recorded. */
            200: {
                headers: {
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description Invalid input (`validation.invalid_input`, with field issues in `errors`), or a JSON body that is not valid UTF-8 (`validation.invalid_encoding`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The actor's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or not visible to the actor. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            /** @description The resource is in a state that does not allow this (e.g. `session.legal_hold`: a legal hold covers it). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match names a version that is no longer current (`session.version_conflict`). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body's media type or content is not accepted. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            500: components["responses"]["InternalError"];
            /** @description A dependency (database, queue, speech engine) is unavailable; see Retry-After when given. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when known. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    editTranscript: {
        parameters: {
            query?: never;
            header: {
                /** @description The version read, as its ETag (`"<version>"` or `W/"<version>"`). Required: 428 without, 412 when stale. */
                "if-match": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    edits: {
                        segmentId: string;
                        text: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description The edited session. */
            200: {
                headers: {
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description Invalid input (`validation.invalid_input`, with field issues in `errors`), or a JSON body that is not valid UTF-8 (`validation.invalid_encoding`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The actor's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or not visible to the actor. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            /** @description The resource is in a state that does not allow this (e.g. `session.legal_hold`: a legal hold covers it). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match names a version that is no longer current (`session.version_conflict`). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body's media type or content is not accepted. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match is required (`session.version_required`). */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            500: components["responses"]["InternalError"];
            /** @description A provider (storage, speech, language analysis) failed or refused; `retryable` says whether trying again may help. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, queue, speech engine) is unavailable; see Retry-After when given. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when known. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPendingReview: {
        parameters: {
            query?: {
                /** @description `nextCursor` of the previous page. */
                cursor?: string;
                /** @description Page size, 1–100. */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of session summaries. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["SessionSummary"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input (`validation.invalid_input`, with field issues in `errors`), or a JSON body that is not valid UTF-8 (`validation.invalid_encoding`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The actor's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
            /** @description A dependency (database, queue, speech engine) is unavailable; see Retry-After when given. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when known. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createResumableUpload: {
        parameters: {
            query?: never;
            header: {
                /** @description The tus protocol version: `1.0.0`. */
                "tus-resumable": string;
                /** @description The recording's size in bytes. */
                "upload-length": string;
                /** @description Comma-separated `key base64(value)` pairs; at most 8192 bytes (all of a request's headers together: at most 16384 bytes, else 431 `request.header_too_large`). */
                "upload-metadata"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Created. `Location` is the upload's URL, for PATCH, HEAD and DELETE. */
            201: {
                headers: {
                    Location?: string;
                    /** @description The protocol version, `1.0.0`. */
                    "Tus-Resumable"?: string;
                    /** @description When an upload without progress is removed (HTTP date). */
                    "Upload-Expires"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (`validation.invalid_input`, with field issues in `errors`), or a JSON body that is not valid UTF-8 (`validation.invalid_encoding`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The actor's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or not visible to the actor. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            /** @description If-Match names a version that is no longer current (`session.version_conflict`). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            500: components["responses"]["InternalError"];
            /** @description A dependency (database, queue, speech engine) is unavailable; see Retry-After when given. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when known. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    describeResumableUploads: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Tus-Version, Tus-Extension, Tus-Max-Size and Tus-Checksum-Algorithm. */
            204: {
                headers: {
                    "Tus-Checksum-Algorithm"?: string;
                    "Tus-Extension"?: string;
                    "Tus-Max-Size"?: number;
                    "Tus-Version"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
        };
    };
    getResumableUpload: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The upload. */
            200: {
                headers: {
                    /** @description The session stored from the upload, once complete. */
                    "Confide-Session-Id"?: string;
                    /** @description The protocol version, `1.0.0`. */
                    "Tus-Resumable"?: string;
                    /** @description When an upload without progress is removed (HTTP date). */
                    "Upload-Expires"?: string;
                    "Upload-Length"?: number;
                    /** @description Bytes received so far. */
                    "Upload-Offset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResumableUpload"];
                };
            };
            /** @description Invalid input (`validation.invalid_input`, with field issues in `errors`), or a JSON body that is not valid UTF-8 (`validation.invalid_encoding`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or not visible to the actor. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            /** @description Gone for good (`audio.deleted`: the retention policy deleted the recording). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match names a version that is no longer current (`session.version_conflict`). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            500: components["responses"]["InternalError"];
            /** @description A dependency (database, queue, speech engine) is unavailable; see Retry-After when given. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when known. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    terminateResumableUpload: {
        parameters: {
            query?: never;
            header: {
                /** @description The tus protocol version: `1.0.0`. */
                "tus-resumable": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed. */
            204: {
                headers: {
                    /** @description The protocol version, `1.0.0`. */
                    "Tus-Resumable"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (`validation.invalid_input`, with field issues in `errors`), or a JSON body that is not valid UTF-8 (`validation.invalid_encoding`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or not visible to the actor. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            /** @description The resource is in a state that does not allow this (e.g. `session.legal_hold`: a legal hold covers it). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone for good (`audio.deleted`: the retention policy deleted the recording). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match names a version that is no longer current (`session.version_conflict`). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            500: components["responses"]["InternalError"];
            /** @description A dependency (database, queue, speech engine) is unavailable; see Retry-After when given. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when known. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    appendResumableUpload: {
        parameters: {
            query?: never;
            header: {
                /** @description The tus protocol version: `1.0.0`. */
                "tus-resumable": string;
                /** @description `sha256 <base64 digest>` of this body. */
                "upload-checksum"?: string;
                /** @description Where this body starts. */
                "upload-offset": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/offset+octet-stream": string;
            };
        };
        responses: {
            /** @description Appended; `Upload-Offset` is the new offset. With `Confide-Session-Id` when the recording was stored. */
            204: {
                headers: {
                    /** @description The stored session, after the last byte. */
                    "Confide-Session-Id"?: string;
                    /** @description The protocol version, `1.0.0`. */
                    "Tus-Resumable"?: string;
                    /** @description When an upload without progress is removed (HTTP date). */
                    "Upload-Expires"?: string;
                    /** @description Bytes received so far. */
                    "Upload-Offset"?: number;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (`validation.invalid_input`, with field issues in `errors`), or a JSON body that is not valid UTF-8 (`validation.invalid_encoding`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The actor's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or not visible to the actor. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            /** @description The resource is in a state that does not allow this (e.g. `session.legal_hold`: a legal hold covers it). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone for good (`audio.deleted`: the retention policy deleted the recording). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match names a version that is no longer current (`session.version_conflict`). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body's media type or content is not accepted. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body does not match its Upload-Checksum (`upload.checksum_mismatch`, tus checksum extension): its bytes were dropped. */
            460: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            500: components["responses"]["InternalError"];
            /** @description A provider (storage, speech, language analysis) failed or refused; `retryable` says whether trying again may help. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, queue, speech engine) is unavailable; see Retry-After when given. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when known. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
