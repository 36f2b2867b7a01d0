/**
 * The change decomposition: given the values of two buckets per series (projects of an
 * organization, or deployment versions of a project), which series made the difference between
 * them, largest first, with their share of the change. Used by the "why this day" panel, comparing a
 * bucket with what is usual for it (domain/unusual-days.ts), one level at a time.
 *
 * Values are in the series' unit (credits). Pure.
 */

export interface SeriesChange<Key extends string = string> {
  key: Key
  before: number
  after: number
  /** after − before. */
  change: number
  /**
   * change ÷ the total change: 0.8 is 80% of it. Signed: a series that moved against the total has
   * a negative share, and the others' shares then add up to more than 1. Null when the total did
   * not change.
   */
  share: number | null
}

export interface ChangeDecomposition<Key extends string = string> {
  before: number
  after: number
  change: number
  /** Every series that changed, by the size of its change (largest first; ties by key). */
  series: SeriesChange<Key>[]
}

/**
 * Splits the change between `before` and `after` (series key → value; a key missing on one side is
 * 0 there) over the series. Series that did not change are left out.
 */
export function decomposeChange<Key extends string>(
  before: ReadonlyMap<Key, number>,
  after: ReadonlyMap<Key, number>,
): ChangeDecomposition<Key> {
  let totalBefore = 0
  let totalAfter = 0
  const keys = new Set<Key>(before.keys())
  for (const key of after.keys()) keys.add(key)
  const series: SeriesChange<Key>[] = []
  for (const key of keys) {
    const was = before.get(key) ?? 0
    const is = after.get(key) ?? 0
    totalBefore += was
    totalAfter += is
    if (is !== was) series.push({ key, before: was, after: is, change: is - was, share: null })
  }
  const change = totalAfter - totalBefore
  for (const item of series) item.share = change === 0 ? null : item.change / change
  series.sort(
    (a, b) => Math.abs(b.change) - Math.abs(a.change) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  )
  return { before: totalBefore, after: totalAfter, change, series }
}
