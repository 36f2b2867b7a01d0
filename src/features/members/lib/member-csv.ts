// The members list as a CSV file: exactly the rows the list shows, in its order.
import { csvText } from '../../../lib/csv'
import type { Member } from '../../../api/types'

/** The CSV's columns, in order; `role` is "admin" or "member" (the list's own words). */
export const MEMBER_CSV_COLUMNS = ['email', 'name', 'surname', 'role'] as const

/**
 * `members` (already searched, filtered and sorted) as CSV text: a header row, then one row per
 * member, written and guarded against formulas by src/lib/csv.ts `csvText`.
 */
export function membersToCsv(members: readonly Member[]): string {
  // unparse writes nothing at all for no rows; the header alone still says what the file is.
  const rows = members.map((member) => [
    member.email,
    member.name,
    member.surname,
    member.admin ? 'admin' : 'member',
  ])
  return csvText([[...MEMBER_CSV_COLUMNS], ...rows])
}

/**
 * The download's file name: `members-<organization>.csv`, plus `-admin` / `-member` when a role
 * filter applies and `-filtered` when a search does, so two exports of one organization differ.
 */
export function memberCsvFileName(
  organization: string,
  view: { q: string; role: 'all' | 'admin' | 'member' },
): string {
  const parts = ['members', organization]
  if (view.role !== 'all') parts.push(view.role)
  if (view.q.trim()) parts.push('filtered')
  return `${parts.join('-')}.csv`
}
