-- Confide schema, version 1. Forward-only: never edit a released migration; add 0002_… instead.
-- Runs on PostgreSQL ≥ 12 and PGlite. Ids compare byte-wise (COLLATE "C") so that ordering and
-- cursors are the same on every server, whatever its locale.

CREATE TABLE confide_sessions (
  id           text COLLATE "C" PRIMARY KEY,
  therapist_id text COLLATE "C" NOT NULL,
  patient_id   text COLLATE "C" NOT NULL,
  status       text NOT NULL,
  recorded_at  timestamptz NOT NULL,
  updated_at   timestamptz NOT NULL,
  version      integer NOT NULL,
  -- The whole Session; Dates are stored as {"$date": "<ISO 8601>"}.
  document     jsonb NOT NULL,
  -- Title and transcript segment text, stemmed (english) and verbatim (simple): a query
  -- matches when all its words match in either form.
  search       tsvector GENERATED ALWAYS AS (
    to_tsvector('english'::regconfig, coalesce(document ->> 'title', ''))
    || jsonb_to_tsvector('english'::regconfig,
         coalesce(jsonb_path_query_array(document, '$.transcript.segments[*].text'), '[]'::jsonb),
         '["string"]'::jsonb)
    || to_tsvector('simple'::regconfig, coalesce(document ->> 'title', ''))
    || jsonb_to_tsvector('simple'::regconfig,
         coalesce(jsonb_path_query_array(document, '$.transcript.segments[*].text'), '[]'::jsonb),
         '["string"]'::jsonb)
  ) STORED
);

CREATE INDEX confide_sessions_recorded ON confide_sessions (recorded_at DESC, id DESC);
CREATE INDEX confide_sessions_therapist ON confide_sessions (therapist_id, recorded_at DESC, id DESC);
CREATE INDEX confide_sessions_patient ON confide_sessions (patient_id, recorded_at DESC, id DESC);
CREATE INDEX confide_sessions_status ON confide_sessions (status, updated_at);
CREATE INDEX confide_sessions_search ON confide_sessions USING gin (search);

CREATE TABLE confide_users (
  id                text COLLATE "C" PRIMARY KEY,
  -- Stored lower-cased (normalizeEmail); the index makes it unique whatever the case.
  email             text NOT NULL,
  display_name      text NOT NULL,
  role              text NOT NULL,
  password_hash     text NOT NULL,
  consent_terms     text,
  consent_agreed_at timestamptz,
  active            boolean NOT NULL,
  created_at        timestamptz NOT NULL,
  updated_at        timestamptz NOT NULL
);

CREATE UNIQUE INDEX confide_users_email ON confide_users (lower(email));
-- Lists are ordered by display name, case-insensitively, then id.
CREATE INDEX confide_users_name ON confide_users ((lower(display_name) COLLATE "C"), id);
CREATE INDEX confide_users_role_name ON confide_users (role, (lower(display_name) COLLATE "C"), id);

CREATE TABLE confide_care_relations (
  therapist_id text COLLATE "C" NOT NULL,
  patient_id   text COLLATE "C" NOT NULL,
  created_at   timestamptz NOT NULL,
  PRIMARY KEY (therapist_id, patient_id)
);

CREATE INDEX confide_care_relations_patient ON confide_care_relations (patient_id);

CREATE TABLE confide_refresh_tokens (
  id         text COLLATE "C" PRIMARY KEY,
  family_id  text COLLATE "C" NOT NULL,
  user_id    text COLLATE "C" NOT NULL,
  token_hash text COLLATE "C" NOT NULL UNIQUE,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at    timestamptz,
  revoked_at timestamptz
);

CREATE INDEX confide_refresh_tokens_family ON confide_refresh_tokens (family_id);
CREATE INDEX confide_refresh_tokens_user ON confide_refresh_tokens (user_id);

CREATE TABLE confide_devices (
  id           text COLLATE "C" PRIMARY KEY,
  user_id      text COLLATE "C" NOT NULL,
  token        text COLLATE "C" NOT NULL UNIQUE,
  platform     text NOT NULL,
  created_at   timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL
);

CREATE INDEX confide_devices_user ON confide_devices (user_id, created_at DESC, id DESC);

-- Append-only: the repositories only ever insert here.
CREATE TABLE confide_audit_events (
  id              text COLLATE "C" PRIMARY KEY,
  at              timestamptz NOT NULL,
  actor_id        text COLLATE "C" NOT NULL,
  actor_role      text NOT NULL,
  action          text NOT NULL,
  session_id      text COLLATE "C",
  subject_user_id text COLLATE "C",
  detail          jsonb
);

CREATE INDEX confide_audit_events_at ON confide_audit_events (at DESC, id DESC);
CREATE INDEX confide_audit_events_actor ON confide_audit_events (actor_id, at DESC, id DESC);
CREATE INDEX confide_audit_events_subject ON confide_audit_events (subject_user_id, at DESC, id DESC);
CREATE INDEX confide_audit_events_session ON confide_audit_events (session_id, at DESC, id DESC);
