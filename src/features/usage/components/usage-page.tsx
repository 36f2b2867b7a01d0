import { useQuery } from '@tanstack/react-query'
import { useCallback, useMemo, useState } from 'react'
import { Link, useParams } from 'react-router'
import { useLatestSearchParams } from '../../../hooks/use-latest-search-params'
import { isApiError } from '../../../api/client'
import type { UsageAnswer } from '../../../api/model'
import { EmptyState, ErrorState, PendingState, Skeleton } from '../../../components/ui/query-state'
import { paths } from '../../../lib/paths'
import { organizationQueries } from '../../organizations/queries'
import { usageQueries, type UsageRequest } from '../queries'
import type { UsageInterval } from '../../../api/types'
import type { DateRange } from '../../../../domain/usage'
import { noPeriodSentence, shapeCompared, type Compared } from '../lib/compare'
import { parseProjectFilter, projectFilterParam } from '../lib/project-credits'
import { organizationLevel } from '../model/levels'
import {
  askedRequest,
  comparedRange,
  comparisonFor,
  hasWholeDays,
  isNoPeriod,
  parseUsageView,
  previousNameOf,
  subscriptionDaysOf,
  totalsInterval,
  usageRequest,
  usageViewSearch,
  type UsageView,
} from '../lib/usage-view'
import { RangePicker } from './range-picker'
import { useComparedTotals } from './use-compared-totals'
import type { UsageDisplay } from './display-toggle'
import { UsageResults } from './usage-results'
import '../usage.css'

/** The dates a request names, or null for the API's own period. */
const datesOf = ({ start, end }: UsageRequest) => (start && end ? { start, end } : null)

/** /organizations/:name/usage — the view lives in the URL, so a link shows the same thing. */
export function UsagePage() {
  const { name = '' } = useParams()
  const [searchParams, setSearchParams] = useLatestSearchParams()
  const search = searchParams.toString()
  const view = useMemo(() => parseUsageView(new URLSearchParams(search)), [search])
  const display: UsageDisplay = searchParams.get('view') === 'table' ? 'table' : 'chart'
  // One clock per visit: relative ranges and the projection agree, and query keys stay stable.
  const [now] = useState(() => new Date())

  const projectFilter = parseProjectFilter(searchParams.get('project'))

  // The subscription's start (for the previous period) is in the organization's detail, which
  // the organization's frame has loaded.
  const detail = useQuery(organizationQueries.detail(name))
  const subscription = useMemo(() => detail.data && subscriptionDaysOf(detail.data), [detail.data])
  const request = useMemo(() => usageRequest(view, now, subscription), [view, now, subscription])
  const noPeriod = isNoPeriod(request) ? request : null
  // Custom dates the API would refuse are not asked: the range picker says what to fix.
  const asked = askedRequest(request)
  const usage = useQuery({
    ...usageQueries.range(name, asked ?? { interval: view.interval }),
    enabled: asked !== null,
  })
  // The answer says which generation it is, and so which level reads it.
  const level = usage.data ? organizationLevel(usage.data.generation) : undefined
  const normalise = useCallback(
    (answer: UsageAnswer | undefined, range: DateRange | null, interval: UsageInterval) =>
      answer && level?.normalise(answer, range, interval, projectFilter),
    [level, projectFilter],
  )
  const model = useMemo(
    () => asked && normalise(usage.data, datesOf(asked), asked.interval),
    [normalise, usage.data, asked],
  )
  const shownRange = model?.range ?? null

  // The range before the shown one: what the totals' change is measured against, and what
  // `compare=previous` draws behind the charts.
  const before = useMemo(
    () => comparedRange(view, now, subscription, shownRange),
    [view, now, subscription, shownRange],
  )
  const beforeRange = before && !isNoPeriod(before) ? before : null
  const comparison = useMemo(() => {
    if (!shownRange || !beforeRange) return null
    const found = comparisonFor(shownRange, now, beforeRange, previousNameOf(view.range))
    return hasWholeDays(found) ? found : null
  }, [shownRange, beforeRange, now, view.range])
  const { previous: previousAnswer, current: soFarAnswer } = useComparedTotals(
    name,
    comparison,
    !usage.isPlaceholderData,
  )
  const totalsBefore = useMemo(
    () => comparison && normalise(previousAnswer, comparison.previous, totalsInterval(comparison.previous)),
    [normalise, previousAnswer, comparison],
  )
  const soFar = useMemo(
    () => comparison && normalise(soFarAnswer, comparison.current, totalsInterval(comparison.current)),
    [normalise, soFarAnswer, comparison],
  )

  // The whole previous range, by the view's interval, drawn behind the charts when comparing.
  const {
    data: comparedAnswer,
    error: comparedError,
    isPlaceholderData: isComparedPlaceholder,
  } = useQuery({
    ...usageQueries.range(name, { ...(beforeRange ?? {}), interval: view.interval }),
    enabled: view.compare === true && beforeRange !== null,
  })
  const compared = useMemo((): Compared<UsageAnswer> => {
    if (!view.compare) return { kind: 'off' }
    if (before && isNoPeriod(before)) return { kind: 'none', reason: before }
    if (!beforeRange) return { kind: 'off' }
    if (comparedError) return { kind: 'error', range: beforeRange, error: comparedError }
    if (!comparedAnswer || isComparedPlaceholder) return { kind: 'loading', range: beforeRange }
    return { kind: 'ready', range: beforeRange, data: comparedAnswer }
  }, [view.compare, before, beforeRange, comparedAnswer, comparedError, isComparedPlaceholder])
  const comparedModel = useMemo(
    () => shapeCompared(compared, (answer, range) => normalise(answer, range, view.interval)),
    [compared, normalise, view.interval],
  )

  function changeView(next: UsageView) {
    const params = usageViewSearch({ ...next, ...(view.compare ? { compare: true } : {}) })
    if (display === 'table') params.set('view', 'table')
    const project = searchParams.get('project')
    if (project) params.set('project', project)
    setSearchParams(params)
  }

  function changeCompare(compare: boolean) {
    const params = new URLSearchParams(search)
    if (compare) params.set('compare', 'previous')
    else params.delete('compare')
    setSearchParams(params, { replace: true })
  }

  function changeProjectFilter(value: string | null) {
    const params = new URLSearchParams(search)
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
          {(level ?? organizationLevel('2022')).description} All dates are UTC.{' '}
          <Link to={paths.organization(name)}>Resource counts</Link> are on the overview.
        </p>
        <Link to={paths.usageReport(name)}>Monthly report, to print or save as PDF</Link>
      </div>
      <RangePicker
        // Remounted when the range in the address changes, not the comparison: ticking it keeps
        // custom dates typed and not yet shown.
        key={usageViewSearch({ ...view, compare: undefined }).toString()}
        view={view}
        shownRange={shownRange}
        apiError={rangeError}
        onChange={changeView}
        compare={view.compare === true}
        onCompareChange={changeCompare}
      />
      {noPeriod ? (
        <EmptyState title="No previous subscription period">
          {noPeriodSentence(noPeriod, 'previous subscription period')} Pick another range above.
        </EmptyState>
      ) : view.problem ? null : usage.isPending ? (
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
      ) : level && model && !rangeError ? (
        <UsageResults
          level={level}
          organization={name}
          view={view}
          model={model}
          totalsBefore={totalsBefore ?? undefined}
          soFar={soFar ?? undefined}
          comparison={comparison}
          compared={comparedModel}
          now={now}
          display={display}
          onDisplayChange={changeDisplay}
          seriesFilter={projectFilterParam(projectFilter)}
          onSeriesFilterChange={changeProjectFilter}
          isUpdating={usage.isPlaceholderData}
        />
      ) : null}
    </div>
  )
}
