// How the usage, budget and report pages write a metric's numbers: the one rule per kind of number
// is src/lib/format-number.ts; this only picks the kind from the metric.
import type { UsageMetric } from '../../../api/types'
import {
  formatBytes,
  formatBytesTick,
  formatCompact,
  formatCredits,
  formatExactBytes,
  formatExactCredits,
} from '../../../lib/format-number'

export {
  BYTES_NOTE,
  changeDirection,
  formatBytes,
  formatChange,
  formatCredits,
  formatShare,
} from '../../../lib/format-number'

/** A metric's value for reading: credits with two decimals, volumes in KB/MB/GB. */
export function formatMetricValue(metric: UsageMetric, value: number): string {
  return metric === 'credits' ? formatCredits(value) : formatBytes(value)
}

/** A metric's exact value, for tables: credits with every decimal given, volumes in whole bytes. */
export function formatExactValue(metric: UsageMetric, value: number): string {
  return metric === 'credits' ? formatExactCredits(value) : formatExactBytes(value)
}

/** Short axis ticks: "1.2M" credits, "1.2 GB" volumes. */
export function formatAxisTick(metric: UsageMetric, value: number): string {
  return metric === 'credits' ? formatCompact(value) : formatBytesTick(value)
}
