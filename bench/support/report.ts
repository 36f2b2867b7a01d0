// Printing the figures as a table, and keeping bench/results/latest.json (figures, machine, date).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, release, totalmem } from 'node:os'
import { dirname } from 'node:path'
import type { Figure } from '../figures'
import { formatNumber, type SuiteResult } from './suite'

export const RESULTS_PATH = 'bench/results/latest.json'

function targetText(figure: Figure): string {
  if (!figure.target) return ''
  return `target ${figure.target.better === 'lower' ? '≤' : '≥'} ${formatNumber(figure.target.value)} ${figure.unit}`
}

/** "ok" within the target, "OVER" beyond it; nothing when there is no target (it reports, it does not judge). */
export function marker(figure: Figure): string {
  if (!figure.target) return ''
  const within =
    figure.target.better === 'lower'
      ? figure.value <= figure.target.value
      : figure.value >= figure.target.value
  return within ? 'ok' : 'OVER'
}

export function formatSuite(name: string, result: SuiteResult, seconds: number, loadAverage: string): string {
  const rows = result.figures.map((figure) => ({
    name: figure.name,
    value: `${formatNumber(figure.value)} ${figure.unit}`,
    against: [targetText(figure), figure.comparedWith].filter(Boolean).join('; '),
    marker: marker(figure),
  }))
  const nameWidth = Math.max(6, ...rows.map((row) => row.name.length))
  const valueWidth = Math.max(5, ...rows.map((row) => row.value.length))
  const lines = [
    `\n== ${name} (${Math.round(seconds)} s, load average ${loadAverage}) ==`,
    `${'figure'.padEnd(nameWidth)}  ${'value'.padStart(valueWidth)}  ${'mark'.padEnd(4)}  target or comparison`,
    ...rows.map(
      (row) =>
        `${row.name.padEnd(nameWidth)}  ${row.value.padStart(valueWidth)}  ${row.marker.padEnd(4)}  ${row.against}`,
    ),
  ]
  for (const note of result.notes) lines.push(`  note: ${note}`)
  return lines.join('\n')
}

export interface SuiteRecord extends SuiteResult {
  date: string
  seconds: number
  /** the machine's 1-minute load average at the suite's start and end */
  loadAverage: string
}

interface ResultsFile {
  date: string
  machine: Record<string, string | number>
  suites: Record<string, SuiteRecord>
}

function machine(): Record<string, string | number> {
  const cores = cpus()
  return {
    cpu: cores[0]?.model.trim() ?? 'unknown',
    cores: cores.length,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    os: `${process.platform} ${release()}`,
    node: process.version,
  }
}

/** Replaces the suites that ran and keeps the others, so `npm run bench -- bytes` does not lose the rest. */
export function writeResults(
  records: Record<string, SuiteRecord>,
  extraMachine: Record<string, string>,
): void {
  const previous: ResultsFile | null = existsSync(RESULTS_PATH)
    ? (JSON.parse(readFileSync(RESULTS_PATH, 'utf8')) as ResultsFile)
    : null
  const file: ResultsFile = {
    date: new Date().toISOString(),
    machine: { ...previous?.machine, ...machine(), ...extraMachine },
    suites: { ...previous?.suites, ...records },
  }
  mkdirSync(dirname(RESULTS_PATH), { recursive: true })
  writeFileSync(RESULTS_PATH, JSON.stringify(file, null, 2) + '\n')
}
