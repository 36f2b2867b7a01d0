import type Database from 'better-sqlite3'
import type {
  DailyProjectCredits,
  DailyUsage,
  DailyVersionCredits,
  UsageDeploymentVersion,
  UsageProject,
} from '../lib/usage-buckets'

export function usageRepository(db: Database.Database) {
  // Both read through the primary key (organization_id, day, project_id, ...): only the rows of the range.
  // 2022 generation: per day, object type and metric, summed over projects.
  const bySeries = db.prepare<[string, string, string], DailyUsage>(
    `SELECT day, object_type, metric, sum(value) AS value FROM usage_daily
      WHERE organization_id = ? AND day >= ? AND day < ?
      GROUP BY day, object_type, metric`,
  )
  // Current generation: credits per day and project, summed over object types.
  const creditsByProject = db.prepare<[string, string, string], DailyProjectCredits>(
    `SELECT day, project_id, sum(value) AS value FROM usage_daily
      WHERE organization_id = ? AND day >= ? AND day < ? AND metric = 'credits'
      GROUP BY day, project_id`,
  )
  const projects = db.prepare<[string], UsageProject>(
    `SELECT id, name, deletion_date IS NOT NULL AS deleted FROM projects
      WHERE organization_id = ? ORDER BY name, id`,
  )
  // One project (migration 010): its rollups read through the same primary key, then its project id.
  const projectBySeries = db.prepare<[string, string, string, string], DailyUsage>(
    `SELECT day, object_type, metric, sum(value) AS value FROM usage_daily
      WHERE organization_id = ? AND day >= ? AND day < ? AND project_id = ?
      GROUP BY day, object_type, metric`,
  )
  const projectCredits = db.prepare<[string, string, string, string], DailyProjectCredits>(
    `SELECT day, project_id, sum(value) AS value FROM usage_daily
      WHERE organization_id = ? AND day >= ? AND day < ? AND project_id = ? AND metric = 'credits'
      GROUP BY day, project_id`,
  )
  const creditsByVersion = db.prepare<[string, string, string], DailyVersionCredits>(
    `SELECT day, deployment_version_id, value FROM usage_daily_by_version
      WHERE project_id = ? AND day >= ? AND day < ?`,
  )
  const versions = db.prepare<[string], UsageDeploymentVersion>(
    `SELECT deployment_versions.id AS version_id, deployment_versions.version,
            deployments.id AS deployment_id, deployments.name AS deployment_name,
            deployments.deletion_date IS NOT NULL OR deployment_versions.deletion_date IS NOT NULL AS deleted
       FROM deployments JOIN deployment_versions ON deployment_versions.deployment_id = deployments.id
      WHERE deployments.project_id = ?
      ORDER BY deployments.name, deployments.id, deployment_versions.version, deployment_versions.id`,
  )
  return {
    /** Daily rollups of [start, end) per object type and metric, summed over projects. */
    daily: (organizationId: string, start: string, end: string) => bySeries.all(organizationId, start, end),
    /** Daily credits of [start, end) per project, summed over object types. */
    dailyCreditsByProject: (organizationId: string, start: string, end: string) =>
      creditsByProject.all(organizationId, start, end),
    /** Every project of the organization, deleted ones included (`deleted` 1), by name. */
    projects: (organizationId: string) => projects.all(organizationId),
    /** One project's daily rollups of [start, end) per object type and metric (the 2022 project answer). */
    projectDaily: (organizationId: string, projectId: string, start: string, end: string) =>
      projectBySeries.all(organizationId, start, end, projectId),
    /** One project's daily credits of [start, end): the very rows its organization's answer sums. */
    projectDailyCredits: (organizationId: string, projectId: string, start: string, end: string) =>
      projectCredits.all(organizationId, start, end, projectId),
    /** One project's daily credits of [start, end) per deployment version (usage_daily_by_version). */
    dailyCreditsByVersion: (projectId: string, start: string, end: string) =>
      creditsByVersion.all(projectId, start, end),
    /** Every deployment version of the project, deleted ones included (`deleted` 1), by deployment name and version. */
    deploymentVersions: (projectId: string) => versions.all(projectId),
  }
}
