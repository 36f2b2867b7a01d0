-- Audit events of projects (shared/API.md, "Projects, access and audit": GET /projects/{name}/audit).
-- Every write to a project and its access adds one, in the same transaction as the write. An event
-- names its object by name and type, not by a foreign key, so that it is kept after the object (a
-- project user, a role assignment, a service user) is gone; projects are only ever soft-deleted, so
-- the project itself stays. The actor is kept as the e-mail address they had, for the same reason.
CREATE TABLE audit_events (
  id TEXT PRIMARY KEY,
  project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  -- The organization, kept here so that the organization's trail is one index range.
  organization_id TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  date TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'info')),
  -- Who did it: the user's id (null for the server itself) and their e-mail address at the time.
  user_id TEXT,
  user_email TEXT,
  -- One sentence, with the old and new value where there is one; never a token or a secret.
  event TEXT NOT NULL,
  object_type TEXT NOT NULL,
  object_name TEXT NOT NULL,
  -- Insertion order, to keep events of the same millisecond newest first.
  sequence INTEGER NOT NULL
);
-- A project's events, newest first (the endpoint's order), with or without an action filter.
CREATE INDEX audit_events_by_project ON audit_events (project_id, sequence DESC);
CREATE INDEX audit_events_by_project_action ON audit_events (project_id, action, sequence DESC);
CREATE INDEX audit_events_by_organization ON audit_events (organization_id, sequence DESC);
