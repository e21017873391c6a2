-- Search covers clinical notes (issue 11), but not for everyone: a therapist's search matches the
-- whole notes, a patient's only what the patient reads (the title, the transcript, the patient
-- summary of a finalized session). Both term lists are core's rule (sessionSearchIndex), written
-- by the repository with every session: `search_terms` (the clinician's, now with the notes'
-- words) and `patient_search_terms`, each with its generated full-text vector.
-- Rows written before this migration have no patient terms and clinician terms without the notes'
-- words: the repositories' migrate() rewrites both (backfillSessionSearchTerms) right after the
-- migrations. Until then a patient's search does not see them: it never falls back to terms that
-- could hold what the patient may not read.
ALTER TABLE confide_sessions ADD COLUMN patient_search_terms text;
ALTER TABLE confide_sessions ADD COLUMN patient_search tsvector GENERATED ALWAYS AS (
  to_tsvector('english'::regconfig, coalesce(patient_search_terms, ''))
  || to_tsvector('simple'::regconfig, coalesce(patient_search_terms, ''))
) STORED;
CREATE INDEX confide_sessions_patient_search ON confide_sessions USING gin (patient_search);
-- Empty once the backfill is done, so looking for rows to fill in costs nothing at start-up.
CREATE INDEX confide_sessions_patient_search_terms_missing ON confide_sessions (id) WHERE patient_search_terms IS NULL;
