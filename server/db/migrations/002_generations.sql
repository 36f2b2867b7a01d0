-- What the current generation of the API needs (shared/API.md, "The current generation"), kept in
-- the one data store that serves both generations.

-- Vouchers: a code with a description (GET /vouchers/{code}). An organization created with one
-- keeps its code; the hosted docs say no more of what a voucher does, so locally it does nothing else.
CREATE TABLE vouchers (
  code TEXT PRIMARY KEY,
  description TEXT NOT NULL
) WITHOUT ROWID;

-- 2FA enforcement (admins switch it) and overage (read-only: set by the platform operator).
ALTER TABLE organizations ADD COLUMN two_factor_authentication_forced INTEGER NOT NULL DEFAULT 0
  CHECK (two_factor_authentication_forced IN (0, 1));
ALTER TABLE organizations ADD COLUMN overage_usage INTEGER NOT NULL DEFAULT 0 CHECK (overage_usage IN (0, 1));
ALTER TABLE organizations ADD COLUMN voucher TEXT REFERENCES vouchers (code);

-- A deleted project is kept, marked with its deletion time, so that its usage stays (counted as
-- deleted); the resource counts leave it and everything in it out.
ALTER TABLE projects ADD COLUMN deletion_date TEXT;

CREATE TABLE buckets (
  id TEXT PRIMARY KEY,
  project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  UNIQUE (project_id, name)
);

CREATE TABLE environments (
  id TEXT PRIMARY KEY,
  project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  UNIQUE (project_id, name)
);

-- Usage rollups gain the project (deployments and pipelines belong to projects): the 2022 answer
-- sums over projects per object type and metric, the current one over object types per project.
-- Still led by (organization_id, day), so a range query reads that range only.
CREATE TABLE usage_daily_by_project (
  organization_id TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  day TEXT NOT NULL,
  project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  object_type TEXT NOT NULL CHECK (object_type IN ('deployment_version', 'pipeline_version')),
  metric TEXT NOT NULL CHECK (metric IN ('credits', 'input_volume', 'output_volume')),
  value REAL NOT NULL,
  PRIMARY KEY (organization_id, day, project_id, object_type, metric)
) WITHOUT ROWID;

-- Rollups recorded before projects were known go to the organization's first project (by creation
-- date, then name); an organization with usage and no project gets one named "default".
INSERT INTO projects (id, organization_id, name, creation_date)
SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
             substr('89ab', 1 + abs(random()) % 4, 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
       organizations.id, 'default', organizations.creation_date
  FROM organizations
 WHERE EXISTS (SELECT 1 FROM usage_daily WHERE usage_daily.organization_id = organizations.id)
   AND NOT EXISTS (SELECT 1 FROM projects WHERE projects.organization_id = organizations.id);

INSERT INTO usage_daily_by_project (organization_id, day, project_id, object_type, metric, value)
SELECT usage_daily.organization_id, usage_daily.day,
       (SELECT projects.id FROM projects WHERE projects.organization_id = usage_daily.organization_id
         ORDER BY projects.creation_date, projects.name LIMIT 1),
       usage_daily.object_type, usage_daily.metric, usage_daily.value
  FROM usage_daily;

DROP TABLE usage_daily;
ALTER TABLE usage_daily_by_project RENAME TO usage_daily;
