// The monthly report's body for the 2022 generation: totals per metric, one chart per metric, the
// per-metric table and the numbers per day. Only renders: the sums are ../lib/usage-summary's.
import { useMemo } from 'react'
import { utcToday } from '../../../../domain/dates'
import type { DateRange } from '../../../../domain/usage'
import { EmptyState } from '../../../components/ui/query-state'
import { BYTES_NOTE, formatBytes, formatExactValue } from '../lib/format'
import {
  METRIC_LABELS,
  METRICS,
  OBJECT_TYPE_LABELS,
  OBJECT_TYPES,
  chartRows,
  seriesOfMetric,
  type UsageData,
} from '../lib/usage-series'
import { metricProjections, type MetricTotal } from '../lib/usage-summary'
import type { Comparison } from '../lib/usage-view'
import { UsageChart } from './usage-chart'
import { UsageTable } from './usage-table'
import { UsageTotals } from './usage-totals'
import { useMetricTotals } from './use-compared-totals'
import { useHiddenSeries } from './use-hidden-series'

interface ReportUsageProps {
  data: UsageData
  /** The period before, to compare with; undefined while it loads or if it failed. */
  previousData: UsageData | undefined
  /** A running period's whole days so far, which the change is measured with; undefined while they load. */
  soFarData?: UsageData | undefined
  comparison: Comparison | null
  now: Date
  /** The period's dates when it is still running (usage-report.ts `runningRange`): totals get a projection to its end. */
  running: DateRange | null
}

export function ReportUsage({
  data,
  previousData,
  soFarData,
  comparison,
  now,
  running: period,
}: ReportUsageProps) {
  const { hidden, toggleSeries } = useHiddenSeries()
  const { totals, previousTotals, comparedTotals } = useMetricTotals(
    data,
    previousData,
    soFarData,
    comparison,
  )
  const today = utcToday(now)
  const rowsByMetric = useMemo(() => METRICS.map((metric) => chartRows(data, metric, today)), [data, today])
  const projections = useMemo(
    () => (period ? metricProjections(totals, period, now) : null),
    [period, totals, now],
  )

  if (data.buckets.length === 0 || !data.range)
    return (
      <EmptyState title="No usage data for this period">
        The API returned no buckets for it. Pick another period above.
      </EmptyState>
    )

  return (
    <>
      <UsageTotals
        totals={totals}
        previousTotals={previousTotals}
        comparedTotals={comparedTotals}
        comparison={comparison}
        projections={projections}
        period={period}
      />
      <section className="usage-report__section" aria-labelledby="report-per-metric-heading">
        <h3 id="report-per-metric-heading">Per metric</h3>
        <MetricTable totals={totals} />
      </section>
      <section className="usage-report__section usage-report__charts" aria-label="Charts">
        {METRICS.map((metric, index) => (
          <div key={metric} className="usage-report__chart">
            <UsageChart
              metric={metric}
              interval="day"
              rows={rowsByMetric[index] ?? []}
              series={seriesOfMetric(data, metric)}
              hidden={hidden}
              onToggleSeries={toggleSeries}
            />
          </div>
        ))}
      </section>
      <section className="usage-report__section" aria-labelledby="report-per-day-heading">
        <h3 id="report-per-day-heading">Per day</h3>
        <UsageTable data={data} shown={data.series} interval="day" today={today} />
      </section>
      <p className="muted usage-footnote">{BYTES_NOTE}</p>
    </>
  )
}

/** Credits exact, as billed; volumes in decimal units (the exact bytes are in the per-day table). */
const tableValue = (metric: MetricTotal['metric'], value: number) =>
  metric === 'credits' ? formatExactValue(metric, value) : formatBytes(value)

/** The period's totals, one row per metric, a column per object type and their total. */
function MetricTable({ totals }: { totals: MetricTotal[] }) {
  return (
    <div className="ui-table-wrap" role="region" aria-labelledby="report-metric-caption" tabIndex={0}>
      <table className="ui-table usage-table">
        <caption id="report-metric-caption" className="visually-hidden">
          Totals per metric and object type
        </caption>
        <thead>
          <tr>
            <th scope="col">Metric</th>
            {OBJECT_TYPES.map((type) => (
              <th key={type} scope="col" className="usage-table__number">
                {OBJECT_TYPE_LABELS[type]}
              </th>
            ))}
            <th scope="col" className="usage-table__number">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {totals.map((total) => (
            <tr key={total.metric} data-metric={total.metric}>
              <th scope="row">{METRIC_LABELS[total.metric]}</th>
              {OBJECT_TYPES.map((type) => (
                <td key={type} className="usage-table__number">
                  {tableValue(total.metric, total.byObjectType[type] ?? 0)}
                </td>
              ))}
              <td className="usage-table__number" data-value={total.total}>
                {tableValue(total.metric, total.total)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
