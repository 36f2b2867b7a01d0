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

export async function measureLoad(options: LoadOptions): Promise<LoadFigures> {
  const warmUp = await once(options, LOAD_DEFAULTS.warmUpSeconds)
  // Answers that are still in flight when a run ends are not counted: a run of a slow endpoint
  // must be long enough to hold many answers, or its figures are noise (or zero).
  const rate = warmUp.requests.total / LOAD_DEFAULTS.warmUpSeconds
  const seconds = Math.min(
    LOAD_DEFAULTS.maxSeconds,
    Math.max(
      options.seconds ?? LOAD_DEFAULTS.seconds,
      Math.ceil(LOAD_DEFAULTS.minAnswersPerRun / Math.max(rate, 1)),
    ),
  )
  const results: autocannon.Result[] = []
  const runs = options.runs ?? LOAD_DEFAULTS.runs
  for (let run = 0; run < runs; run += 1) {
    const result = await once(options, seconds)
    if (result.requests.total === 0) throw new Error(`${options.url}: no answer within a ${seconds} s run`)
    // A benchmark of error answers measures nothing: fail loudly instead of printing it.
    if (result.errors > 0 || result.non2xx > 0)
      throw new Error(
        `${options.url}: ${result.errors} connection errors and ${result.non2xx} non-2xx answers out of ${result.requests.total}`,
      )
    results.push(result)
  }
  return {
    requestsPerSecond: Math.round(median(results.map((result) => result.requests.average))),
    p50: median(results.map((result) => result.latency.p50)),
    p99: median(results.map((result) => result.latency.p99)),
    runs,
    seconds,
  }
}
