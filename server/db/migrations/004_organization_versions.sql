-- One version number per organization, bumped in the same transaction as every write that changes
-- an answer about it (its row, members, users' names, projects and their deployments and pipelines,
-- usage). The response cache (server/plugins/response-cache.ts) keys cached answers by it and reads
-- it on every request, so a write committed by any process, or by a script that bypasses the API,
-- is seen by the next read. Triggers rather than calls in the routes: no write path can forget it.
-- A table that a cached answer reads must bump the version of the organizations it touches;
-- server/test/response-cache-versions.test.ts fails on a table that is not classified either way.
CREATE TABLE organization_versions (
  -- No foreign key: the triggers of rows deleted with their organization (ON DELETE CASCADE) still
  -- bump it. Ids are never reused, so an orphan row is only a few bytes.
  organization_id TEXT PRIMARY KEY,
  version INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO organization_versions (organization_id, version) SELECT id, 1 FROM organizations;

CREATE TRIGGER organizations_insert_version AFTER INSERT ON organizations BEGIN
  INSERT INTO organization_versions (organization_id, version) VALUES (NEW.id, 1)
    ON CONFLICT (organization_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER organizations_update_version AFTER UPDATE ON organizations BEGIN
  UPDATE organization_versions SET version = version + 1 WHERE organization_id IN (OLD.id, NEW.id);
END;
CREATE TRIGGER organizations_delete_version AFTER DELETE ON organizations BEGIN
  UPDATE organization_versions SET version = version + 1 WHERE organization_id = OLD.id;
END;

-- A subscription's self_service shows in the detail of every organization on it.
CREATE TRIGGER subscriptions_update_version AFTER UPDATE ON subscriptions BEGIN
  UPDATE organization_versions SET version = version + 1
   WHERE organization_id IN (SELECT id FROM organizations WHERE subscription IN (OLD.name, NEW.name));
END;

CREATE TRIGGER memberships_insert_version AFTER INSERT ON memberships BEGIN
  UPDATE organization_versions SET version = version + 1 WHERE organization_id = NEW.organization_id;
END;
CREATE TRIGGER memberships_update_version AFTER UPDATE ON memberships BEGIN
  UPDATE organization_versions SET version = version + 1
   WHERE organization_id IN (OLD.organization_id, NEW.organization_id);
END;
CREATE TRIGGER memberships_delete_version AFTER DELETE ON memberships BEGIN
  UPDATE organization_versions SET version = version + 1 WHERE organization_id = OLD.organization_id;
END;

-- A user's email and names show in the member list of every organization they are in.
CREATE TRIGGER users_update_version AFTER UPDATE OF email, name, surname ON users BEGIN
  UPDATE organization_versions SET version = version + 1
   WHERE organization_id IN (SELECT organization_id FROM memberships WHERE user_id = NEW.id);
END;

CREATE TRIGGER usage_daily_insert_version AFTER INSERT ON usage_daily BEGIN
  UPDATE organization_versions SET version = version + 1 WHERE organization_id = NEW.organization_id;
END;
CREATE TRIGGER usage_daily_update_version AFTER UPDATE ON usage_daily BEGIN
  UPDATE organization_versions SET version = version + 1
   WHERE organization_id IN (OLD.organization_id, NEW.organization_id);
END;
CREATE TRIGGER usage_daily_delete_version AFTER DELETE ON usage_daily BEGIN
  UPDATE organization_versions SET version = version + 1 WHERE organization_id = OLD.organization_id;
END;

-- Projects, deployments, pipelines and their versions: the resource counts (and project names).
CREATE TRIGGER projects_insert_version AFTER INSERT ON projects BEGIN
  UPDATE organization_versions SET version = version + 1 WHERE organization_id = NEW.organization_id;
END;
CREATE TRIGGER projects_update_version AFTER UPDATE ON projects BEGIN
  UPDATE organization_versions SET version = version + 1
   WHERE organization_id IN (OLD.organization_id, NEW.organization_id);
END;
CREATE TRIGGER projects_delete_version AFTER DELETE ON projects BEGIN
  UPDATE organization_versions SET version = version + 1 WHERE organization_id = OLD.organization_id;
END;

CREATE TRIGGER deployments_insert_version AFTER INSERT ON deployments BEGIN
  UPDATE organization_versions SET version = version + 1
   WHERE organization_id = (SELECT organization_id FROM projects WHERE id = NEW.project_id);
END;
CREATE TRIGGER deployments_update_version AFTER UPDATE ON deployments BEGIN
  UPDATE organization_versions SET version = version + 1
   WHERE organization_id IN (SELECT organization_id FROM projects WHERE id IN (OLD.project_id, NEW.project_id));
END;
CREATE TRIGGER deployments_delete_version AFTER DELETE ON deployments BEGIN
  UPDATE organization_versions SET version = version + 1
   WHERE organization_id = (SELECT organization_id FROM projects WHERE id = OLD.project_id);
END;

CREATE TRIGGER pipelines_insert_version AFTER INSERT ON pipelines BEGIN
  UPDATE organization_versions SET version = version + 1
   WHERE organization_id = (SELECT organization_id FROM projects WHERE id = NEW.project_id);
END;
CREATE TRIGGER pipelines_update_version AFTER UPDATE ON pipelines BEGIN
  UPDATE organization_versions SET version = version + 1
   WHERE organization_id IN (SELECT organization_id FROM projects WHERE id IN (OLD.project_id, NEW.project_id));
END;
CREATE TRIGGER pipelines_delete_version AFTER DELETE ON pipelines BEGIN
  UPDATE organization_versions SET version = version + 1
   WHERE organization_id = (SELECT organization_id FROM projects WHERE id = OLD.project_id);
END;

CREATE TRIGGER deployment_versions_insert_version AFTER INSERT ON deployment_versions BEGIN
  UPDATE organization_versions SET version = version + 1
   WHERE organization_id = (SELECT projects.organization_id FROM deployments
     JOIN projects ON projects.id = deployments.project_id WHERE deployments.id = NEW.deployment_id);
END;
CREATE TRIGGER deployment_versions_update_version AFTER UPDATE ON deployment_versions BEGIN
  UPDATE organization_versions SET version = version + 1
   WHERE organization_id IN (SELECT projects.organization_id FROM deployments
     JOIN projects ON projects.id = deployments.project_id
    WHERE deployments.id IN (OLD.deployment_id, NEW.deployment_id));
END;
CREATE TRIGGER deployment_versions_delete_version AFTER DELETE ON deployment_versions BEGIN
  UPDATE organization_versions SET version = version + 1
   WHERE organization_id = (SELECT projects.organization_id FROM deployments
     JOIN projects ON projects.id = deployments.project_id WHERE deployments.id = OLD.deployment_id);
END;

CREATE TRIGGER pipeline_versions_insert_version AFTER INSERT ON pipeline_versions BEGIN
  UPDATE organization_versions SET version = version + 1
   WHERE organization_id = (SELECT projects.organization_id FROM pipelines
     JOIN projects ON projects.id = pipelines.project_id WHERE pipelines.id = NEW.pipeline_id);
END;
CREATE TRIGGER pipeline_versions_update_version AFTER UPDATE ON pipeline_versions BEGIN
  UPDATE organization_versions SET version = version + 1
   WHERE organization_id IN (SELECT projects.organization_id FROM pipelines
     JOIN projects ON projects.id = pipelines.project_id
    WHERE pipelines.id IN (OLD.pipeline_id, NEW.pipeline_id));
END;
CREATE TRIGGER pipeline_versions_delete_version AFTER DELETE ON pipeline_versions BEGIN
  UPDATE organization_versions SET version = version + 1
   WHERE organization_id = (SELECT projects.organization_id FROM pipelines
     JOIN projects ON projects.id = pipelines.project_id WHERE pipelines.id = OLD.pipeline_id);
END;

-- Buckets (migration 002): counted among the resources.
CREATE TRIGGER buckets_insert_version AFTER INSERT ON buckets BEGIN
  UPDATE organization_versions SET version = version + 1
   WHERE organization_id = (SELECT organization_id FROM projects WHERE id = NEW.project_id);
END;
CREATE TRIGGER buckets_update_version AFTER UPDATE ON buckets BEGIN
  UPDATE organization_versions SET version = version + 1
   WHERE organization_id IN (SELECT organization_id FROM projects WHERE id IN (OLD.project_id, NEW.project_id));
END;
CREATE TRIGGER buckets_delete_version AFTER DELETE ON buckets BEGIN
  UPDATE organization_versions SET version = version + 1
   WHERE organization_id = (SELECT organization_id FROM projects WHERE id = OLD.project_id);
END;

-- Environments (migration 002): counted among the resources.
CREATE TRIGGER environments_insert_version AFTER INSERT ON environments BEGIN
  UPDATE organization_versions SET version = version + 1
   WHERE organization_id = (SELECT organization_id FROM projects WHERE id = NEW.project_id);
END;
CREATE TRIGGER environments_update_version AFTER UPDATE ON environments BEGIN
  UPDATE organization_versions SET version = version + 1
   WHERE organization_id IN (SELECT organization_id FROM projects WHERE id IN (OLD.project_id, NEW.project_id));
END;
CREATE TRIGGER environments_delete_version AFTER DELETE ON environments BEGIN
  UPDATE organization_versions SET version = version + 1
   WHERE organization_id = (SELECT organization_id FROM projects WHERE id = OLD.project_id);
END;
