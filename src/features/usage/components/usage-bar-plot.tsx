// Month buckets as stacked bars. A module of its own, loaded only when a monthly view is shown:
// recharts' bar code is about 8 KB gzip that the (default) daily views do not need.
import type { ReactNode } from 'react'
import { Bar, BarChart } from 'recharts'
import { OBJECT_TYPE_LABELS, type ChartRow, type Series, type SeriesKey } from '../lib/usage-series'
import { SERIES_COLOR } from './series-colors'

export interface PlotProps {
  chartProps: { data: ChartRow[]; margin: object; responsive: true; style: { width: string; height: number } }
  series: Series[]
  hidden: ReadonlySet<SeriesKey>
  /** Grid, axes and tooltip, shared with the daily chart. */
  children: ReactNode
}

export default function UsageBarPlot({ chartProps, series, hidden, children }: PlotProps) {
  return (
    <BarChart {...chartProps}>
      {children}
      {series.map((s) => (
        <Bar
          key={s.key}
          dataKey={s.objectType}
          name={OBJECT_TYPE_LABELS[s.objectType]}
          stackId="usage"
          fill={SERIES_COLOR[s.objectType]}
          maxBarSize={48}
          isAnimationActive={false}
          hide={hidden.has(s.key)}
        />
      ))}
    </BarChart>
  )
}
