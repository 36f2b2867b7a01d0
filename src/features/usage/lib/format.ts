// How the usage page writes numbers. Volumes are bytes in the API; the page shows them in decimal
// (SI) units, 1 KB = 1000 bytes, as storage and network providers bill them, and says so. The
// table and the CSV carry the exact numbers.
import type { UsageMetric } from '../../../api/types'

const BYTE_UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB', 'PB'] as const
export const BYTES_NOTE = 'Volumes in decimal units: 1 KB = 1000 bytes, 1 MB = 1000 KB, 1 GB = 1000 MB.'

const numberFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 })
const exactFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 20 })
const compactFormat = new Intl.NumberFormat('en-GB', { notation: 'compact', maximumFractionDigits: 1 })

// Creating an Intl.NumberFormat costs far more than using one: keep one per precision.
const fractionFormats = new Map<number, Intl.NumberFormat>()
function fractionFormat(digits: number): Intl.NumberFormat {
  let format = fractionFormats.get(digits)
  if (!format) {
    format = new Intl.NumberFormat('en-GB', { maximumFractionDigits: digits })
    fractionFormats.set(digits, format)
  }
  return format
}

/** 1234567 → "1.23 MB"; 999 → "999 bytes". */
export function formatBytes(bytes: number, fractionDigits = 2): string {
  let value = bytes
  let unit = 0
  while (Math.abs(value) >= 1000 && unit < BYTE_UNITS.length - 1) {
    value /= 1000
    unit += 1
  }
  const digits = unit === 0 ? 0 : fractionDigits
  const text = fractionFormat(digits).format(value)
  return `${text} ${BYTE_UNITS[unit]}`
}

/** A plain number, at most two decimals: 1484124 → "1,484,124". */
export function formatCredits(credits: number): string {
  return numberFormat.format(credits)
}

/** The exact value, with thousands separators and every decimal the API gave. */
export function formatExact(value: number): string {
  return exactFormat.format(value)
}

export function formatMetricValue(metric: UsageMetric, value: number): string {
  return metric === 'credits' ? formatCredits(value) : formatBytes(value)
}

/** Short axis ticks: "1.2M" credits, "1.2 GB" volumes. */
export function formatAxisTick(metric: UsageMetric, value: number): string {
  return metric === 'credits' ? compactFormat.format(value) : formatBytes(value, 1)
}

/** 0.1234 → "+12.3%", -0.5 → "−50%". */
export function formatChange(fraction: number): string {
  const percent = fraction * 100
  const rounded = Math.abs(percent) < 10 ? Math.round(percent * 10) / 10 : Math.round(percent)
  if (rounded === 0) return '0%'
  return `${rounded > 0 ? '+' : '−'}${numberFormat.format(Math.abs(rounded))}%`
}
