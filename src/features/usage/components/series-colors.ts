import type { UsageObjectType } from '../../../api/types'
import type { ComparedChartRow } from '../lib/compare'
import { OBJECT_TYPE_LABELS, type Series, type SeriesKey } from '../lib/usage-series'

/** Set in usage.css per colour scheme: distinct hues, ≥3:1 against the chart surface. */
export const SERIES_COLOR: Record<UsageObjectType, string> = {
  deployment_version: 'var(--usage-color-deployment)',
  pipeline_version: 'var(--usage-color-pipeline)',
}

/**
 * What the faint series of the previous range shares in the 2022 charts (areas and bars): its
 * values from the compared rows, its name, its own stack, and the series' colour.
 */
export function previousSeriesProps(s: Series, hidden: ReadonlySet<SeriesKey>) {
  return {
    dataKey: (row: ComparedChartRow) => row.previous?.[s.objectType],
    name: `${OBJECT_TYPE_LABELS[s.objectType]}, previous range`,
    stackId: 'previous',
    stroke: SERIES_COLOR[s.objectType],
    fill: SERIES_COLOR[s.objectType],
    hide: hidden.has(s.key),
  }
}
