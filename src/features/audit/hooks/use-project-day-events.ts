import { useQueries, useQueryClient } from '@tanstack/react-query'
import { auditPageSlice, type AuditEvent } from '../lib/audit-trail'
import { auditQueries } from '../queries'

/** At most this many pages are read back looking for a day (about 2,000 events of one project). */
export const DAY_EVENTS_MAX_PAGES = 20

export interface ProjectDayEvents {
  /** The project's events of `day` (UTC), newest first. */
  events: AuditEvent[]
  isPending: boolean
  error: Error | null
  retry: () => void
  /** The pages read stopped before reaching the day's start: older events of it may be missing. */
  isCut: boolean
}

/**
 * One project's audit events of one UTC day (`YYYY-MM-DD`), newest first: the audit trail's pages of
 * that project (the same cached queries), read from the newest until one reaches back before the day.
 */
export function useProjectDayEvents(organization: string, project: string, day: string): ProjectDayEvents {
  const client = useQueryClient()
  // Pages are read from the newest: one more while the last read is full and ends after the day's start.
  let wanted = 1
  for (; wanted < DAY_EVENTS_MAX_PAGES; wanted += 1) {
    const page = client.getQueryData(auditQueries.page(organization, project, '', wanted - 1).queryKey)
    if (!page || page.length < auditPageSlice(wanted - 1).limit || page.at(-1)!.date.slice(0, 10) < day) break
  }
  const pages = useQueries({
    queries: Array.from({ length: wanted }, (_, index) =>
      auditQueries.page(organization, project, '', index),
    ),
  })
  const isRead = pages.every((page) => page.data !== undefined)
  const events = isRead ? pages.flatMap((page) => page.data!) : []
  const last = pages.at(-1)?.data
  const isEnd = last !== undefined && last.length < auditPageSlice(wanted - 1).limit
  const isPast = (events.at(-1)?.date.slice(0, 10) ?? '\uffff') < day
  const needsMore = isRead && !isEnd && !isPast && wanted < DAY_EVENTS_MAX_PAGES
  const failed = pages.filter((page) => page.isError)
  return {
    events: events.filter((event) => event.date.slice(0, 10) === day),
    isPending: failed.length === 0 && (!isRead || needsMore),
    error: failed[0]?.error ?? null,
    retry: () => failed.forEach((page) => void page.refetch()),
    isCut: isRead && !isEnd && !isPast && !needsMore,
  }
}
