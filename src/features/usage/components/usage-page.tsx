import { useQuery } from '@tanstack/react-query'
import { lazy, Suspense, useMemo, useState } from 'react'
import { Link, useParams, useSearchParams } from 'react-router'
import { isApiError } from '../../../api/client'
import { ErrorState, PendingState, Skeleton } from '../../../components/ui/query-state'
import { paths } from '../../../lib/paths'
import { usageQueries } from '../queries'
import {
  parseProjectFilter,
  projectFilterParam,
  toCreditsData,
  type ProjectFilter,
} from '../lib/project-credits'
import { toUsageData } from '../lib/usage-series'
import {
  comparisonFor,
  parseUsageView,
  totalsInterval,
  usageRequest,
  usageViewSearch,
  type UsageView,
} from '../lib/usage-view'
import { RangePicker } from './range-picker'
import type { UsageDisplay } from './display-toggle'
import { UsageResults } from './usage-results'
import '../usage.css'

// The current generation's page (credits per project) is a chunk of its own: a 2022 API never loads it.
const CreditsResults = lazy(() => import('./credits-results'))

/** /organizations/:name/usage — the view lives in the URL, so a link shows the same thing. */
export function UsagePage() {
  const { name = '' } = useParams()
  const [searchParams, setSearchParams] = useSearchParams()
  const search = searchParams.toString()
  const view = useMemo(() => parseUsageView(new URLSearchParams(search)), [search])
  const display: UsageDisplay = searchParams.get('view') === 'table' ? 'table' : 'chart'
  // One clock per visit: relative ranges and the projection agree, and query keys stay stable.
  const [now] = useState(() => new Date())

  const projectFilter = parseProjectFilter(searchParams.get('project'))

  const request = useMemo(() => usageRequest(view, now), [view, now])
  const usage = useQuery(usageQueries.range(name, request))
  // The answer says which generation it is: per object type and metric (2022), or credits per project.
  const generation = usage.data?.generation
  const data = useMemo(() => {
    if (usage.data?.generation !== '2022') return undefined
    const requested = request.start ? { start: request.start, end: request.end ?? '' } : null
    return toUsageData(usage.data.series, requested, request.interval)
  }, [usage.data, request])
  const credits = useMemo(() => {
    if (usage.data?.generation !== 'current') return undefined
    const requested = request.start ? { start: request.start, end: request.end ?? '' } : null
    return toCreditsData(usage.data, requested, request.interval)
  }, [usage.data, request])
  const shownRange = data?.range ?? credits?.range ?? null

  const comparison = useMemo(() => (shownRange ? comparisonFor(shownRange, now) : null), [shownRange, now])
  const previousUsage = useQuery({
    ...usageQueries.range(
      name,
      comparison
        ? { ...comparison.previous, interval: totalsInterval(comparison.previous) }
        : { interval: 'day' },
    ),
    enabled: comparison !== null && !usage.isPlaceholderData,
  })
  const previous = previousUsage.isPlaceholderData ? undefined : previousUsage.data
  const previousData = useMemo(
    () =>
      previous?.generation === '2022' && comparison
        ? toUsageData(previous.series, comparison.previous, totalsInterval(comparison.previous))
        : undefined,
    [previous, comparison],
  )
  const previousCredits = useMemo(
    () =>
      previous?.generation === 'current' && comparison
        ? toCreditsData(previous, comparison.previous, totalsInterval(comparison.previous))
        : undefined,
    [previous, comparison],
  )

  function changeView(next: UsageView) {
    const params = usageViewSearch(next)
    if (display === 'table') params.set('view', 'table')
    const project = searchParams.get('project')
    if (project) params.set('project', project)
    setSearchParams(params)
  }

  function changeProjectFilter(next: ProjectFilter) {
    const params = new URLSearchParams(search)
    const value = projectFilterParam(next)
    if (value) params.set('project', value)
    else params.delete('project')
    setSearchParams(params)
  }

  function changeDisplay(next: UsageDisplay) {
    const params = new URLSearchParams(search)
    if (next === 'table') params.set('view', 'table')
    else params.delete('view')
    setSearchParams(params, { replace: true })
  }

  // A 400 is about the range: it belongs next to the range picker, where it can be fixed.
  const rangeError = isApiError(usage.error, 400) ? usage.error.message : null

  return (
    <div className="stack usage-page">
      <title>{`Usage · ${name}`}</title>
      <div className="usage-page__intro">
        <h2 className="usage-page__title">Usage</h2>
        <p className="muted">
          {generation === 'current'
            ? 'The credits the organization used, per project.'
            : 'What the organization consumed, per metric and object type.'}{' '}
          All dates are UTC. <Link to={paths.organization(name)}>Resource counts</Link> are on the overview.
        </p>
        <Link to={paths.usageReport(name)}>Monthly report, to print or save as PDF</Link>
      </div>
      <RangePicker
        key={usageViewSearch(view).toString()}
        view={view}
        shownRange={shownRange}
        apiError={rangeError}
        onChange={changeView}
      />
      {usage.isPending ? (
        <PendingState label="Loading usage">
          <Skeleton height="6rem" />
          <Skeleton height="15rem" />
        </PendingState>
      ) : usage.isError && !rangeError ? (
        <ErrorState
          title="Could not load the usage"
          error={usage.error}
          onRetry={() => void usage.refetch()}
          isRetrying={usage.isFetching}
        />
      ) : data && !rangeError ? (
        <UsageResults
          organization={name}
          view={view}
          data={data}
          previousData={previousData}
          comparison={comparison}
          now={now}
          display={display}
          onDisplayChange={changeDisplay}
          isUpdating={usage.isPlaceholderData}
        />
      ) : credits && !rangeError ? (
        <Suspense fallback={<PendingState label="Loading usage" />}>
          <CreditsResults
            organization={name}
            view={view}
            data={credits}
            previousData={previousCredits}
            comparison={comparison}
            now={now}
            display={display}
            onDisplayChange={changeDisplay}
            filter={projectFilter}
            onFilterChange={changeProjectFilter}
            isUpdating={usage.isPlaceholderData}
          />
        </Suspense>
      ) : null}
    </div>
  )
}
