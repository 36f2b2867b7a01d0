// The usage page's results for every level: the range, the series filter, the totals, then the
// charts or the table, the CSV and the per-part table, all read from the one model and driven by
// the level's description (../model/levels.ts).
import { useCallback, useDeferredValue, useMemo } from 'react'
import { Button } from '../../../components/ui/button'
import { EmptyState } from '../../../components/ui/query-state'
import { utcToday, type IsoDate } from '../../../../domain/dates'
import { unusualDays, usageReference } from '../lib/usage-history'
import { type Compared } from '../lib/compare'
import { formatSpan } from '../lib/dates'
import { BYTES_NOTE } from '../lib/format'
import { containsNow } from '../lib/usage-summary'
import type { Comparison } from '../lib/comparison'
import { RANGE_LABELS, type UsageDisplay, type UsageView } from '../lib/usage-address'
import type { UsageLevel } from '../model/levels'
import type { UsageSubject } from '../queries'
import { isAllZero, seriesOfModel, type UsageModel } from '../model/usage-model'
import { CompareNotice } from './compare-notice'
import { CsvButton } from './csv-button'
import { DisplayToggle } from './display-toggle'
import { RangeSummary, unshownRange } from './not-started-state'
import { PartTable } from './part-table'
import { SeriesFilter } from './series-filter'
import { useBudgetLine } from './use-budget-status'
import { useChartRows } from './use-chart-rows'
import { useHiddenSeries } from './use-hidden-series'
import { UsageChart } from './usage-chart'
import { UsageTable } from './usage-table'
import { UsageTotals, type ShownTotals } from './usage-totals'
import { useWhyChoice } from './use-why-choice'
import { usePrefetchWhyDay, useReadableProjects } from './use-why-projects'
import type { DayEventsSlot } from './why-panel'
import { preloadWhyPanel, WhyPanel } from './why-panel-on-demand'

interface UsageResultsProps {
  level: UsageLevel
  subject: UsageSubject
  view: UsageView
  model: UsageModel
  /** The range before over the compared days (see `comparison`); undefined while it loads or if it failed. */
  totalsBefore: UsageModel | undefined
  /** A running range's whole days so far, which the change is measured with; undefined while they load. */
  soFar: UsageModel | undefined
  /** The weeks (months) just before the range: the unusual-day rule's references; undefined while they load. */
  history: UsageModel | undefined
  /** The current subscription period by day, for the weekly projection; undefined while it loads. */
  daily: UsageModel | undefined
  comparison: Comparison | null
  /** The previous range drawn behind the charts (`compare=previous`), aligned by position. */
  compared: Compared<UsageModel>
  now: Date
  display: UsageDisplay
  onDisplayChange: (display: UsageDisplay) => void
  /** The series filter's value in the address (levels with one), null for all. */
  seriesFilter: string | null
  onSeriesFilterChange: (value: string | null) => void
  /** The bucket whose "why this day" panel is open (`day=`), and how to choose or close one. */
  chosenDay: IsoDate | null
  onChooseDay: (day: IsoDate | null) => void
  /** The panel's list of a project's changes of the day (filled by the route). */
  dayEvents: DayEventsSlot | undefined
  /** The previous view's data is on screen while the new one loads. */
  isUpdating: boolean
  /** The address of a part's own usage, with this view (levels that drill into another); none without one. */
  partHref?: (part: string) => string
}

export function UsageResults({
  level,
  subject,
  view,
  model,
  totalsBefore,
  soFar,
  history,
  daily,
  comparison,
  compared,
  now,
  display,
  onDisplayChange,
  seriesFilter,
  onSeriesFilterChange,
  chosenDay,
  onChooseDay,
  dayEvents,
  isUpdating,
  partHref,
}: UsageResultsProps) {
  const { hidden, toggleSeries, showAllSeries } = useHiddenSeries()
  const today = utcToday(now)
  const previous = compared.kind === 'ready' ? compared.data : undefined
  const previousRows = useMemo(
    () => (previous ? { model: previous, shape: level.previous } : undefined),
    [previous, level.previous],
  )
  const rowsByChart = useChartRows(model, today, previousRows)
  const isCurrentPeriod = view.range === 'period' && model.range !== null && containsNow(model.range, now)
  const period = isCurrentPeriod ? model.range : null
  const totals: ShownTotals = { model, totalsBefore, soFar, comparison, period, daily, now }
  const organization = subject.organization
  // The credit budget is the organization's: drawn over its whole credits only.
  const isWhole = seriesFilter === null && subject.project === undefined
  const budgetLine = useBudgetLine(organization, isWhole ? period : null, view.interval)
  // "Why this day" explains the organization's days by its projects, then their versions; a
  // project's own page is that second step already, so its days are marked but not chosen.
  const explainsDays = subject.project === undefined
  const reference = useMemo(() => usageReference(model, history), [model, history])
  const marksByChart = useMemo(
    () => model.charts.map((chart) => unusualDays(reference, chart.metric, today)),
    [model.charts, reference, today],
  )
  const anyMarks = useMemo(() => new Set(marksByChart.flatMap((marks) => [...marks])), [marksByChart])
  const readable = useReadableProjects(organization, explainsDays)
  const why = useWhyChoice(chosenDay, onChooseDay)
  const prefetchWhyDay = usePrefetchWhyDay(organization, level.generation, reference, today, readable)
  const { choose: chooseWhy } = why
  const chooseDay = useCallback(
    (day: IsoDate, opener: HTMLElement) => {
      prefetchWhyDay(day)
      chooseWhy(day, opener)
    },
    [prefetchWhyDay, chooseWhy],
  )
  // The per-part table (a project's hundreds of deployment versions) is built in a render of its
  // own just after the first one, so that the chart above it is not kept waiting for its rows.
  const showsPartTable = useDeferredValue(true, false)

  const unshown = unshownRange(model.range, model.buckets.length, today)
  if (unshown || !model.range) return unshown

  const series = seriesOfModel(model)
  const shownCount = series.filter((s) => !hidden.has(s.key)).length
  const hiddenCount = series.length - shownCount
  const bucketWord = view.interval === 'day' ? 'day' : 'month'
  const { breakdown } = model
  const filter = level.seriesFilter
  const chartCompared =
    compared.kind === 'ready' ? { shown: model.range, previous: compared.range } : undefined

  return (
    <div
      className="stack"
      aria-busy={isUpdating || undefined}
      data-updating={isUpdating || undefined}
      onPointerEnter={explainsDays ? preloadWhyPanel : undefined}
      onFocus={explainsDays ? preloadWhyPanel : undefined}
    >
      <RangeSummary
        range={model.range}
        rangeLabel={RANGE_LABELS[view.range]}
        bucketWord={bucketWord}
        bucketCount={model.buckets.length}
      />
      {filter && breakdown && (
        <SeriesFilter
          filter={filter}
          breakdown={breakdown}
          value={seriesFilter}
          onChange={onSeriesFilterChange}
          partHref={partHref}
        />
      )}
      <UsageTotals level={level} totals={totals} />
      {filter && breakdown?.unknownChoice != null ? (
        <EmptyState
          title={`This ${filter.partLabel.toLowerCase()} has no usage in this range`}
          action={
            <Button onClick={() => onSeriesFilterChange(null)}>Show {filter.allLabel.toLowerCase()}</Button>
          }
        >
          It is not in the API&apos;s answer for this range: it may have been deleted, or belong to another
          organization.
        </EmptyState>
      ) : (
        <>
          {isAllZero(model) && (
            <p className="ui-notice ui-notice--info" role="status">
              Nothing was used in this range: every {bucketWord} is 0. The charts and table still cover the
              whole range.
            </p>
          )}
          <CompareNotice compared={compared} />
          <div className="usage-toolbar">
            <DisplayToggle
              display={display}
              onDisplayChange={onDisplayChange}
              chartLabel={model.charts.length > 1 ? 'Charts' : 'Chart'}
            />
            <div className="usage-toolbar__export">
              <CsvButton
                level={level}
                subject={subject}
                interval={view.interval}
                model={model}
                previous={previous}
                hidden={hidden}
                today={today}
                disabled={shownCount === 0}
              />
              <p className="muted usage-footnote">
                {hiddenCount === 0
                  ? `The table and CSV hold all ${shownCount} series${previous ? ', with the previous range’s beside them' : ''}.`
                  : `${hiddenCount} ${hiddenCount === 1 ? 'series is' : 'series are'} hidden in the legends and left out of the table and CSV.`}{' '}
                {hiddenCount > 0 && (
                  <button type="button" className="usage-link-button" onClick={showAllSeries}>
                    Show all series
                  </button>
                )}
              </p>
            </div>
          </div>
          {display === 'chart' ? (
            <div className="usage-charts">
              {model.charts.map((chart, index) => (
                <UsageChart
                  key={chart.metric}
                  chart={chart}
                  interval={view.interval}
                  rows={rowsByChart[index] ?? []}
                  height={model.charts.length > 1 ? 240 : 280}
                  hidden={hidden}
                  onToggleSeries={level.hidesSeries ? toggleSeries : undefined}
                  previous={level.previous}
                  compared={chartCompared}
                  budgetLine={chart.metric === 'credits' ? budgetLine : undefined}
                  marks={marksByChart[index]}
                  chosen={explainsDays ? chosenDay : null}
                  onChoose={explainsDays ? chooseDay : undefined}
                  partHref={partHref}
                />
              ))}
            </div>
          ) : shownCount === 0 ? (
            <EmptyState title="Every series is hidden">
              <button type="button" className="usage-link-button" onClick={showAllSeries}>
                Show all series
              </button>
            </EmptyState>
          ) : (
            <UsageTable
              model={model}
              noun={level.fileWord === 'usage' ? 'Usage' : 'Credits'}
              hidden={hidden}
              interval={view.interval}
              today={today}
              previousShape={level.previous}
              previous={previous}
              previousTotals={
                comparison
                  ? {
                      model: totalsBefore,
                      span: formatSpan(comparison.previous.start, comparison.previous.end),
                    }
                  : undefined
              }
              why={{
                marks: anyMarks,
                onChoose: explainsDays ? chooseDay : undefined,
                chosen: explainsDays ? chosenDay : null,
              }}
            />
          )}
          {explainsDays && chosenDay && (
            <WhyPanel
              key={chosenDay}
              organization={organization}
              generation={level.generation}
              model={model}
              reference={reference}
              day={chosenDay}
              interval={view.interval}
              view={view}
              today={today}
              dayEvents={dayEvents}
              readable={readable}
              shouldFocus={why.shouldFocus}
              onClose={why.close}
            />
          )}
          {filter && breakdown && showsPartTable && (
            <section aria-labelledby="part-table-heading" className="stack-sm">
              <h3 id="part-table-heading">{filter.partsHeading}</h3>
              <PartTable
                totals={totals}
                partLabel={filter.partLabel}
                caption={filter.partsHeading}
                partHref={partHref}
              />
            </section>
          )}
        </>
      )}
      {model.charts.some((chart) => chart.unit === 'bytes') && (
        <p className="muted usage-footnote">{BYTES_NOTE}</p>
      )}
    </div>
  )
}
