-- Patients' consent histories (issue 14): one row per grant or withdrawal, never updated except
-- for erasing a withdrawal's reason when the patient is erased. The primary key keeps one record
-- per place in a patient's history, so two writers appending at once cannot both succeed; the
-- history is read in that order. No foreign key to confide_users: the records outlive an erased
-- account, as proof that the processing done before was consented to.
CREATE TABLE confide_consent_records (
  patient_id text NOT NULL,
  sequence integer NOT NULL CHECK (sequence >= 1),
  id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('grant', 'withdrawal')),
  at timestamptz NOT NULL,
  recorded_by text NOT NULL,
  recorded_by_role text NOT NULL,
  scopes jsonb NOT NULL,
  -- A grant's form and how it was obtained; null on a withdrawal.
  form_version text,
  form_text_sha256 text,
  method text,
  -- A withdrawal's reason and erasure request; null on a grant.
  reason text,
  erase_sessions boolean,
  PRIMARY KEY (patient_id, sequence),
  CONSTRAINT confide_consent_records_id UNIQUE (id),
  CHECK ((kind = 'grant') = (form_version IS NOT NULL AND form_text_sha256 IS NOT NULL AND method IS NOT NULL)),
  CHECK ((kind = 'withdrawal') = (erase_sessions IS NOT NULL))
);
