-- Project usage per deployment version (shared/API.md, "Projects, access and audit": GET
-- /projects/{name}/usage). The credits of a deployment version per day are recorded here, and the
-- project's `deployment_version`/`credits` rollup in usage_daily is derived from them by the triggers
-- below, in the same statement: so the organization's usage of a project and that project's usage are
-- one figure, whoever writes.

-- A deleted deployment or version is kept, marked with its deletion time, so that its usage stays
-- (answered as deleted deployments').
ALTER TABLE deployments ADD COLUMN deletion_date TEXT;
ALTER TABLE deployment_versions ADD COLUMN deletion_date TEXT;

-- Credits of one deployment version on one UTC day. Led by (project_id, day), so that a project's
-- range is one index range.
CREATE TABLE usage_daily_by_version (
  project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  day TEXT NOT NULL,
  deployment_version_id TEXT NOT NULL REFERENCES deployment_versions (id) ON DELETE CASCADE,
  organization_id TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  value REAL NOT NULL,
  PRIMARY KEY (project_id, day, deployment_version_id)
) WITHOUT ROWID;

-- The project rollup follows every write of a version's credits (a cascade from a removed version or
-- project too: foreign key actions fire triggers).
CREATE TRIGGER usage_daily_by_version_insert AFTER INSERT ON usage_daily_by_version BEGIN
  INSERT INTO usage_daily (organization_id, day, project_id, object_type, metric, value)
  VALUES (NEW.organization_id, NEW.day, NEW.project_id, 'deployment_version', 'credits', NEW.value)
  ON CONFLICT (organization_id, day, project_id, object_type, metric) DO UPDATE SET value = value + excluded.value;
END;

CREATE TRIGGER usage_daily_by_version_update AFTER UPDATE OF value, day, project_id, organization_id
  ON usage_daily_by_version BEGIN
  UPDATE usage_daily SET value = value - OLD.value
   WHERE organization_id = OLD.organization_id AND day = OLD.day AND project_id = OLD.project_id
     AND object_type = 'deployment_version' AND metric = 'credits';
  INSERT INTO usage_daily (organization_id, day, project_id, object_type, metric, value)
  VALUES (NEW.organization_id, NEW.day, NEW.project_id, 'deployment_version', 'credits', NEW.value)
  ON CONFLICT (organization_id, day, project_id, object_type, metric) DO UPDATE SET value = value + excluded.value;
END;

CREATE TRIGGER usage_daily_by_version_delete AFTER DELETE ON usage_daily_by_version BEGIN
  UPDATE usage_daily SET value = value - OLD.value
   WHERE organization_id = OLD.organization_id AND day = OLD.day AND project_id = OLD.project_id
     AND object_type = 'deployment_version' AND metric = 'credits';
END;
