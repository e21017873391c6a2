-- A therapist's default note format (issue 22): what a new session is written in when its upload
-- or live start names none ('confide', 'soap', 'dap' or 'birp', checked by core). Null: none set
-- (core's default, 'confide').
ALTER TABLE confide_users ADD COLUMN default_note_format text;
