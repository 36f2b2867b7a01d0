-- The whole model of the local Organizations API. Timestamps are ISO 8601 UTC text with
-- microseconds (the contract's format); days are YYYY-MM-DD text, which sorts like the dates.

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  -- Emails are compared case-insensitively (shared/API.md): the NOCASE collation makes the
  -- unique index, lookups and the listing order agree on that.
  email TEXT NOT NULL COLLATE NOCASE UNIQUE,
  name TEXT NOT NULL DEFAULT '',
  surname TEXT NOT NULL DEFAULT '',
  staff INTEGER NOT NULL DEFAULT 0 CHECK (staff IN (0, 1)),
  creation_date TEXT NOT NULL
);

-- Only the SHA-256 of a token is kept: a stolen database file gives no usable token.
CREATE TABLE tokens (
  hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  creation_date TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX tokens_by_user ON tokens (user_id);

CREATE TABLE subscriptions (
  name TEXT PRIMARY KEY,
  self_service INTEGER NOT NULL CHECK (self_service IN (0, 1)),
  -- Whether the subscription needs an end date (every one but free, which runs a year).
  needs_end_date INTEGER NOT NULL CHECK (needs_end_date IN (0, 1))
) WITHOUT ROWID;
INSERT INTO subscriptions (name, self_service, needs_end_date) VALUES
  ('free', 1, 0),
  ('professional', 0, 1),
  ('enterprise', 0, 1);

CREATE TABLE organizations (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  creation_date TEXT NOT NULL,
  subscription TEXT NOT NULL REFERENCES subscriptions (name),
  subscription_start_date TEXT NOT NULL,
  subscription_end_date TEXT,
  status TEXT NOT NULL DEFAULT 'active'
);

CREATE TABLE memberships (
  organization_id TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  admin INTEGER NOT NULL DEFAULT 0 CHECK (admin IN (0, 1)),
  creation_date TEXT NOT NULL,
  PRIMARY KEY (organization_id, user_id)
) WITHOUT ROWID;
-- "Which organizations is this user in" (every request's membership check and the org list).
CREATE INDEX memberships_by_user ON memberships (user_id, organization_id);
-- Counting the admins left (the last-admin rule) reads only the admins.
CREATE INDEX memberships_admins ON memberships (organization_id) WHERE admin = 1;

CREATE TABLE projects (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  creation_date TEXT NOT NULL,
  UNIQUE (organization_id, name)
);

CREATE TABLE deployments (
  id TEXT PRIMARY KEY,
  project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  UNIQUE (project_id, name)
);

CREATE TABLE deployment_versions (
  id TEXT PRIMARY KEY,
  deployment_id TEXT NOT NULL REFERENCES deployments (id) ON DELETE CASCADE,
  version TEXT NOT NULL,
  UNIQUE (deployment_id, version)
);

CREATE TABLE pipelines (
  id TEXT PRIMARY KEY,
  project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  UNIQUE (project_id, name)
);

CREATE TABLE pipeline_versions (
  id TEXT PRIMARY KEY,
  pipeline_id TEXT NOT NULL REFERENCES pipelines (id) ON DELETE CASCADE,
  version TEXT NOT NULL,
  UNIQUE (pipeline_id, version)
);

CREATE TABLE project_roles (
  project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role TEXT NOT NULL,
  PRIMARY KEY (project_id, user_id, role)
) WITHOUT ROWID;
CREATE INDEX project_roles_by_user ON project_roles (user_id);

-- Usage as daily rollups: led by (organization_id, day) so a range query reads that range only,
-- and any range aggregates in milliseconds however many raw events it stood for.
CREATE TABLE usage_daily (
  organization_id TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  day TEXT NOT NULL,
  object_type TEXT NOT NULL CHECK (object_type IN ('deployment_version', 'pipeline_version')),
  metric TEXT NOT NULL CHECK (metric IN ('credits', 'input_volume', 'output_volume')),
  value REAL NOT NULL,
  PRIMARY KEY (organization_id, day, object_type, metric)
) WITHOUT ROWID;
