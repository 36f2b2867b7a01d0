// The monthly report's body for every level: the totals, the level's summary table (per metric,
// or per part), the charts and the numbers per day, from the one model. Only renders.
import { utcToday } from '../../../../domain/dates'
import type { DateRange } from '../../../../domain/usage'
import { EmptyState } from '../../../components/ui/query-state'
import { BYTES_NOTE } from '../lib/format'
import type { Comparison } from '../lib/comparison'
import type { UsageLevel } from '../model/levels'
import type { UsageModel } from '../model/usage-model'
import { ChartTotalsTable } from './chart-totals-table'
import { PartTable } from './part-table'
import { useChartRows } from './use-chart-rows'
import { useHiddenSeries } from './use-hidden-series'
import { UsageChart } from './usage-chart'
import { UsageTable } from './usage-table'
import { UsageTotals, type ShownTotals } from './usage-totals'

interface UsageReportBodyProps {
  level: UsageLevel
  model: UsageModel
  /** The period before over the compared days; undefined while it loads or if it failed. */
  totalsBefore: UsageModel | undefined
  /** A running period's whole days so far, which the change is measured with; undefined while they load. */
  soFar: UsageModel | undefined
  comparison: Comparison | null
  now: Date
  /** The period's dates when it is still running (usage-report.ts `runningRange`): totals get a projection to its end. */
  running: DateRange | null
}

export function UsageReportBody({
  level,
  model,
  totalsBefore,
  soFar,
  comparison,
  now,
  running: period,
}: UsageReportBodyProps) {
  const { hidden, toggleSeries } = useHiddenSeries()
  const today = utcToday(now)
  const rowsByChart = useChartRows(model, today)
  // The report is by day: its own days are what the weekly projection reads.
  const totals: ShownTotals = { model, totalsBefore, soFar, comparison, period, daily: model, now }

  if (model.buckets.length === 0 || !model.range)
    return (
      <EmptyState title="No usage data for this period">
        The API returned no buckets for it. Pick another period above.
      </EmptyState>
    )

  const filter = level.seriesFilter
  return (
    <>
      <UsageTotals level={level} totals={totals} />
      <section className="usage-report__section" aria-labelledby="report-summary-heading">
        <h3 id="report-summary-heading">{level.reportSummary.heading}</h3>
        {filter ? (
          <PartTable totals={totals} partLabel={filter.partLabel} caption={level.reportSummary.caption} />
        ) : (
          <ChartTotalsTable model={model} caption={level.reportSummary.caption} />
        )}
      </section>
      <section
        className="usage-report__section usage-report__charts"
        aria-label={model.charts.length > 1 ? 'Charts' : 'Chart'}
      >
        {model.charts.map((chart, index) => (
          <div key={chart.metric} className="usage-report__chart">
            <UsageChart
              chart={chart}
              interval="day"
              rows={rowsByChart[index] ?? []}
              height={model.charts.length > 1 ? 240 : 280}
              hidden={hidden}
              onToggleSeries={level.hidesSeries ? toggleSeries : undefined}
              previous={level.previous}
            />
          </div>
        ))}
      </section>
      <section className="usage-report__section" aria-labelledby="report-per-day-heading">
        <h3 id="report-per-day-heading">Per day</h3>
        <UsageTable
          model={model}
          noun={level.fileWord === 'usage' ? 'Usage' : 'Credits'}
          interval="day"
          today={today}
        />
      </section>
      {model.charts.some((chart) => chart.unit === 'bytes') && (
        <p className="muted usage-footnote">{BYTES_NOTE}</p>
      )}
    </>
  )
}
