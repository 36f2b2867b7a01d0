import { useMemo } from 'react'
import type { UsageInterval } from '../../../api/types'
import { NARROW_SCREEN, useMediaQuery } from '../../../hooks/use-media-query'
import { axisTicks } from '../lib/axis'
import { formatMonth, formatShortDay } from '../lib/dates'

/**
 * The date axis of a usage chart (2022 per metric, or credits per project), from its rows' bucket
 * starts (`YYYY-MM-DD`, UTC):
 * - `ticks`: at most 10 labelled buckets (3 on a narrow screen), from lib/axis.ts;
 * - `formatTick`: a month's name or a short day, as the ticks are labelled;
 * - `dot`: the areas' dots: a single bucket with values (a period's first day; the days to come
 *   have none) is an area without width, so it shows as a dot; otherwise none.
 */
/** A lone bucket is a dot, not an area of no width. One object, so the plots' props stay equal. */
const ONE_BUCKET_DOT = { r: 3 }

export function useDateAxis(rows: { start: string; isFuture?: true }[], interval: UsageInterval) {
  const maxTicks = useMediaQuery(NARROW_SCREEN) ? 3 : 10
  const { ticks, label } = useMemo(
    () =>
      axisTicks(
        rows.map((row) => row.start),
        interval,
        maxTicks,
      ),
    [rows, interval, maxTicks],
  )
  const formatTick = label === 'month' ? formatMonth : formatShortDay
  const dot = rows.filter((row) => !row.isFuture).length === 1 ? ONE_BUCKET_DOT : false
  return { ticks, formatTick, dot }
}
