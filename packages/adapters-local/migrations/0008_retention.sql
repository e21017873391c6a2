-- Retention and legal holds (issue 14).
-- A legal hold suspends every deletion of what it covers: one session (session_id set) or every
-- session of a patient (session_id null). Never deleted: releasing sets released_at/by, so the
-- history of holds stays. patient_id is set for both kinds, so one lookup finds every hold that
-- covers a patient's session.
CREATE TABLE confide_legal_holds (
  id           text COLLATE "C" PRIMARY KEY,
  patient_id   text COLLATE "C" NOT NULL,
  session_id   text COLLATE "C",
  reason       text NOT NULL,
  set_at       timestamptz NOT NULL,
  set_by       text COLLATE "C" NOT NULL,
  set_by_role  text NOT NULL,
  released_at  timestamptz,
  released_by  text COLLATE "C"
);

CREATE INDEX confide_legal_holds_patient ON confide_legal_holds (patient_id, set_at DESC, id DESC);

-- The retention sweep pages through finalized sessions by when they were finalized. Dates are
-- stored in the document as ISO 8601 UTC text ({"$date": "…Z"}), which sorts as the instants do,
-- so the index is on the text itself (a cast to timestamptz is not immutable and cannot be indexed).
CREATE INDEX confide_sessions_finalized_at ON confide_sessions ((document #>> '{review,finalizedAt,$date}'), id)
  WHERE status = 'finalized';
-- Failed sessions by updated_at: confide_sessions_status (status, updated_at) serves them.
