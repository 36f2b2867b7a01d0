import { useQuery } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { Link, useParams, useSearchParams } from 'react-router'
import { isApiError } from '../../../api/client'
import { ErrorState, PendingState, Skeleton } from '../../../components/ui/query-state'
import { paths } from '../../../lib/paths'
import { usageQueries } from '../queries'
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
import { UsageResults, type UsageDisplay } from './usage-results'
import '../usage.css'

/** /organizations/:name/usage — the view lives in the URL, so a link shows the same thing. */
export function UsagePage() {
  const { name = '' } = useParams()
  const [searchParams, setSearchParams] = useSearchParams()
  const search = searchParams.toString()
  const view = useMemo(() => parseUsageView(new URLSearchParams(search)), [search])
  const display: UsageDisplay = searchParams.get('view') === 'table' ? 'table' : 'chart'
  // One clock per visit: relative ranges and the projection agree, and query keys stay stable.
  const [now] = useState(() => new Date())

  const request = useMemo(() => usageRequest(view, now), [view, now])
  const usage = useQuery(usageQueries.range(name, request))
  const data = useMemo(
    () =>
      usage.data
        ? toUsageData(
            usage.data,
            request.start ? { start: request.start, end: request.end ?? '' } : null,
            request.interval,
          )
        : undefined,
    [usage.data, request],
  )

  const comparison = useMemo(() => (data?.range ? comparisonFor(data.range, now) : null), [data, now])
  const previousUsage = useQuery({
    ...usageQueries.range(
      name,
      comparison
        ? { ...comparison.previous, interval: totalsInterval(comparison.previous) }
        : { interval: 'day' },
    ),
    enabled: comparison !== null && !usage.isPlaceholderData,
  })
  const previousData = useMemo(
    () =>
      previousUsage.data && !previousUsage.isPlaceholderData && comparison
        ? toUsageData(previousUsage.data, comparison.previous, totalsInterval(comparison.previous))
        : undefined,
    [previousUsage.data, previousUsage.isPlaceholderData, comparison],
  )

  function changeView(next: UsageView) {
    const params = usageViewSearch(next)
    if (display === 'table') params.set('view', 'table')
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
          What the organization consumed, per metric and object type. All dates are UTC.{' '}
          <Link to={paths.organization(name)}>Resource counts</Link> are on the overview.
        </p>
      </div>
      <RangePicker
        key={usageViewSearch(view).toString()}
        view={view}
        shownRange={data?.range ?? null}
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
      ) : null}
    </div>
  )
}
