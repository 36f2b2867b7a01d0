import type { UsageObjectType } from '../../../api/types'

/** Set in usage.css per colour scheme: distinct hues, ≥3:1 against the chart surface. */
export const SERIES_COLOR: Record<UsageObjectType, string> = {
  deployment_version: 'var(--usage-color-deployment)',
  pipeline_version: 'var(--usage-color-pipeline)',
}
