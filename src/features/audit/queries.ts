// Audit events of an organization's projects: the key factory and the queryOptions of one page of
// one project's events. Pages are fixed slices (auditPageSlice: a short first page, then longer
// ones) so that a page once read stays in the cache under its own key while the admin scrolls on.
import { queryOptions } from '@tanstack/react-query'
import { requestAnswer } from '../../api/answers'
import { segment } from '../../api/client'
import { createLimiter } from '../../lib/limiter'
import { organizationQueries } from '../organizations/queries'
import { auditPageSlice, type AuditAction, type AuditEvent } from './lib/audit-trail'

/** At most six pages in flight: an organization of forty projects asks for forty at once. */
export const auditReads = createLimiter(6)

export const auditQueries = {
  all: (organization: string) => [...organizationQueries.scope(organization), 'audit'] as const,
  /** Page `index` of `project`'s events (of one action, or all: ''), newest first. */
  page: (organization: string, project: string, action: AuditAction | '', index: number) =>
    queryOptions({
      queryKey: [...auditQueries.all(organization), project, action, index] as const,
      queryFn: async ({ signal }): Promise<AuditEvent[]> => {
        const { offset, limit } = auditPageSlice(index)
        const query = new URLSearchParams({ limit: String(limit), offset: String(offset) })
        if (action) query.set('action', action)
        const answer = await auditReads.run(
          () => requestAnswer('auditEventList', `/projects/${segment(project)}/audit?${query}`, { signal }),
          { signal },
        )
        return answer.map((event) => ({
          id: event.id,
          date: event.date,
          action: event.action,
          user: event.user,
          event: event.event,
          objectType: event.object_type,
          objectName: event.object_name,
          project,
        }))
      },
      staleTime: 60_000,
    }),
}
