import type Database from 'better-sqlite3'
import type { DailyProjectCredits, DailyUsage, UsageProject } from '../lib/usage-buckets'

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
  return {
    /** Daily rollups of [start, end) per object type and metric, summed over projects. */
    daily: (organizationId: string, start: string, end: string) => bySeries.all(organizationId, start, end),
    /** Daily credits of [start, end) per project, summed over object types. */
    dailyCreditsByProject: (organizationId: string, start: string, end: string) =>
      creditsByProject.all(organizationId, start, end),
    /** Every project of the organization, deleted ones included (`deleted` 1), by name. */
    projects: (organizationId: string) => projects.all(organizationId),
  }
}
