import { useQuery } from '@tanstack/react-query'
import { useCallback, useMemo, useState } from 'react'
import { Link, useParams } from 'react-router'
import { isApiError } from '../../../api/client'
import type { ProjectUsageAnswer, UsageAnswer } from '../../../api/model'
import { EmptyState, ErrorState, PendingState, Skeleton } from '../../../components/ui/query-state'
import { paths } from '../../../lib/paths'
import { organizationQueries } from '../../organizations/queries'
import { usageQueries, type UsageSubject } from '../queries'
import type { UsageInterval } from '../../../api/types'
import type { DateRange } from '../../../../domain/usage'
import { noPeriodSentence, type Compared } from '../lib/compare'
import { parseProjectFilter } from '../lib/project-credits'
import { drillSearch, usageViewSearch } from '../lib/usage-address'
import { requestedDates, usagePlan } from '../lib/usage-plan'
import { isNoPeriod, subscriptionDaysOf, totalsInterval } from '../lib/usage-ranges'
import { usageLevel } from '../model/levels'
import type { UsageModel, UsageScope } from '../model/usage-model'
import { ProjectUsagePicker } from './project-usage-picker'
import { RangePicker } from './range-picker'
import { useComparedTotals } from './use-compared-totals'
import { useUsageAddress } from './use-usage-address'
import { UsageResults } from './usage-results'
import type { DayEventsSlot } from './why-panel'
import '../usage.css'

/**
 * /organizations/:name/usage, and one project's below it, /organizations/:name/projects/:project/usage:
 * the same page at two levels (../model/levels.ts). The view lives in the URL, so a link shows the
 * same thing, and drilling in or back keeps it. `dayEvents`: what the "why this day" panel lists of
 * a project's changes on the chosen day (the audit trail's, composed by the route: the usage feature
 * does not reach into the audit feature).
 */
export function UsagePage({ dayEvents }: { dayEvents?: DayEventsSlot }) {
  const { name = '', project } = useParams()
  const scope: UsageScope = project === undefined ? 'organization' : 'project'
  const subject = useMemo((): UsageSubject => ({ organization: name, project }), [name, project])
  const address = useUsageAddress(scope)
  const { view, display, series, changeView, changeCompare, changeDisplay, changeSeries } = address
  // One clock per visit: relative ranges and the projection agree, and query keys stay stable.
  const [now] = useState(() => new Date())
  const projectFilter = useMemo(() => parseProjectFilter(series), [series])

  // The subscription's start (for the previous period) is in the organization's detail, which
  // the organization's frame has loaded.
  const detail = useQuery(organizationQueries.detail(name))
  const subscription = useMemo(() => detail.data && subscriptionDaysOf(detail.data), [detail.data])
  // Custom dates the API would refuse are not asked: the range picker says what to fix.
  const { shown: asked, noPeriod } = useMemo(
    () => usagePlan(view, now, subscription),
    [view, now, subscription],
  )
  const usage = useQuery({
    ...usageQueries.of(subject, asked ?? { interval: view.interval }),
    enabled: asked !== null,
  })
  // The answer says which generation it is, and so which level of the scope reads it.
  const level = usage.data ? usageLevel(scope, usage.data.generation) : undefined
  const normalise = useCallback(
    (
      answer: UsageAnswer | ProjectUsageAnswer | undefined,
      range: DateRange | null,
      interval: UsageInterval,
    ) => answer && level?.normalise(answer, range, interval, projectFilter),
    [level, projectFilter],
  )
  const model = useMemo(
    () => asked && normalise(usage.data, requestedDates(asked), asked.interval),
    [normalise, usage.data, asked],
  )
  const shownRange = model?.range ?? null

  // The rest of the plan needs the shown range as the answer gives it (the current period's dates
  // are the API's): the range before, drawn behind the charts with `compare=previous`, and the
  // comparison the totals' change is measured with.
  const { before, beforeRequest, comparison, history, daily } = useMemo(
    () => usagePlan(view, now, subscription, shownRange),
    [view, now, subscription, shownRange],
  )
  const { totalsBefore: totalsBeforeAnswer, shownSoFar: soFarAnswer } = useComparedTotals(
    subject,
    comparison,
    !usage.isPlaceholderData,
  )
  const totalsBefore = useMemo(
    () =>
      comparison && normalise(totalsBeforeAnswer, comparison.previous, totalsInterval(comparison.previous)),
    [normalise, totalsBeforeAnswer, comparison],
  )
  const soFar = useMemo(
    () => comparison && normalise(soFarAnswer, comparison.current, totalsInterval(comparison.current)),
    [normalise, soFarAnswer, comparison],
  )

  // The weeks (months) before the range, for the unusual-day marks and the "why this day" panel, and
  // the current period by day when the view is by month, for the weekly projection.
  const historyAnswer = useQuery({
    ...usageQueries.of(subject, history ?? { interval: view.interval }),
    enabled: history !== null,
  })
  const dailyAnswer = useQuery({
    ...usageQueries.of(subject, daily ?? { interval: 'day' }),
    enabled: daily !== null,
  })
  const historyModel = useMemo(
    () =>
      history && !historyAnswer.isPlaceholderData
        ? normalise(historyAnswer.data, requestedDates(history), history.interval)
        : undefined,
    [normalise, history, historyAnswer.data, historyAnswer.isPlaceholderData],
  )
  const dailyModel = useMemo(
    () =>
      view.interval === 'day'
        ? (model ?? undefined)
        : daily && !dailyAnswer.isPlaceholderData
          ? normalise(dailyAnswer.data, requestedDates(daily), 'day')
          : undefined,
    [normalise, view.interval, model, daily, dailyAnswer.data, dailyAnswer.isPlaceholderData],
  )

  const beforeAnswer = useQuery({
    ...usageQueries.of(subject, beforeRequest ?? { interval: view.interval }),
    enabled: beforeRequest !== null,
  })
  const compared = useMemo((): Compared<UsageModel> => {
    if (!view.compare) return { kind: 'off' }
    if (before && isNoPeriod(before)) return { kind: 'none', reason: before }
    if (!before) return { kind: 'off' }
    if (beforeAnswer.error) return { kind: 'error', range: before, error: beforeAnswer.error }
    const drawn = !beforeAnswer.isPlaceholderData && normalise(beforeAnswer.data, before, view.interval)
    return drawn ? { kind: 'ready', range: before, data: drawn } : { kind: 'loading', range: before }
  }, [
    view.compare,
    view.interval,
    before,
    beforeAnswer.data,
    beforeAnswer.error,
    beforeAnswer.isPlaceholderData,
    normalise,
  ])

  // A 400 is about the range: it belongs next to the range picker, where it can be fixed.
  const rangeError = isApiError(usage.error, 400) ? usage.error.message : null
  // A part's own usage (a project's, from the organization's), with this view.
  const search = drillSearch(address)
  const partHref = level?.drillsInto ? (part: string) => paths.projectUsage(name, part, search) : undefined

  return (
    <div className="stack usage-page">
      <title>{project === undefined ? `Usage · ${name}` : `Usage · ${project} · ${name}`}</title>
      <div className="usage-page__intro">
        <h2 className="usage-page__title">{project === undefined ? 'Usage' : `Usage of ${project}`}</h2>
        <p className="muted">
          {(level ?? usageLevel(scope, '2022')).description} All dates are UTC.{' '}
          {project === undefined ? (
            <>
              <Link to={paths.organization(name)}>Resource counts</Link> are on the overview.
            </>
          ) : (
            <>
              <Link to={`${paths.usage(name)}${search ? `?${search}` : ''}`}>
                The organization&apos;s usage
              </Link>{' '}
              has every project; <Link to={paths.project(name, project)}>the project&apos;s page</Link> its
              members and roles.
            </>
          )}
        </p>
        <Link to={paths.usageReport(name, null, project)}>Monthly report, to print or save as PDF</Link>
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
        <>
          {partHref && !level.seriesFilter && <ProjectUsagePicker organization={name} partHref={partHref} />}
          <UsageResults
            level={level}
            subject={subject}
            view={view}
            model={model}
            totalsBefore={totalsBefore ?? undefined}
            soFar={soFar ?? undefined}
            history={historyModel ?? undefined}
            daily={dailyModel ?? undefined}
            comparison={comparison}
            compared={compared}
            now={now}
            display={display}
            onDisplayChange={changeDisplay}
            seriesFilter={series}
            onSeriesFilterChange={changeSeries}
            chosenDay={address.day}
            onChooseDay={address.changeDay}
            dayEvents={dayEvents}
            isUpdating={usage.isPlaceholderData}
            partHref={partHref}
          />
        </>
      ) : null}
    </div>
  )
}
