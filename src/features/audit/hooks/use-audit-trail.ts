import { useQueries, useQuery } from '@tanstack/react-query'
import { useCallback, useMemo, useState } from 'react'
import { projectQueries } from '../../projects/queries'
import {
  auditPageSlice,
  mergeTrail,
  type AuditEvent,
  type AuditFilter,
  type ProjectEvents,
} from '../lib/audit-trail'
import { auditQueries, auditReads } from '../queries'

/** How many projects' next pages one "more" asks for: as many as may be in flight at once. */
const READ_AHEAD = 6

const NOTHING_MERGED: ReturnType<typeof mergeTrail> = { rows: [], isComplete: false, toRead: [] }

export interface AuditTrail {
  rows: AuditEvent[]
  /** the organization's project names (for the project filter) */
  projects: string[]
  /** the project list or some project's first page is still on its way */
  isPending: boolean
  /** every event the filter lets through is shown */
  isComplete: boolean
  /** more pages are on their way */
  isLoadingMore: boolean
  error: Error | null
  retry: () => void
  /** asks for the next pages of the projects whose events would show next; does nothing while they load */
  loadMore: () => void
}

/**
 * The organization's audit trail for `filter`: the projects (all, or the filtered one) read a page
 * at a time, each page a cached query (queries.ts), merged by src/features/audit/lib/audit-trail.ts.
 * Every project's first page, a short one, is asked at once (six in flight, the rest queued); the
 * longer later pages only when the reader scrolls near the end, or when the filter leaves too
 * little to show. Nothing is merged until every first page is in: no row could show before.
 */
export function useAuditTrail(organization: string, filter: AuditFilter): AuditTrail {
  const list = useQuery(projectQueries.list(organization))
  const projects = useMemo(() => list.data?.map((project) => project.name) ?? [], [list.data])
  const read = useMemo(
    () => (filter.project ? projects.filter((name) => name === filter.project) : projects),
    [projects, filter.project],
  )
  // Pages wanted per project and action; the first of each is always wanted.
  const [wanted, setWanted] = useState<ReadonlyMap<string, number>>(new Map())
  const keyOf = useCallback((project: string) => `${filter.action}\u0000${project}`, [filter.action])

  const plan = read.flatMap((project) =>
    Array.from({ length: wanted.get(keyOf(project)) ?? 1 }, (_, index) => ({ project, index })),
  )
  const pages = useQueries({
    queries: plan.map(({ project, index }) => auditQueries.page(organization, project, filter.action, index)),
  })

  const perProject = new Map<string, ProjectEvents & { canReadOn: boolean; isFetching: boolean }>()
  plan.forEach(({ project, index }, position) => {
    const page = pages[position]!
    const entry = perProject.get(project) ?? {
      project,
      events: [] as AuditEvent[],
      isComplete: false,
      canReadOn: true,
      isFetching: false,
    }
    entry.isFetching ||= page.isFetching
    if (entry.canReadOn && page.data) {
      entry.events = [...entry.events, ...page.data]
      if (page.data.length < auditPageSlice(index).limit) {
        entry.isComplete = true
        entry.canReadOn = false
      }
    } else entry.canReadOn = false
    perProject.set(project, entry)
  })
  const states = [...perProject.values()]
  const isPending = list.isPending || states.some((state) => state.events.length === 0 && state.isFetching)
  const merged = isPending ? NOTHING_MERGED : mergeTrail(states, filter)
  const error = pages.find((page) => page.error)?.error ?? list.error ?? null

  // The next pages follow from what is read; stable enough to hand to an effect.
  const nextKeys = merged.toRead
    .filter((project) => {
      const state = perProject.get(project)
      // Every page asked is in and full: the next one is the one to ask.
      return state !== undefined && !state.isFetching && state.canReadOn
    })
    .slice(0, READ_AHEAD)
    .join('\n')
  const loadMore = useCallback(() => {
    if (!nextKeys) return
    setWanted((current) => {
      const next = new Map(current)
      for (const project of nextKeys.split('\n')) {
        const key = keyOf(project)
        next.set(key, (next.get(key) ?? 1) + 1)
      }
      return next
    })
  }, [nextKeys, keyOf])

  const failed = pages.filter((page) => page.isError)
  const { isError: isListError, refetch: refetchList } = list
  const retry = () => {
    if (isListError) void refetchList()
    for (const page of failed) void page.refetch()
  }

  return {
    rows: merged.rows,
    projects,
    isPending,
    isComplete: list.isSuccess && merged.isComplete,
    isLoadingMore: states.some((state) => state.isFetching) || auditReads.active > 0,
    error,
    retry,
    loadMore,
  }
}
