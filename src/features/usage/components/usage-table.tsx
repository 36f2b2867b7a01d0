// The numbers behind a level's charts, for every level (./bucket-table.tsx): a column per series
// shown and, when comparing, the range before beside them as the level shows it.
import type { UsageInterval } from '../../../api/types'
import type { IsoDate } from '../../../../domain/dates'
import type { PreviousShape } from '../lib/chart-rows'
import { formatExactValue } from '../lib/format'
import { sumValues } from '../lib/usage-summary'
import type { UsageModel, UsageModelChart, UsageModelSeries } from '../model/usage-model'
import { BucketTable, type BucketColumn, type BucketTableProps } from './bucket-table'

interface UsageTableProps {
  model: UsageModel
  /** The table's name: "Usage" or "Credits", then " per day" or " per month". */
  noun: string
  /** Series keys hidden through a legend: left out. */
  hidden?: ReadonlySet<string>
  interval: UsageInterval
  today: IsoDate
  /** How the range before is shown (the level's `previous`). */
  previousShape?: PreviousShape
  /** The range before when comparing: its buckets and values in the same position, in columns of their own. */
  previous?: UsageModel
  /**
   * The range before as the totals' change measures it (the same days): the footer's previous
   * totals (its model undefined while it loads), and those days as a span.
   */
  previousTotals?: { model: UsageModel | undefined; span: string }
  /** Buckets far from usual, the chosen one and how to choose one (./bucket-table.tsx). */
  why?: Pick<BucketTableProps, 'marks' | 'onChoose' | 'chosen'>
}

/**
 * A series's column heading: its label, after its chart's title when the model has several
 * charts ("Input volume (bytes), pipeline versions").
 */
export function seriesColumnLabel(model: UsageModel, chart: UsageModelChart, s: UsageModelSeries): string {
  if (model.charts.length === 1) return s.label
  return `${chart.title}${chart.unit === 'bytes' ? ' (bytes)' : ''}, ${s.label.toLowerCase()}`
}

/** Each shown series of each chart, with its chart. */
function shownSeries(model: UsageModel, hidden: ReadonlySet<string>) {
  return model.charts.flatMap((chart) =>
    chart.series.filter((s) => !hidden.has(s.key)).map((s) => ({ chart, series: s })),
  )
}

const NONE_HIDDEN: ReadonlySet<string> = new Set()

/** The numbers behind the charts, exact (bytes, not MB), one row per bucket begun. */
export function UsageTable({
  model,
  noun,
  hidden = NONE_HIDDEN,
  interval,
  today,
  previousShape = 'per-series',
  previous,
  previousTotals,
  why,
}: UsageTableProps) {
  const shown = shownSeries(model, hidden)
  const columns: BucketColumn[] = shown.map(({ chart, series }) => ({
    key: series.key,
    label: seriesColumnLabel(model, chart, series),
    values: series.values,
    format: (value) => formatExactValue(chart.metric, value),
  }))
  // One chart's series add up: their total is a column of its own.
  const onlyChart = model.charts.length === 1 ? model.charts[0] : undefined
  if (onlyChart && shown.length > 1)
    columns.push({
      key: 'total',
      label: 'Total',
      values: model.buckets.map((_, index) =>
        sumValues(shown.map(({ series }) => series.values[index] ?? 0)),
      ),
      format: (value) => formatExactValue(onlyChart.metric, value),
    })
  const valuesIn = (source: UsageModel | undefined, key: string) =>
    source?.charts.flatMap((chart) => chart.series).find((s) => s.key === key)?.values ?? []
  const totalIn = (source: UsageModel) =>
    source.buckets.map((_, index) =>
      sumValues(source.charts.flatMap((chart) => chart.series).map((s) => s.values[index] ?? 0)),
    )
  const previousColumns: BucketColumn[] | undefined =
    previous &&
    (previousShape === 'per-series' || !onlyChart
      ? shown.map(({ series }, index) => ({ ...columns[index]!, values: valuesIn(previous, series.key) }))
      : [
          {
            key: 'previous',
            label: onlyChart.metric,
            values: totalIn(previous),
            format: (value) => formatExactValue(onlyChart.metric, value),
          },
        ])
  const totalsBefore = previousTotals?.model
  return (
    <BucketTable
      id={`${noun.toLowerCase()}-table`}
      caption={`${noun} per ${interval === 'day' ? 'day' : 'month'}`}
      interval={interval}
      buckets={model.buckets}
      columns={columns}
      today={today}
      {...why}
      previous={
        previous &&
        previousColumns && {
          buckets: previous.buckets,
          columns: previousColumns,
          totals:
            totalsBefore &&
            (previousShape === 'per-series' || !onlyChart
              ? shown.map(({ series }) => sumValues(valuesIn(totalsBefore, series.key)))
              : [sumValues(totalIn(totalsBefore))]),
          totalsSpan: previousTotals?.span,
        }
      }
    />
  )
}
