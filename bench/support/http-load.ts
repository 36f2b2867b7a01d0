// Throughput and latency of one endpoint with autocannon: several connections for a few seconds,
// after a short warm-up, repeated; the figures are the medians of the runs.
import autocannon from 'autocannon'
import { median } from '../figures'

export interface LoadOptions {
  url: string
  headers?: Record<string, string>
  /** A sequence replayed by every connection (e.g. POST then DELETE); default one GET of `url`. */
  requests?: autocannon.Request[]
  connections?: number
  seconds?: number
  runs?: number
  /** The status every answer must have, when not a 2xx (e.g. 304 for a revalidation). */
  expectStatus?: number
}

export interface LoadFigures {
  requestsPerSecond: number
  p50: number
  p99: number
  runs: number
  /** the length of each run */
  seconds: number
}

export const LOAD_DEFAULTS = {
  connections: 10,
  seconds: 2,
  runs: 3,
  warmUpSeconds: 1,
  /** A slow endpoint gets longer runs (up to maxSeconds) so that each run has this many answers. */
  minAnswersPerRun: 50,
  maxSeconds: 8,
}

function once(options: LoadOptions, seconds: number): Promise<autocannon.Result> {
  return autocannon({
    url: options.url,
    headers: options.headers,
    requests: options.requests,
    connections: options.connections ?? LOAD_DEFAULTS.connections,
    duration: seconds,
  })
}

function runLength(options: LoadOptions, warmUp: autocannon.Result): number {
  // Answers still in flight when a run ends are not counted: a run of a slow endpoint must be
  // long enough to hold many answers, or its figures are noise (or zero).
  const rate = warmUp.requests.total / LOAD_DEFAULTS.warmUpSeconds
  return Math.min(
    LOAD_DEFAULTS.maxSeconds,
    Math.max(
      options.seconds ?? LOAD_DEFAULTS.seconds,
      Math.ceil(LOAD_DEFAULTS.minAnswersPerRun / Math.max(rate, 1)),
    ),
  )
}

function checked(options: LoadOptions, result: autocannon.Result, seconds: number): autocannon.Result {
  if (result.requests.total === 0) throw new Error(`${options.url}: no answer within a ${seconds} s run`)
  // A benchmark of error answers measures nothing: fail loudly instead of printing it.
  // Autocannon counts a 304 as non-2xx: with expectStatus, every answer must have that status.
  const unexpected = options.expectStatus
    ? result.requests.total - (result.statusCodeStats?.[`${options.expectStatus}`]?.count ?? 0)
    : result.non2xx
  if (result.errors > 0 || unexpected > 0)
    throw new Error(
      `${options.url}: ${result.errors} connection errors and ${unexpected} unexpected answers out of ${result.requests.total}`,
    )
  return result
}

/**
 * Waits until the server has finished what was still in flight when the run ended: a slow server
 * (json-server building 2 MB answers) keeps working on up to `connections` requests after autocannon
 * stops, and that work would land on the next server's run. One more request queues behind them.
 */
async function drained(options: LoadOptions): Promise<void> {
  await fetch(options.url, {
    method: 'HEAD',
    headers: options.headers,
    signal: AbortSignal.timeout(60_000),
  }).catch(() => undefined)
}

/**
 * Measures several endpoints (e.g. the same read on three servers) in turn, run after run, so
 * that a burst of other work on the machine falls on all of them alike rather than on one.
 */
export async function measureLoads(list: LoadOptions[]): Promise<LoadFigures[]> {
  const lengths: number[] = []
  for (const options of list) {
    lengths.push(runLength(options, await once(options, LOAD_DEFAULTS.warmUpSeconds)))
    await drained(options)
  }
  const results: autocannon.Result[][] = list.map(() => [])
  const runs = Math.max(...list.map((options) => options.runs ?? LOAD_DEFAULTS.runs))
  for (let run = 0; run < runs; run += 1)
    for (const [index, options] of list.entries()) {
      results[index]!.push(checked(options, await once(options, lengths[index]!), lengths[index]!))
      await drained(options)
    }
  return results.map((measured, index) => ({
    requestsPerSecond: Math.round(median(measured.map((result) => result.requests.average))),
    p50: median(measured.map((result) => result.latency.p50)),
    p99: median(measured.map((result) => result.latency.p99)),
    runs,
    seconds: lengths[index]!,
  }))
}

export async function measureLoad(options: LoadOptions): Promise<LoadFigures> {
  return (await measureLoads([options]))[0]!
}
