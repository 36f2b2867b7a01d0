-- Service users hold project roles (shared/API.md, "Projects, access and audit"): on the hosted API a
-- role assignment names a service user as its assignee like a person (`assignee_type` "user" with the
-- service user's id; 2022 `user_id`). A service user is no member of the organization, so it cannot
-- be a project user (project_users refers to memberships): its assignments get a column of their own,
-- `service_user_id`, and the schema keeps the rules as it does for people:
--   * a service user holds roles in its own project only (a foreign key to (service user, project));
--   * deleting the service user deletes its assignments, in the same statement (ON DELETE CASCADE);
--   * the same role on the same resource for the same assignee exists once (the unique index, whose
--     assignee is now the person, the service user or the deployment).
-- The CHECKs of 007 allow no user assignment without a person, so the table is rebuilt; nothing
-- refers to role_assignments, so dropping the old one cascades nowhere.

-- (id, project) of a service user: the target of the assignments' foreign key.
CREATE UNIQUE INDEX service_users_of_project ON service_users (id, project_id);

CREATE TABLE role_assignments_013 (
  id TEXT PRIMARY KEY,
  project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  role_id TEXT NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
  -- "user" for a person and for a service user alike, as the API names both.
  assignee_type TEXT NOT NULL CHECK (assignee_type IN ('user', 'deployment')),
  user_id TEXT,
  service_user_id TEXT,
  deployment_id TEXT REFERENCES deployments (id) ON DELETE CASCADE,
  resource_type TEXT NOT NULL CHECK (resource_type IN ('project', 'deployment', 'pipeline', 'bucket')),
  resource_deployment_id TEXT REFERENCES deployments (id) ON DELETE CASCADE,
  resource_pipeline_id TEXT REFERENCES pipelines (id) ON DELETE CASCADE,
  resource_bucket_id TEXT REFERENCES buckets (id) ON DELETE CASCADE,
  creation_date TEXT NOT NULL,
  assignee_id TEXT GENERATED ALWAYS AS (coalesce(user_id, service_user_id, deployment_id)) VIRTUAL,
  resource_id TEXT GENERATED ALWAYS AS
    (coalesce(resource_deployment_id, resource_pipeline_id, resource_bucket_id, project_id)) VIRTUAL,
  FOREIGN KEY (project_id, user_id) REFERENCES project_users (project_id, user_id) ON DELETE CASCADE,
  FOREIGN KEY (service_user_id, project_id) REFERENCES service_users (id, project_id) ON DELETE CASCADE,
  -- Exactly one assignee: a person or a service user for "user", a deployment for "deployment".
  CHECK ((assignee_type = 'user') =
         ((user_id IS NOT NULL) + (service_user_id IS NOT NULL) = 1 AND deployment_id IS NULL)),
  CHECK ((assignee_type = 'deployment') =
         (deployment_id IS NOT NULL AND user_id IS NULL AND service_user_id IS NULL)),
  CHECK ((resource_type = 'deployment') = (resource_deployment_id IS NOT NULL)),
  CHECK ((resource_type = 'pipeline') = (resource_pipeline_id IS NOT NULL)),
  CHECK ((resource_type = 'bucket') = (resource_bucket_id IS NOT NULL))
);
INSERT INTO role_assignments_013 (id, project_id, role_id, assignee_type, user_id, deployment_id, resource_type,
                                  resource_deployment_id, resource_pipeline_id, resource_bucket_id, creation_date)
SELECT id, project_id, role_id, assignee_type, user_id, deployment_id, resource_type,
       resource_deployment_id, resource_pipeline_id, resource_bucket_id, creation_date
  FROM role_assignments;
DROP TABLE role_assignments;
ALTER TABLE role_assignments_013 RENAME TO role_assignments;

CREATE UNIQUE INDEX role_assignments_once
  ON role_assignments (project_id, assignee_type, assignee_id, role_id, resource_type, resource_id);
CREATE INDEX role_assignments_by_user ON role_assignments (project_id, user_id);
-- A service user's assignments (its access checks) and the cascade from service_users.
CREATE INDEX role_assignments_by_service_user ON role_assignments (service_user_id, project_id)
  WHERE service_user_id IS NOT NULL;
CREATE INDEX role_assignments_by_deployment ON role_assignments (deployment_id) WHERE deployment_id IS NOT NULL;
CREATE INDEX role_assignments_on_deployment ON role_assignments (resource_deployment_id)
  WHERE resource_deployment_id IS NOT NULL;
CREATE INDEX role_assignments_on_pipeline ON role_assignments (resource_pipeline_id)
  WHERE resource_pipeline_id IS NOT NULL;
CREATE INDEX role_assignments_on_bucket ON role_assignments (resource_bucket_id)
  WHERE resource_bucket_id IS NOT NULL;
