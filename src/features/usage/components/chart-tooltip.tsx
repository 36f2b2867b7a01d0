// recharts' Tooltip (with its cursor, bounding box and default content: about 6 KB gzip), in a
// module of its own. The charts draw without it, and it joins them once loaded: it is only
// needed when a pointer moves over a chart, so it stays off the page's first download.
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
