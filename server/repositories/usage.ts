import type Database from 'better-sqlite3'
import type { DailyUsage } from '../lib/usage-buckets'

export function usageRepository(db: Database.Database) {
  // Served by the primary key (organization_id, day, ...): reads only the rows of the range.
  const range = db.prepare<[string, string, string], DailyUsage>(
    `SELECT day, object_type, metric, value FROM usage_daily
      WHERE organization_id = ? AND day >= ? AND day < ?`,
  )
  return {
    /** Daily rollups of [start, end). */
    daily: (organizationId: string, start: string, end: string) => range.all(organizationId, start, end),
  }
}
