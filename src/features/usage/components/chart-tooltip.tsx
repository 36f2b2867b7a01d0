// recharts' Tooltip (with its cursor, bounding box and default content: about 8 KB gzip), in a
// module of its own: it is only needed once a chart is pointed at or focused, so the charts draw
// without it and on-demand-tooltip.tsx fetches it then.
import { Tooltip, type TooltipProps } from 'recharts'

/** The chart's own tooltip content (its exact values), as recharts' `content`. */
export type ChartTooltipProps = Required<Pick<TooltipProps, 'content'>>

export default function ChartTooltip({ content }: ChartTooltipProps) {
  return (
    <Tooltip
      isAnimationActive={false}
      cursor={{ stroke: 'var(--color-border-strong)', fill: 'var(--color-surface-sunken)' }}
      content={content}
    />
  )
}
