import { useMemo } from 'react'
import { EmptyState } from '../../../components/ui/query-state'
import { utcToday } from '../../../../domain/dates'
import { formatSpan } from '../lib/dates'
import { BYTES_NOTE } from '../lib/format'
import { METRICS, chartRows, isAllZero, seriesOfMetric, type UsageData } from '../lib/usage-series'
import { containsNow, metricProjections } from '../lib/usage-summary'
import { RANGE_LABELS, type Comparison, type UsageView } from '../lib/usage-view'
import { ORGANIZATION_BY_METRIC } from '../model/levels'
import { modelOfUsageData } from '../model/normalise-2022'
import { UsageChart } from './usage-chart'
import { useBudgetLine } from './use-budget-status'
import { UsageTable } from './usage-table'
import { useHiddenSeries } from './use-hidden-series'
import { UsageTotals } from './usage-totals'
import { useMetricTotals } from './use-compared-totals'
import { DisplayToggle, type UsageDisplay } from './display-toggle'
import { CompareNotice } from './compare-notice'
import { withPreviousRows, type Compared } from '../lib/compare'
import { bucketsSoFar } from '../lib/usage-report'
import { RangeSummary, unshownRange } from './not-started-state'
import { CsvButton } from './csv-button'

interface UsageResultsProps {
  organization: string
  view: UsageView
  data: UsageData
  previousData: UsageData | undefined
  /** A running range's whole days so far, which the change is measured with; undefined while they load. */
  soFarData?: UsageData | undefined
  comparison: Comparison | null
  /** The previous range drawn behind the charts (`compare=previous`), aligned by position. */
  compared?: Compared<UsageData>
  now: Date
  display: UsageDisplay
  onDisplayChange: (display: UsageDisplay) => void
  /** The previous view's data is on screen while the new one loads. */
  isUpdating: boolean
}

export function UsageResults({
  organization,
  view,
  data,
  previousData,
  soFarData,
  comparison,
  compared = { kind: 'off' },
  now,
  display,
  onDisplayChange,
  isUpdating,
}: UsageResultsProps) {
  const { hidden, toggleSeries, showAllSeries } = useHiddenSeries()

  const { totals, previousTotals, comparedTotals } = useMetricTotals(
    data,
    previousData,
    soFarData,
    comparison,
  )
  // Stable per data, so a legend toggle in one chart does not redraw the others' rows.
  const today = utcToday(now)
  const rowsByMetric = useMemo(() => METRICS.map((metric) => chartRows(data, metric, today)), [data, today])
  const seriesByMetric = useMemo(() => METRICS.map((metric) => seriesOfMetric(data, metric)), [data])
  const previous = compared.kind === 'ready' ? compared.data : undefined
  const chartCompared =
    compared.kind === 'ready' && data.range ? { shown: data.range, previous: compared.range } : undefined
  const comparedRows = useMemo(
    () =>
      previous
        ? METRICS.map((metric, index) => withPreviousRows(rowsByMetric[index] ?? [], previous, metric))
        : rowsByMetric,
    [previous, rowsByMetric],
  )
  const isCurrentPeriod = view.range === 'period' && data.range !== null && containsNow(data.range, now)
  const budgetLine = useBudgetLine(organization, isCurrentPeriod ? data.range : null, view.interval)
  const projections = useMemo(
    () => (isCurrentPeriod && data.range ? metricProjections(totals, data.range, now) : null),
    [isCurrentPeriod, data.range, totals, now],
  )

  const unshown = unshownRange(data.range, data.buckets.length, today)
  if (unshown || !data.range) return unshown

  const shown = data.series.filter((s) => !hidden.has(s.key))
  const hiddenCount = data.series.length - shown.length
  const bucketWord = view.interval === 'day' ? 'day' : 'month'

  return (
    <div className="stack" aria-busy={isUpdating || undefined} data-updating={isUpdating || undefined}>
      <RangeSummary
        range={data.range}
        rangeLabel={RANGE_LABELS[view.range]}
        bucketWord={bucketWord}
        bucketCount={data.buckets.length}
      />
      <UsageTotals
        totals={totals}
        previousTotals={previousTotals}
        comparedTotals={comparedTotals}
        comparison={comparison}
        projections={projections}
        period={isCurrentPeriod ? data.range : null}
      />
      {isAllZero(bucketsSoFar(data, today)) && (
        <p className="ui-notice ui-notice--info" role="status">
          Nothing was used in this range: every {bucketWord} is 0. The charts and table still cover the whole
          range.
        </p>
      )}
      <CompareNotice compared={compared} />
      <div className="usage-toolbar">
        <DisplayToggle display={display} onDisplayChange={onDisplayChange} chartLabel="Charts" />
        <div className="usage-toolbar__export">
          <CsvButton
            level={ORGANIZATION_BY_METRIC}
            organization={organization}
            interval={view.interval}
            model={() => modelOfUsageData(data, view.interval)}
            previous={previous && (() => modelOfUsageData(previous, view.interval))}
            hidden={hidden}
            today={today}
            disabled={shown.length === 0}
          />
          <p className="muted usage-footnote">
            {hiddenCount === 0
              ? `The table and CSV hold all ${shown.length} series${previous ? ', with the previous range’s beside them' : ''}.`
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
          {METRICS.map((metric, index) => (
            <UsageChart
              key={metric}
              metric={metric}
              interval={view.interval}
              rows={comparedRows[index] ?? []}
              series={seriesByMetric[index] ?? []}
              compared={chartCompared}
              hidden={hidden}
              onToggleSeries={toggleSeries}
              budgetLine={metric === 'credits' ? budgetLine : undefined}
            />
          ))}
        </div>
      ) : shown.length === 0 ? (
        <EmptyState title="Every series is hidden">
          <button type="button" className="usage-link-button" onClick={showAllSeries}>
            Show all series
          </button>
        </EmptyState>
      ) : (
        <UsageTable
          data={data}
          shown={shown}
          interval={view.interval}
          today={today}
          previous={previous}
          previousTotals={
            comparison
              ? { data: previousData, span: formatSpan(comparison.previous.start, comparison.previous.end) }
              : undefined
          }
        />
      )}
      <p className="muted usage-footnote">{BYTES_NOTE}</p>
    </div>
  )
}
