import type { Figure } from '../figures'

/** What each suite of `npm run bench` hands back: its figures, and notes printed under them. */
export interface SuiteResult {
  figures: Figure[]
  /** how a figure was obtained when the figure alone would mislead (e.g. "Prism generates its answers") */
  notes: string[]
}

export const round1 = (value: number) => Math.round(value * 10) / 10
export const formatNumber = (value: number) => value.toLocaleString('en', { maximumFractionDigits: 1 })

/** "2.3x faster" / "1.4x slower": how ours compares, when higher (or lower) is better. */
export function ratioPhrase(ours: number, theirs: number, better: 'higher' | 'lower'): string {
  // autocannon's latencies are whole milliseconds: 0 means "under 1 ms", and a ratio to it means nothing.
  if (better === 'lower' && ours === 0) return theirs === 0 ? 'both under 1 ms' : 'ours under 1 ms'
  if (!(ours > 0) || !(theirs > 0)) return 'no ratio'
  const oursBetter = better === 'higher' ? ours / theirs : theirs / ours
  return oursBetter >= 1 ? `ours ${round1(oursBetter)}x better` : `ours ${round1(1 / oursBetter)}x worse`
}
