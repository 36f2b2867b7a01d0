-- Projects, project users, roles and role assignments (shared/API.md, "Projects, access and audit").
-- The invariants live in the schema, so that no write path (a route, the seed, a script, a second
-- process) can break them, however requests interleave:
--   * a project user is a member of the project's organization (foreign key to memberships: removing
--     the member removes them from every project of the organization, in the same statement);
--   * a user's role assignment belongs to a project user (foreign key to project_users: removing the
--     project user, or the member, removes their roles there);
--   * the same role on the same resource for the same assignee exists once (unique index).

-- What a project says about itself, beside its name. Limits and suspension come with their own rules.
ALTER TABLE projects ADD COLUMN advanced_permissions INTEGER NOT NULL DEFAULT 0
  CHECK (advanced_permissions IN (0, 1));
-- Current generation: labels (a JSON object of strings) and CORS origins (a JSON array of strings).
ALTER TABLE projects ADD COLUMN labels TEXT NOT NULL DEFAULT '{}';
ALTER TABLE projects ADD COLUMN cors_origins TEXT NOT NULL DEFAULT '[]';

-- Project names are globally unique on the hosted API (GET /projects/{name} names no organization).
-- Projects recorded before could share a name across organizations (the "default" of migration 002):
-- all but the oldest get their id's first characters appended, so that the index can be built.
UPDATE projects
   SET name = substr(name, 1, 55) || '-' || substr(id, 1, 8)
 WHERE deletion_date IS NULL
   AND EXISTS (SELECT 1 FROM projects AS earlier
                WHERE earlier.name = projects.name AND earlier.deletion_date IS NULL
                  AND (earlier.creation_date, earlier.id) < (projects.creation_date, projects.id));
CREATE UNIQUE INDEX projects_live_name ON projects (name) WHERE deletion_date IS NULL;
-- The target of project_users' (project, organization) foreign key.
CREATE UNIQUE INDEX projects_of_organization ON projects (id, organization_id);

CREATE TABLE project_users (
  project_id TEXT NOT NULL,
  -- The project's organization, kept here so that the membership can be a foreign key.
  organization_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  creation_date TEXT NOT NULL,
  PRIMARY KEY (project_id, user_id),
  FOREIGN KEY (project_id, organization_id) REFERENCES projects (id, organization_id) ON DELETE CASCADE,
  FOREIGN KEY (organization_id, user_id) REFERENCES memberships (organization_id, user_id) ON DELETE CASCADE
) WITHOUT ROWID;
-- "Which projects is this user in" (the project list, access checks) and the cascade from memberships.
CREATE INDEX project_users_by_member ON project_users (organization_id, user_id);
CREATE INDEX project_users_by_user ON project_users (user_id);

-- The roles a project offers. The default roles belong to every project (project_id NULL); a
-- project's own roles (roles_create on the hosted API) would carry its id.
CREATE TABLE roles (
  id TEXT PRIMARY KEY,
  project_id TEXT REFERENCES projects (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  is_default INTEGER NOT NULL CHECK (is_default IN (0, 1))
);
CREATE UNIQUE INDEX roles_default_name ON roles (name) WHERE project_id IS NULL;
CREATE UNIQUE INDEX roles_project_name ON roles (project_id, name) WHERE project_id IS NOT NULL;
INSERT INTO roles (id, project_id, name, is_default) VALUES
  ('34e53855-9b50-47bc-b516-6cb971b1949c', NULL, 'project-admin', 1),
  ('00132911-b5dd-4017-b399-85f3ffd2a7c3', NULL, 'project-editor', 1),
  ('bf0d5823-8062-40f6-bbd2-21bc732f3c3b', NULL, 'project-viewer', 1);

-- A role given to an assignee (a project user, or a deployment of the project) on a resource (the
-- project itself, or one of its deployments, pipelines or buckets). Exactly one assignee column and
-- at most one resource column are set, as the types say; deleting what they name deletes the row.
CREATE TABLE role_assignments (
  id TEXT PRIMARY KEY,
  project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  role_id TEXT NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
  assignee_type TEXT NOT NULL CHECK (assignee_type IN ('user', 'deployment')),
  user_id TEXT,
  deployment_id TEXT REFERENCES deployments (id) ON DELETE CASCADE,
  resource_type TEXT NOT NULL CHECK (resource_type IN ('project', 'deployment', 'pipeline', 'bucket')),
  resource_deployment_id TEXT REFERENCES deployments (id) ON DELETE CASCADE,
  resource_pipeline_id TEXT REFERENCES pipelines (id) ON DELETE CASCADE,
  resource_bucket_id TEXT REFERENCES buckets (id) ON DELETE CASCADE,
  creation_date TEXT NOT NULL,
  -- The assignee and the resource as one id each, for the uniqueness rule and lookups.
  assignee_id TEXT GENERATED ALWAYS AS (coalesce(user_id, deployment_id)) VIRTUAL,
  resource_id TEXT GENERATED ALWAYS AS
    (coalesce(resource_deployment_id, resource_pipeline_id, resource_bucket_id, project_id)) VIRTUAL,
  FOREIGN KEY (project_id, user_id) REFERENCES project_users (project_id, user_id) ON DELETE CASCADE,
  CHECK ((assignee_type = 'user') = (user_id IS NOT NULL AND deployment_id IS NULL)),
  CHECK ((assignee_type = 'deployment') = (deployment_id IS NOT NULL AND user_id IS NULL)),
  CHECK ((resource_type = 'deployment') = (resource_deployment_id IS NOT NULL)),
  CHECK ((resource_type = 'pipeline') = (resource_pipeline_id IS NOT NULL)),
  CHECK ((resource_type = 'bucket') = (resource_bucket_id IS NOT NULL))
);
CREATE UNIQUE INDEX role_assignments_once
  ON role_assignments (project_id, assignee_type, assignee_id, role_id, resource_type, resource_id);
-- The cascades from project_users and deployments, and a user's assignments.
CREATE INDEX role_assignments_by_user ON role_assignments (project_id, user_id);
CREATE INDEX role_assignments_by_deployment ON role_assignments (deployment_id) WHERE deployment_id IS NOT NULL;
CREATE INDEX role_assignments_on_deployment ON role_assignments (resource_deployment_id)
  WHERE resource_deployment_id IS NOT NULL;
CREATE INDEX role_assignments_on_pipeline ON role_assignments (resource_pipeline_id)
  WHERE resource_pipeline_id IS NOT NULL;
CREATE INDEX role_assignments_on_bucket ON role_assignments (resource_bucket_id)
  WHERE resource_bucket_id IS NOT NULL;

-- The roles recorded before (project_roles: project, user, role name) become project users and
-- project-level role assignments; a user who is no longer a member of the organization is left out,
-- as the member's removal would have done.
INSERT OR IGNORE INTO project_users (project_id, organization_id, user_id, creation_date)
SELECT project_roles.project_id, projects.organization_id, project_roles.user_id, projects.creation_date
  FROM project_roles
  JOIN projects ON projects.id = project_roles.project_id AND projects.deletion_date IS NULL
  JOIN memberships ON memberships.organization_id = projects.organization_id
                  AND memberships.user_id = project_roles.user_id;
INSERT OR IGNORE INTO role_assignments (id, project_id, role_id, assignee_type, user_id, resource_type, creation_date)
SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
             substr('89ab', 1 + abs(random()) % 4, 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
       project_roles.project_id, roles.id, 'user', project_roles.user_id, 'project', project_users.creation_date
  FROM project_roles
  JOIN roles ON roles.name = project_roles.role AND roles.project_id IS NULL
  JOIN project_users ON project_users.project_id = project_roles.project_id
                    AND project_users.user_id = project_roles.user_id;
DROP TABLE project_roles;
