// The rows of each chart of a model (../lib/chart-rows.ts), with the range before beside them
// when comparing; stable per model, so a legend toggle in one chart does not redraw the others' rows.
import { useMemo } from 'react'
import type { IsoDate } from '../../../../domain/dates'
import { usageChartRows, withPreviousRows, type PreviousShape, type UsageChartRow } from '../lib/chart-rows'
import type { UsageModel } from '../model/usage-model'

export function useChartRows(
  model: UsageModel,
  today: IsoDate,
  previous?: { model: UsageModel; shape: PreviousShape },
): UsageChartRow[][] {
  return useMemo(
    () =>
      model.charts.map((chart) => {
        const rows = usageChartRows(model.buckets, chart.series, today)
        return previous ? withPreviousRows(rows, previous.model, chart.metric, previous.shape) : rows
      }),
    [model, today, previous],
  )
}
