-- What a session is found by is core's rule (sessionSearchTerms: the title's and the segments'
-- words, NFKC, lower-cased, split at non-word characters), written by the repository with every
-- session; the full-text vector, stemmed (english) and verbatim (simple), is generated from it.
-- Rows written before this migration have no terms: the repositories' migrate() fills them in
-- with the same rule (backfillSessionSearchTerms) right after the migrations.
DROP INDEX IF EXISTS confide_sessions_search;
ALTER TABLE confide_sessions DROP COLUMN search;
ALTER TABLE confide_sessions ADD COLUMN search_terms text;
ALTER TABLE confide_sessions ADD COLUMN search tsvector GENERATED ALWAYS AS (
  to_tsvector('english'::regconfig, coalesce(search_terms, ''))
  || to_tsvector('simple'::regconfig, coalesce(search_terms, ''))
) STORED;
CREATE INDEX confide_sessions_search ON confide_sessions USING gin (search);
-- Empty once the backfill is done, so looking for rows to fill in costs nothing at start-up.
CREATE INDEX confide_sessions_search_terms_missing ON confide_sessions (id) WHERE search_terms IS NULL;
