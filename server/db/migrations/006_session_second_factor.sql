-- Whether an access token was issued after a two-factor code: an organization that requires
-- two-factor authentication refuses the sessions of people who signed in without one (server/README.md,
-- "Local rules"). Tokens issued before this column existed count as without.
ALTER TABLE access_tokens ADD COLUMN second_factor INTEGER NOT NULL DEFAULT 0;
