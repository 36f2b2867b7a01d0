// The Service users page's rows: every project's list in one table, each with its flags.
import {
  EXPIRING_SOON_DAYS,
  serviceUserFlags,
  UNUSED_DAYS,
  type ServiceUserFlags,
} from '../../../../domain/service-users'
import type { ServiceUser } from '../../../api/service-user-answers'

export interface ServiceUserRow extends ServiceUser {
  flags: ServiceUserFlags
}

/**
 * The service users of every list given (lists not loaded, or not readable, are `undefined`), by
 * project then name, each with its flags at `nowMs` (milliseconds since the epoch; domain/service-users.ts).
 */
export function serviceUserRows(
  lists: readonly (readonly ServiceUser[] | undefined)[],
  nowMs: number,
): ServiceUserRow[] {
  const rows: ServiceUserRow[] = []
  for (const list of lists)
    for (const serviceUser of list ?? [])
      rows.push({
        ...serviceUser,
        flags: serviceUserFlags(serviceUser.expiryDate, serviceUser.tokenLastUsed, nowMs),
      })
  return rows.sort(
    (a, b) =>
      a.projectName.localeCompare(b.projectName) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
  )
}

/** A flag as the page names it, and whether it calls for action (shown as a warning). */
export interface FlagLabel {
  label: string
  isWarning: boolean
}

/** The flags of a row, in the order the page shows them. */
export function flagLabels(flags: ServiceUserFlags): FlagLabel[] {
  const labels: FlagLabel[] = []
  if (flags.isExpired) labels.push({ label: 'Expired', isWarning: true })
  if (flags.isExpiringSoon)
    labels.push({ label: `Expires within ${EXPIRING_SOON_DAYS} days`, isWarning: true })
  if (flags.isNeverUsed) labels.push({ label: 'Never used', isWarning: false })
  if (flags.isUnused) labels.push({ label: `Unused for ${UNUSED_DAYS} days`, isWarning: false })
  return labels
}

/** How many rows carry each flag, for the page's summary. */
export function flagCounts(rows: readonly ServiceUserRow[]): Record<keyof ServiceUserFlags, number> {
  const counts = { isExpired: 0, isExpiringSoon: 0, isNeverUsed: 0, isUnused: 0 }
  for (const row of rows)
    for (const key of Object.keys(counts) as (keyof ServiceUserFlags)[]) if (row.flags[key]) counts[key] += 1
  return counts
}
