// What a usage chart draws over its series for "why this day": a mark on each bucket far from usual
// (domain/unusual-days.ts), the bucket the keyboard has reached, and the chosen one. Elements, not
// components: recharts finds its children by type.
import { ReferenceDot, ReferenceLine } from 'recharts'
import type { IsoDate } from '../../../../domain/dates'
import type { UsageChartRow } from '../lib/chart-rows'
import { sumValues } from '../lib/usage-summary'
import type { UsageModelSeries } from '../model/usage-model'

/** The top of a bucket's stack: what its shown series add up to. */
export function stackTop(row: UsageChartRow, shown: readonly UsageModelSeries[]): number {
  return sumValues(shown.map((s) => row.values[s.key] ?? 0))
}

/** A diamond on top of each marked bucket's stack. */
export function unusualMarks(
  rows: readonly UsageChartRow[],
  marks: ReadonlySet<IsoDate>,
  shown: readonly UsageModelSeries[],
) {
  return rows
    .filter((row) => marks.has(row.start))
    .map((row) => (
      <ReferenceDot
        key={`mark-${row.start}`}
        x={row.start}
        y={stackTop(row, shown)}
        ifOverflow="visible"
        shape={markShape}
      />
    ))
}

/** One function for every mark and render: recharts redoes a mark whose shape is a new function. */
function markShape(props: { cx?: number; cy?: number }) {
  return (
    <path
      className="usage-chart__mark"
      d={`M ${props.cx ?? 0} ${(props.cy ?? 0) - 11} l 5 -5 l 5 5 l -5 5 z`}
      transform="translate(-5 0)"
    />
  )
}

/** A line through a bucket: the chosen one (solid) or the one the keyboard reached (dashed). */
export function bucketLine(day: IsoDate | null | undefined, kind: 'chosen' | 'cursor') {
  if (!day) return null
  return (
    <ReferenceLine
      key={`line-${kind}`}
      x={day}
      ifOverflow="visible"
      className={`usage-chart__${kind}`}
      stroke={kind === 'chosen' ? 'var(--color-accent, currentColor)' : 'var(--color-text)'}
      strokeWidth={2}
      strokeDasharray={kind === 'cursor' ? '4 3' : undefined}
    />
  )
}
