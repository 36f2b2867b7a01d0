// "Why this day" for a project of 200 deployment versions over 366 days by day: how long the
// dashboard's pure rules take once a day is chosen (the change decomposition of that day against what
// is usual for it, version by version) and to mark the unusual days of every series before any is
// chosen. In this process (Node), on synthetic data shaped like the demo's (weekly rhythm, growth,
// noise, one version that doubles from a known day). Target: the "why" within 100 ms of choosing.
//
// From bench/run.ts (`npm run bench -- why`), or alone: tsx bench/usage-why.ts
import { decomposeChange } from '../domain/usage-change'
import { unusualBuckets, usualValue } from '../domain/unusual-days'
import { median, type Figure } from './figures'
import type { SuiteResult } from './support/suite'

const VERSIONS = 200
const DAYS = 366
const RUNS = 25
const JUMP_DAY = DAYS - 12

/** mulberry32, so every run measures the same data. */
export function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Credits per version per day: weekdays three times weekends, growth, noise; version 7 doubles from JUMP_DAY. */
function syntheticVersions(): Float64Array[] {
  const next = random(366_200)
  return Array.from({ length: VERSIONS }, (_, version) => {
    // Version 7 is one of the heavy ones, as the demo's churn-scorer v4 is.
    const weight = version === 7 ? 4 : 0.2 + next() * 5
    const values = new Float64Array(DAYS)
    for (let day = 0; day < DAYS; day += 1) {
      const rhythm = day % 7 >= 5 ? 0.35 : 1
      const trend = 1 + day / DAYS
      const jump = version === 7 && day >= JUMP_DAY ? 2 : 1
      values[day] = Math.round(weight * rhythm * trend * jump * (85 + next() * 30)) / 100
    }
    return values
  })
}

/** What the panel needs for a chosen day: the project's usual value, and which versions made the difference. */
export function whyThisDay(versions: readonly Float64Array[], day: number) {
  const project = new Float64Array(DAYS)
  for (const values of versions) for (let d = 0; d < DAYS; d += 1) project[d]! += values[d]!
  const judged = usualValue(project, day, 'day')
  const usual = new Map<string, number>()
  const chosen = new Map<string, number>()
  versions.forEach((values, index) => {
    usual.set(`v${index}`, usualValue(values, day, 'day')?.usual ?? 0)
    chosen.set(`v${index}`, values[day]!)
  })
  return { judged, decomposition: decomposeChange(usual, chosen) }
}

/** The marks on the chart: the unusual days of the project and of every version. */
export function markUnusualDays(versions: readonly Float64Array[]) {
  const project = new Float64Array(DAYS)
  for (const values of versions) for (let d = 0; d < DAYS; d += 1) project[d]! += values[d]!
  return { project: unusualBuckets(project, 'day'), versions: versions.map((v) => unusualBuckets(v, 'day')) }
}

function time(run: () => unknown): number[] {
  const times: number[] = []
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now()
    run()
    times.push(performance.now() - started)
  }
  return times
}

export async function benchUsageWhy(): Promise<SuiteResult> {
  const versions = syntheticVersions()
  // Warm up (JIT), and check that the rules find the planted jump, so the figures are of working code.
  const why = whyThisDay(versions, JUMP_DAY)
  const marks = markUnusualDays(versions)
  const largest = why.decomposition.series[0]
  if (largest?.key !== 'v7' || !marks.versions[7]!.includes(JUMP_DAY))
    throw new Error('the "why" did not find the planted jump of version 7')
  const round = (value: number) => Math.round(value * 10) / 10
  const whyMs = median(time(() => whyThisDay(versions, JUMP_DAY)))
  const marksMs = median(time(() => markUnusualDays(versions)))
  const bothMs = median(
    time(() => {
      markUnusualDays(versions)
      whyThisDay(versions, JUMP_DAY)
    }),
  )
  const figures: Figure[] = [
    {
      name: `why this day: decomposition of a chosen day, ${VERSIONS} versions`,
      value: round(whyMs),
      unit: 'ms',
      runs: RUNS,
      target: { value: 100, better: 'lower' },
    },
    {
      name: `unusual days marked: ${VERSIONS} versions + the project × ${DAYS} days`,
      value: round(marksMs),
      unit: 'ms',
      runs: RUNS,
      target: { value: 100, better: 'lower' },
    },
    {
      name: 'both, as on choosing a day with nothing computed before',
      value: round(bothMs),
      unit: 'ms',
      runs: RUNS,
      target: { value: 100, better: 'lower' },
    },
  ]
  return {
    figures,
    notes: [
      `In this process (Node ${process.version}), synthetic credits (weekly rhythm, growth, noise); the planted jump (version 7 doubles from day ${JUMP_DAY}) is found first, share ${round((largest.share ?? 0) * 100)}% of the change.`,
    ],
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await benchUsageWhy()
  for (const figure of result.figures) console.log(`${figure.name}: ${figure.value} ${figure.unit}`)
  for (const note of result.notes) console.log(note)
}
