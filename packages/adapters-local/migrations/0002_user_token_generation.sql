-- Access tokens carry the user's token generation; raising it ends every token issued before
-- (logout, password change, refresh-token reuse, erasure). Existing users start at 0.
ALTER TABLE confide_users ADD COLUMN token_generation bigint NOT NULL DEFAULT 0;
