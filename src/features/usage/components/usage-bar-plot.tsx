// Month buckets as stacked bars. A module of its own, loaded only when a monthly view is shown:
// recharts' bar code is about 8 KB gzip that the (default) daily views do not need.
import type { ReactNode } from 'react'
import { Bar, BarChart } from 'recharts'
import { OBJECT_TYPE_LABELS, type ChartRow, type Series, type SeriesKey } from '../lib/usage-series'
import { previousSeriesProps, SERIES_COLOR } from './series-colors'
import { PREVIOUS_BAR_STYLE } from './previous-style'

export interface PlotProps {
  chartProps: { data: ChartRow[]; margin: object; responsive: true; style: { width: string; height: number } }
  series: Series[]
  hidden: ReadonlySet<SeriesKey>
  /** Grid, axes and tooltip, shared with the daily chart. */
  children: ReactNode
  /** The rows carry the previous range's values: faint bars beside the shown ones. */
  hasPrevious?: boolean
}

export default function UsageBarPlot({ chartProps, series, hidden, children, hasPrevious }: PlotProps) {
  return (
    <BarChart {...chartProps}>
      {children}
      {hasPrevious &&
        series.map((s) => (
          <Bar key={`previous-${s.key}`} {...PREVIOUS_BAR_STYLE} {...previousSeriesProps(s, hidden)} />
        ))}
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
