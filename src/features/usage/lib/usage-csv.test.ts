import { describe, expect, it } from 'vitest'
import { csvFileName, toCsv } from './usage-csv'
import { toUsageData } from './usage-series'

const ts = (day: string) => `${day}T00:00:00Z`
const data = toUsageData(
  [
    {
      object_type: 'deployment_version',
      metric: 'credits',
      usage: [
        { start_date: ts('2026-01-15'), end_date: ts('2026-02-15'), value: 1484124.5 },
        { start_date: ts('2026-02-15'), end_date: ts('2026-03-01'), value: 3 },
      ],
    },
    {
      object_type: 'pipeline_version',
      metric: 'output_volume',
      usage: [{ start_date: ts('2026-01-15'), end_date: ts('2026-02-15'), value: 123456789012 }],
    },
  ],
  null,
  'month',
)

describe('toCsv', () => {
  it('writes the API’s boundaries and exact values of every shown series', () => {
    expect(toCsv(data, new Set()).split('\r\n')).toEqual([
      'start_date,end_date,deployment_version.credits,deployment_version.input_volume_bytes,pipeline_version.input_volume_bytes,deployment_version.output_volume_bytes,pipeline_version.output_volume_bytes',
      '2026-01-15T00:00:00Z,2026-02-15T00:00:00Z,1484124.5,0,0,0,123456789012',
      '2026-02-15T00:00:00Z,2026-03-01T00:00:00Z,3,0,0,0,0',
      '',
    ])
  })

  it('leaves out the series hidden in a legend', () => {
    const csv = toCsv(data, new Set(['credits.deployment_version', 'input_volume.pipeline_version'] as const))
    expect(csv.split('\r\n')[0]).toBe(
      'start_date,end_date,deployment_version.input_volume_bytes,deployment_version.output_volume_bytes,pipeline_version.output_volume_bytes',
    )
    expect(csv.split('\r\n')[1]).toBe('2026-01-15T00:00:00Z,2026-02-15T00:00:00Z,0,0,123456789012')
  })
})

describe('csvFileName', () => {
  it('names the organization, the days included and the interval', () => {
    expect(csvFileName('acme', data, 'month')).toBe('usage-acme-2026-01-15-to-2026-02-28-monthly.csv')
  })
})
