import type { Browser } from '@playwright/test'

/** One measured figure, printed beside what it was compared with. */
export interface Figure {
  /** e.g. "members list: first rows after data" */
  name: string
  /** the median over `runs` measurements */
  value: number
  unit: 'ms' | 'KB' | 'req/s' | 'requests' | 'rows' | 'x'
  runs?: number
  /** a target the figure should stay within, e.g. { value: 300, unit: 'ms', better: 'lower' } */
  target?: { value: number; better: 'lower' | 'higher' }
  /** what it was compared with, e.g. "json-server: 4 100 req/s (ratio 2.3x)" */
  comparedWith?: string
}

/** What a browser benchmark gets from bench/run.ts: a production build served with the seeded local API. */
export interface BrowserBenchEnvironment {
  browser: Browser
  /** where the production build is served, with /api forwarded to the local API */
  webUrl: string
  /** base URL of the local API, e.g. http://127.0.0.1:8800/v2.1 */
  apiUrl: string
  /** a token of the demo admin, who is admin of every demo organization */
  token: string
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  if (sorted.length === 0) return Number.NaN
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}
