-- The answer cache that migration 004 served is gone: ETags and compression come from
-- @fastify/etag and @fastify/compress, and every answer is built from the tables as they are. Its
-- version table and the triggers that bumped it on every write go with it, so a write does no
-- extra work and a new table needs no triggers.
DROP TRIGGER IF EXISTS organizations_insert_version;
DROP TRIGGER IF EXISTS organizations_update_version;
DROP TRIGGER IF EXISTS organizations_delete_version;
DROP TRIGGER IF EXISTS subscriptions_update_version;
DROP TRIGGER IF EXISTS memberships_insert_version;
DROP TRIGGER IF EXISTS memberships_update_version;
DROP TRIGGER IF EXISTS memberships_delete_version;
DROP TRIGGER IF EXISTS users_update_version;
DROP TRIGGER IF EXISTS usage_daily_insert_version;
DROP TRIGGER IF EXISTS usage_daily_update_version;
DROP TRIGGER IF EXISTS usage_daily_delete_version;
DROP TRIGGER IF EXISTS projects_insert_version;
DROP TRIGGER IF EXISTS projects_update_version;
DROP TRIGGER IF EXISTS projects_delete_version;
DROP TRIGGER IF EXISTS deployments_insert_version;
DROP TRIGGER IF EXISTS deployments_update_version;
DROP TRIGGER IF EXISTS deployments_delete_version;
DROP TRIGGER IF EXISTS pipelines_insert_version;
DROP TRIGGER IF EXISTS pipelines_update_version;
DROP TRIGGER IF EXISTS pipelines_delete_version;
DROP TRIGGER IF EXISTS deployment_versions_insert_version;
DROP TRIGGER IF EXISTS deployment_versions_update_version;
DROP TRIGGER IF EXISTS deployment_versions_delete_version;
DROP TRIGGER IF EXISTS pipeline_versions_insert_version;
DROP TRIGGER IF EXISTS pipeline_versions_update_version;
DROP TRIGGER IF EXISTS pipeline_versions_delete_version;
DROP TRIGGER IF EXISTS buckets_insert_version;
DROP TRIGGER IF EXISTS buckets_update_version;
DROP TRIGGER IF EXISTS buckets_delete_version;
DROP TRIGGER IF EXISTS environments_insert_version;
DROP TRIGGER IF EXISTS environments_update_version;
DROP TRIGGER IF EXISTS environments_delete_version;
DROP TABLE IF EXISTS organization_versions;
