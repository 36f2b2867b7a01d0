// The 2022 generation's table: a column per metric and object type shown (../bucket-table.tsx).
import type { UsageInterval } from '../../../api/types'
import type { IsoDate } from '../../../../domain/dates'
import { formatExactValue } from '../lib/format'
import { sumValues } from '../lib/usage-summary'
import { METRIC_LABELS, OBJECT_TYPE_LABELS, type Series, type UsageData } from '../lib/usage-series'
import { BucketTable, type BucketColumn } from './bucket-table'

interface UsageTableProps {
  data: UsageData
  /** The series shown (those not hidden in a legend), in column order. */
  shown: Series[]
  interval: UsageInterval
  today: IsoDate
  /** The previous range when comparing: its bucket and values in the same position, in columns of their own. */
  previous?: UsageData
  /** The range before as the totals' change measures it (the same days): the footer's previous totals. */
  previousTotals?: { data: UsageData | undefined; span: string }
}

export function seriesColumnLabel(s: Series): string {
  return `${METRIC_LABELS[s.metric]}${s.metric === 'credits' ? '' : ' (bytes)'}, ${OBJECT_TYPE_LABELS[s.objectType].toLowerCase()}`
}

const columnOf = (s: Series, values: readonly number[]): BucketColumn => ({
  key: s.key,
  label: seriesColumnLabel(s),
  values,
  format: (value) => formatExactValue(s.metric, value),
})

/** The numbers behind the charts, exact (bytes, not MB), one row per bucket begun. */
export function UsageTable({ data, shown, interval, today, previous, previousTotals }: UsageTableProps) {
  const valuesIn = (source: UsageData | undefined, s: Series) =>
    source?.series.find((p) => p.key === s.key)?.values ?? []
  return (
    <BucketTable
      id="usage-table"
      caption={`Usage per ${interval === 'day' ? 'day' : 'month'}`}
      interval={interval}
      buckets={data.buckets}
      columns={shown.map((s) => columnOf(s, s.values))}
      today={today}
      previous={
        previous && {
          buckets: previous.buckets,
          columns: shown.map((s) => columnOf(s, valuesIn(previous, s))),
          totals: previousTotals?.data && shown.map((s) => sumValues(valuesIn(previousTotals.data, s))),
          totalsSpan: previousTotals?.span,
        }
      }
    />
  )
}
