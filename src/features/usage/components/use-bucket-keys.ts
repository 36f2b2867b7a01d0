// The keyboard of a usage chart whose buckets can be chosen ("why this day"): the chart is one tab
// stop; the arrow keys move between the buckets that have begun (Page Up/Down by a week or a year of
// months, Home/End to the first and last), Enter or Space chooses the one reached. Which bucket is
// reached is announced by the chart (its live text) and drawn as a cursor.
import { useMemo, useState, type FocusEvent, type KeyboardEvent } from 'react'
import type { UsageChartRow } from '../lib/chart-rows'

export interface BucketKeys {
  /** The index of the bucket the keys have reached (the chosen one, else the last begun, at first). */
  current: number
  /** Whether the chart has keyboard focus (the cursor and the live text show only then). */
  isFocused: boolean
  handlers: {
    onKeyDown: (event: KeyboardEvent<HTMLElement>) => void
    onFocus: (event: FocusEvent<HTMLElement>) => void
    onBlur: () => void
  }
}

export function useBucketKeys(
  rows: readonly UsageChartRow[],
  chosen: string | null | undefined,
  onChoose: ((day: string, opener: HTMLElement) => void) | undefined,
  pageStep: number,
): BucketKeys {
  const [reached, setReached] = useState<string | null>(null)
  const [isFocused, setFocused] = useState(false)
  let lastBegun = rows.length - 1
  while (lastBegun > 0 && rows[lastBegun]!.isFuture) lastBegun -= 1
  // Built once per rows: the chart renders on every store update of its library, and each render reads it.
  const indexByStart = useMemo(() => new Map(rows.map((row, index) => [row.start as string, index])), [rows])
  const indexOf = (day: string | null | undefined) => (day ? (indexByStart.get(day) ?? -1) : -1)
  const fromReached = indexOf(reached)
  const fromChosen = indexOf(chosen)
  const current = fromReached !== -1 ? fromReached : fromChosen !== -1 ? fromChosen : Math.max(lastBegun, 0)

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (!onChoose || rows.length === 0) return
    const step: Record<string, number> = {
      ArrowLeft: -1,
      ArrowRight: 1,
      ArrowDown: -1,
      ArrowUp: 1,
      PageUp: -pageStep,
      PageDown: pageStep,
      Home: -Infinity,
      End: Infinity,
    }
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault()
      onChoose(rows[current]!.start, event.currentTarget)
      return
    }
    const by = step[event.key]
    if (by === undefined) return
    event.preventDefault()
    const next = Math.max(0, Math.min(lastBegun, Number.isFinite(by) ? current + by : by < 0 ? 0 : lastBegun))
    setReached(rows[next]!.start)
  }
  return {
    current,
    isFocused,
    handlers: {
      onKeyDown,
      // Focus moving inside the chart's own elements is still the chart's.
      onFocus: (event) => {
        if (event.target === event.currentTarget) setFocused(true)
      },
      onBlur: () => setFocused(false),
    },
  }
}
