// Today's bucket on every usage chart (both generations, page and report): today is not over, so
// its bucket is drawn hatched and the legend says why, instead of reading as a fall in usage.
import { ReferenceArea } from 'recharts'
import { formatSpan } from '../lib/dates'

/** A chart row, as ../lib/chart-rows.ts `usageChartRows` gives it. */
interface Row {
  start: string
  end: string
  isPartial?: true
}

/** The row of the bucket holding today, if the chart has one. */
export function partialRow<T extends Row>(rows: readonly T[]): T | undefined {
  return rows.find((row) => row.isPartial)
}

/**
 * The hatched band over today's bucket, and only it. A bar chart (months) gives each bucket a band:
 * its bar's. A day chart draws each bucket as a point, so its band is the half steps either side of
 * that point (the area between the points of yesterday and today, drawn from yesterday, is where the
 * line falls but half of it is yesterday's): the area is laid from the point before to today's, and
 * the band drawn from the middle of that step to half a step past today (to the plot's edge when
 * today is the last bucket). An element, not a component: recharts finds its children by type.
 */
export function partialBucketArea(rows: readonly Row[], interval: 'day' | 'month') {
  const index = rows.findIndex((row) => row.isPartial)
  if (index === -1) return null
  const today = rows[index]!.start
  const common = {
    ifOverflow: 'visible' as const,
    fill: 'url(#usage-partial-hatch)',
    fillOpacity: 1,
    stroke: 'var(--color-border-strong)',
    strokeDasharray: '4 3',
    className: 'usage-chart__partial',
  }
  if (interval === 'month' || index === 0)
    return <ReferenceArea key="partial" {...common} x1={today} x2={today} />
  const hasNext = index < rows.length - 1
  return (
    <ReferenceArea
      key="partial"
      {...common}
      x1={rows[index - 1]!.start}
      x2={today}
      shape={(props: { x?: number; y?: number; width?: number; height?: number }) => {
        const { x = 0, y = 0, width = 0, height = 0 } = props
        const from = x + width / 2
        const to = x + width * (hasNext ? 1.5 : 1)
        return (
          <rect
            x={from}
            y={y}
            width={Math.max(to - from, 0)}
            height={height}
            fill={common.fill}
            stroke={common.stroke}
            strokeDasharray={common.strokeDasharray}
            className="usage-chart__partial-band"
          />
        )
      }}
    />
  )
}

/** The hatch of {@link partialBucketArea}, as an SVG pattern the chart's `<defs>` hold. */
export function partialHatchDefs() {
  return (
    <defs key="partial-hatch">
      <pattern
        id="usage-partial-hatch"
        width="6"
        height="6"
        patternUnits="userSpaceOnUse"
        patternTransform="rotate(45)"
      >
        <line
          x1="0"
          y1="0"
          x2="0"
          y2="6"
          stroke="var(--color-text-muted)"
          strokeWidth="1.5"
          strokeOpacity="0.45"
        />
      </pattern>
    </defs>
  )
}

/** The legend's words for it: which bucket is today's, and that its usage is still coming in. */
export function PartialCaption({ rows }: { rows: readonly Row[] }) {
  const row = partialRow(rows)
  if (!row) return null
  return (
    <p className="usage-partial-caption" data-testid="partial-caption">
      <span className="usage-partial-caption__swatch" aria-hidden="true" />
      Hatched: {formatSpan(row.start, row.end)}, so far. Today is not over (UTC), so its usage is still coming
      in.
    </p>
  )
}
