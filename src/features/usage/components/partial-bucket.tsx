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
 * The hatched band over today's bucket: from the bucket before it (a day chart's last segment,
 * which is where the line falls) to it; on a bar chart, its bar's band. An element, not a
 * component: recharts finds its children by type.
 */
export function partialBucketArea(rows: readonly Row[], _interval: 'day' | 'month') {
  const index = rows.findIndex((row) => row.isPartial)
  if (index === -1) return null
  const from = rows[Math.max(index - 1, 0)]!.start
  return (
    <ReferenceArea
      key="partial"
      x1={from}
      x2={rows[index]!.start}
      ifOverflow="visible"
      fill="url(#usage-partial-hatch)"
      fillOpacity={1}
      stroke="var(--color-border-strong)"
      strokeDasharray="4 3"
      className="usage-chart__partial"
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
