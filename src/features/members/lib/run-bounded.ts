// Sends many requests with at most `limit` in flight, reporting each one as it settles, so a
// 500-address import neither floods the API nor waits for the slowest request before showing progress.

export type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown }

export interface RunBoundedOptions<T, R> {
  limit: number
  task: (item: T, index: number) => Promise<R>
  /** called once per item, in completion order */
  onSettled?: (index: number, result: Settled<R>) => void
  /** stops starting new items; items already sent still settle */
  signal?: AbortSignal
}

/** Runs `task` over `items` with bounded concurrency; never rejects: failures are results too. */
export async function runBounded<T, R>(
  items: readonly T[],
  { limit, task, onSettled, signal }: RunBoundedOptions<T, R>,
): Promise<Array<Settled<R> | undefined>> {
  const results: Array<Settled<R> | undefined> = new Array(items.length)
  let next = 0
  async function worker() {
    while (next < items.length && !signal?.aborted) {
      const index = next++
      let result: Settled<R>
      try {
        result = { ok: true, value: await task(items[index]!, index) }
      } catch (error) {
        result = { ok: false, error }
      }
      results[index] = result
      onSettled?.(index, result)
    }
  }
  const workers = Math.max(1, Math.min(limit, items.length))
  await Promise.all(Array.from({ length: workers }, worker))
  return results
}
