// Month buckets as stacked bars, for every level. A module of its own, loaded only when a monthly
// view is shown: recharts' bar code is about 8 KB gzip that the (default) daily views do not need.
import type { ComponentProps, ReactNode } from 'react'
import { Bar, BarChart } from 'recharts'
import type { PreviousShape, UsageChartRow } from '../lib/chart-rows'
import type { UsageModelSeries } from '../model/usage-model'
import { previousPlots, valueOf } from './previous-plots'
import { PREVIOUS_BAR_STYLE } from './previous-style'

export interface PlotProps {
  chartProps: {
    data: UsageChartRow[]
    margin: object
    responsive: true
    style: { width: string; height: number }
    accessibilityLayer: false
    onClick: ComponentProps<typeof BarChart>['onClick']
  }
  series: UsageModelSeries[]
  hidden: ReadonlySet<string>
  /** Grid, axes and tooltip, shared with the daily chart. */
  children: ReactNode
  /** The rows carry the range before, in this shape: faint bars beside the shown ones. */
  previous: PreviousShape | undefined
}

export default function UsageBarPlot({ chartProps, series, hidden, children, previous }: PlotProps) {
  return (
    <BarChart {...chartProps}>
      {children}
      {previousPlots({ series, hidden, previous }, (props) => (
        <Bar {...PREVIOUS_BAR_STYLE} {...props} />
      ))}
      {series.map((s) => (
        <Bar
          key={s.key}
          dataKey={valueOf(s.key)}
          name={s.label}
          stackId="usage"
          fill={s.color}
          maxBarSize={48}
          isAnimationActive={false}
          hide={hidden.has(s.key)}
        />
      ))}
    </BarChart>
  )
}
