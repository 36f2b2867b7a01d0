// What the faint plots of the range before share in every chart (areas and bars): their values
// from the rows' `previous`, their names, their own stack and colours.
import { cloneElement, type ReactElement } from 'react'
import { PREVIOUS_TOTAL_KEY, type PreviousShape, type UsageChartRow } from '../lib/chart-rows'
import type { UsageModelSeries } from '../model/usage-model'

// One function per series key for the page's life: recharts compares a plot's props to decide
// whether to work out its chart again, and a new function is a new dataKey.
const values = new Map<string, (row: UsageChartRow) => number | undefined>()
const previousValues = new Map<string, (row: UsageChartRow) => number | undefined>()

/** A plot's value of a row, by series key: a function, as recharts reads dots in a key as a path. */
export function valueOf(key: string): (row: UsageChartRow) => number | undefined {
  let read = values.get(key)
  if (!read) {
    read = (row) => row.values[key]
    values.set(key, read)
  }
  return read
}

function previousValueOf(key: string): (row: UsageChartRow) => number | undefined {
  let read = previousValues.get(key)
  if (!read) {
    read = (row) => row.previous?.values[key]
    previousValues.set(key, read)
  }
  return read
}

export interface PreviousPlotProps {
  dataKey: (row: UsageChartRow) => number | undefined
  name: string
  stackId: string
  stroke: string
  fill: string
  hide: boolean
}

/**
 * The range before's plots, drawn by `draw` (an Area or a Bar): one per series in its colour
 * (`per-series`), or one of their total (`total`); none when not comparing (`previous` undefined).
 */
export function previousPlots(
  {
    series,
    hidden,
    previous,
  }: {
    series: readonly UsageModelSeries[]
    hidden: ReadonlySet<string>
    previous: PreviousShape | undefined
  },
  draw: (props: PreviousPlotProps) => ReactElement,
): ReactElement[] {
  const plot = (key: string, props: PreviousPlotProps) => cloneElement(draw(props), { key })
  if (previous === undefined) return []
  if (previous === 'total')
    return [
      plot('previous', {
        dataKey: previousValueOf(PREVIOUS_TOTAL_KEY),
        name: 'Previous range',
        stackId: 'previous',
        stroke: 'var(--usage-color-previous)',
        fill: 'var(--usage-color-previous)',
        hide: false,
      }),
    ]
  return series.map((s) =>
    plot(`previous-${s.key}`, {
      dataKey: previousValueOf(s.key),
      name: `${s.label}, previous range`,
      stackId: 'previous',
      stroke: s.color,
      fill: s.color,
      hide: hidden.has(s.key),
    }),
  )
}
