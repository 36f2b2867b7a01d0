-- A person's sign-in (shared/API.md, "Signing in"): a password, an optional TOTP secret, and the
-- access tokens that POST /authorize issues.

-- `scrypt$N$r$p$salt$hash` (base64 salt and hash): the parameters travel with the hash, so they can
-- be raised later without breaking existing passwords. NULL: this user cannot sign in with a password.
ALTER TABLE users ADD COLUMN password_hash TEXT;
-- The Base32 TOTP secret (RFC 6238). It must be readable to check codes, so it is kept as is.
ALTER TABLE users ADD COLUMN totp_secret TEXT;
-- The time step of the last code accepted: a code (or an older one) is not accepted twice.
ALTER TABLE users ADD COLUMN totp_last_step INTEGER;
-- How this account signs in: 'ubiops' (email and password here) or an external identity provider,
-- whose sign-in page `sign_in_url` is (POST /oauth/sign-in answers both).
ALTER TABLE users ADD COLUMN sign_in_provider TEXT NOT NULL DEFAULT 'ubiops';
ALTER TABLE users ADD COLUMN sign_in_url TEXT;

-- Only the SHA-256 of an access token is kept, like API tokens. `expires_at` is milliseconds since
-- the epoch (compared with the server's clock, which tests replace).
CREATE TABLE access_tokens (
  hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX access_tokens_by_user ON access_tokens (user_id);
