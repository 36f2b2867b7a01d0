import { describe, expect, it } from 'vitest'
import { parseUsageAnswer } from '../../../api/validate'
import { toCreditsData, type CreditsData, type CurrentUsageAnswer } from './project-credits'
import { dailySeries, point } from './test-usage'
import { ORGANIZATION_BY_METRIC, ORGANIZATION_BY_PROJECT } from '../model/levels'
import { modelOfUsageData } from '../model/normalise-2022'
import { modelOfCreditsData } from '../model/normalise-current'
import { csvFileName, usageCsv } from './usage-csv'
import { toUsageData, type UsageData } from './usage-series'

/** The first generation's CSV of aligned usage, as the page writes it. */
const toCsv = (data: UsageData, hidden: ReadonlySet<string>, previous?: UsageData) =>
  usageCsv(
    ORGANIZATION_BY_METRIC,
    modelOfUsageData(data, 'month'),
    hidden,
    previous && modelOfUsageData(previous, 'month'),
  )

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

describe('usageCsv of the organization by metric', () => {
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

describe('usageCsv by metric with the previous range (compare=previous)', () => {
  const shown = toUsageData(
    [dailySeries('2026-03-01', [5, 6, 7])],
    { start: '2026-03-01', end: '2026-03-04' },
    'day',
  )
  // Two days before: one bucket fewer than shown, so the last row has no previous bucket.
  const previous = toUsageData(
    [
      dailySeries('2026-02-27', [1, 2]),
      dailySeries('2026-02-27', [9, 10], { object_type: 'pipeline_version', metric: 'output_volume' }),
    ],
    { start: '2026-02-27', end: '2026-03-01' },
    'day',
  )

  it('adds, by position, the previous bucket and a column per shown series headed with the previous days', () => {
    const hidden = new Set([
      'input_volume.deployment_version',
      'input_volume.pipeline_version',
      'output_volume.deployment_version',
    ] as const)
    expect(toCsv(shown, hidden, previous).split('\r\n')).toEqual([
      'start_date,end_date,deployment_version.credits,pipeline_version.output_volume_bytes,previous_start_date,previous_end_date,deployment_version.credits (2026-02-27 to 2026-02-28),pipeline_version.output_volume_bytes (2026-02-27 to 2026-02-28)',
      '2026-03-01T00:00:00Z,2026-03-02T00:00:00Z,5,0,2026-02-27T00:00:00Z,2026-02-28T00:00:00Z,1,9',
      '2026-03-02T00:00:00Z,2026-03-03T00:00:00Z,6,0,2026-02-28T00:00:00Z,2026-03-01T00:00:00Z,2,10',
      '2026-03-03T00:00:00Z,2026-03-04T00:00:00Z,7,0,,,,',
      '',
    ])
  })

  it('leaves previous buckets beyond the shown ones out, and the series hidden in a legend', () => {
    const oneDay = toUsageData(
      [dailySeries('2026-03-01', [5])],
      { start: '2026-03-01', end: '2026-03-02' },
      'day',
    )
    const hidden = new Set(shown.series.filter((s) => s.metric !== 'credits').map((s) => s.key))
    expect(toCsv(oneDay, hidden, previous).split('\r\n')).toEqual([
      'start_date,end_date,deployment_version.credits,previous_start_date,previous_end_date,deployment_version.credits (2026-02-27 to 2026-02-28)',
      '2026-03-01T00:00:00Z,2026-03-02T00:00:00Z,5,2026-02-27T00:00:00Z,2026-02-28T00:00:00Z,1',
      '',
    ])
  })
})

describe('csvFileName', () => {
  it('names the organization, the days included and the interval', () => {
    expect(csvFileName('usage', 'acme', data.range, 'month')).toBe(
      'usage-acme-2026-01-15-to-2026-02-28-monthly.csv',
    )
    expect(csvFileName('credits', 'acme', { start: '2026-11-01', end: '2026-12-01' }, 'day')).toBe(
      'credits-acme-2026-11-01-to-2026-11-30-daily.csv',
    )
  })

  it('says when the file holds the previous range too', () => {
    expect(csvFileName('usage', 'acme', data.range, 'month', true)).toBe(
      'usage-acme-2026-01-15-to-2026-02-28-monthly-with-previous.csv',
    )
  })
})

describe('usageCsv of the organization by project', () => {
  const all = { kind: 'all' } as const
  const creditsCsv = (data: CreditsData, previous?: CreditsData) =>
    usageCsv(
      ORGANIZATION_BY_PROJECT,
      modelOfCreditsData(data, all, 'day'),
      new Set(),
      previous && modelOfCreditsData(previous, all, 'day'),
    )

  type Day = [string, string, number]
  const answer = (projects: { id: string; name: string; days: Day[] }[], deleted: Day[] = []) =>
    parseUsageAnswer(
      {
        interval: 'day',
        data_organization: [],
        data_projects: projects.map((p) => ({
          project_id: p.id,
          project_name: p.name,
          data: p.days.map(([day, next, value]) => point(day, next, value)),
        })),
        data_deleted_projects: deleted.map(([day, next, value]) => point(day, next, value)),
      },
      'GET usage',
    ) as CurrentUsageAnswer

  it('holds the buckets and the series shown, exact, quoting names that need it', () => {
    const data = toCreditsData(
      answer(
        [{ id: 'q', name: 'odd, "name"', days: [['2019-08-01', '2019-09-01', 0.25]] }],
        [['2019-08-01', '2019-09-01', 100]],
      ),
      null,
      'month',
    )
    expect(creditsCsv(data)).toBe(
      'start_date,end_date,"odd, ""name""",Deleted projects\r\n' +
        '2019-08-01T00:00:00Z,2019-09-01T00:00:00Z,0.25,100\r\n',
    )
  })

  it('adds the previous range’s credits of what is shown, by position, headed with its days', () => {
    const shown = toCreditsData(
      answer([
        {
          id: 'a',
          name: 'alpha',
          days: [
            ['2026-03-01', '2026-03-02', 1],
            ['2026-03-02', '2026-03-03', 2],
          ],
        },
      ]),
      { start: '2026-03-01', end: '2026-03-03' },
      'day',
    )
    // One day before: fewer buckets than shown; two projects, both in the filter "all".
    const previous = toCreditsData(
      answer([
        { id: 'a', name: 'alpha', days: [['2026-02-28', '2026-03-01', 0.5]] },
        { id: 'b', name: 'beta', days: [['2026-02-28', '2026-03-01', 4]] },
      ]),
      { start: '2026-02-28', end: '2026-03-01' },
      'day',
    )
    expect(creditsCsv(shown, previous).split('\r\n')).toEqual([
      'start_date,end_date,alpha,previous_start_date,previous_end_date,credits (2026-02-28 to 2026-02-28)',
      '2026-03-01T00:00:00Z,2026-03-02T00:00:00Z,1,2026-02-28T00:00:00Z,2026-03-01T00:00:00Z,4.5',
      '2026-03-02T00:00:00Z,2026-03-03T00:00:00Z,2,,,',
      '',
    ])
  })

  it('defuses every cell a spreadsheet would run as a formula, headers included', () => {
    const data = toCreditsData(
      answer([
        { id: 'e', name: '=HYPERLINK("http://x")', days: [['2019-08-01', '2019-09-01', 2]] },
        { id: 'p', name: '@SUM(A1)', days: [['2019-08-01', '2019-09-01', 1]] },
      ]),
      null,
      'month',
    )
    expect(creditsCsv(data).split('\r\n')[0]).toBe(
      `start_date,end_date,"'=HYPERLINK(""http://x"")","'@SUM(A1)"`,
    )
  })
})
