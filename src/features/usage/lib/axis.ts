// Which buckets get a label on a chart's time axis. recharts can find room for labels itself, but
// it measures every candidate label in the DOM to do so (a forced layout each: on a 366-day chart
// that was most of the drawing time). Choosing a few evenly spread, meaningful ticks here, at most
// `maxTicks` for the screen width, lets the chart show them all without measuring.
import type { UsageInterval } from '../../../api/types'
import type { IsoDate } from '../../../../domain/dates'

export interface AxisTicks {
  ticks: IsoDate[]
  /** 'month' when every tick is the first day of a month (label "Nov 2026"), else 'day' ("12 Nov"). */
  label: 'day' | 'month'
}

const WEEK_STEP = 7

/** Every k-th candidate, k as small as keeps the count within `maxTicks`. */
function thinOut(candidates: IsoDate[], maxTicks: number): IsoDate[] {
  const step = Math.max(1, Math.ceil(candidates.length / Math.max(1, maxTicks)))
  return candidates.filter((_, index) => index % step === 0)
}

export function axisTicks(starts: readonly IsoDate[], interval: UsageInterval, maxTicks: number): AxisTicks {
  if (interval === 'month') {
    const allMonthStarts = starts.every((start) => start.endsWith('-01'))
    return { ticks: thinOut([...starts], maxTicks), label: allMonthStarts ? 'month' : 'day' }
  }
  if (starts.length <= 31) return { ticks: thinOut([...starts], maxTicks), label: 'day' }
  if (starts.length <= 92)
    return {
      ticks: thinOut(
        starts.filter((_, index) => index % WEEK_STEP === 0),
        maxTicks,
      ),
      label: 'day',
    }
  const monthStarts = starts.filter((start) => start.endsWith('-01'))
  return { ticks: thinOut(monthStarts, maxTicks), label: 'month' }
}
