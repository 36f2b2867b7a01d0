-- Service users: a project's API tokens (shared/API.md, "Projects, access and audit"). A service user
-- is not a person and not a member of the organization: it belongs to one project and goes with it.
-- Its token is stored as its SHA-256 only, like every other token, and looked up by it.
CREATE TABLE service_users (
  id TEXT PRIMARY KEY,
  project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  email TEXT NOT NULL UNIQUE,
  name TEXT,
  description TEXT NOT NULL DEFAULT '',
  token_hash TEXT NOT NULL UNIQUE,
  creation_date TEXT NOT NULL,
  -- Null: the token never expires.
  expiry_date TEXT,
  -- Null: never used. Written at most once a minute per service user (see the repository).
  token_last_used TEXT
);
-- A project's service users in the order they are listed (oldest first).
CREATE INDEX service_users_by_project ON service_users (project_id, creation_date, id);
