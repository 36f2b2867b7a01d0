// The audit trail's CSV export, apart from the trail's rules: papaparse (src/lib/csv.ts) loads with
// the audit page that exports, not with every page that shows a project's events (the usage
// page's "why this day" panel reads ./audit-trail.ts).
import { csvText } from '../../../lib/csv'
import type { AuditEvent } from './audit-trail'

/** The CSV's columns, in order. */
export const AUDIT_CSV_COLUMNS = [
  'date',
  'project',
  'action',
  'user',
  'object_type',
  'object_name',
  'event',
] as const

/** `rows` (exactly what the trail shows, in its order) as CSV text, through src/lib/csv.ts's guard. */
export function auditToCsv(rows: readonly AuditEvent[]): string {
  return csvText([
    [...AUDIT_CSV_COLUMNS],
    ...rows.map((row) => [
      row.date,
      row.project,
      row.action,
      row.user ?? '',
      row.objectType,
      row.objectName ?? '',
      row.event,
    ]),
  ])
}
