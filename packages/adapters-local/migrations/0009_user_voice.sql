-- A therapist's enrolled voice (issue 23 item 4): the embedding of a read-aloud sample, its
-- consent and metadata, as one JSON document; never audio. Null when none is enrolled. Deleted
-- with the account row (erasure).
ALTER TABLE confide_users ADD COLUMN voice jsonb;
