// Test data for the usage feature's unit tests: the API's points and series as the client model
// holds them (src/api/model.ts), built from days.
import type { UsagePoint, UsageSeries } from '../../../api/model'
import { addDays, type IsoDate } from '../../../../domain/dates'
import { parseUsageAnswer } from '../../../api/validate'
import type { CurrentUsageAnswer } from './project-credits'
import { sumValues } from './usage-summary'

/** One bucket of an answer: `[day, next)` with its value, as the API's timestamps. */
export const point = (day: IsoDate, next: IsoDate, value: number): UsagePoint => ({
  start_date: `${day}T00:00:00Z`,
  end_date: `${next}T00:00:00Z`,
  value,
})

/** A first-generation series of day buckets from `start`, one value a day. */
export function dailySeries(
  start: IsoDate,
  values: readonly number[],
  series: Pick<UsageSeries, 'object_type' | 'metric'> = {
    object_type: 'deployment_version',
    metric: 'credits',
  },
): UsageSeries {
  return {
    ...series,
    usage: values.map((value, index) => point(addDays(start, index), addDays(start, index + 1), value)),
  }
}

// shared/API.md's example of the current generation.
export const EXAMPLE = parseUsageAnswer(
  {
    interval: 'month',
    data_organization: [point('2019-08-01', '2019-09-01', 600)],
    data_projects: [
      { project_id: 'p1', project_name: 'project-1', data: [point('2019-08-01', '2019-09-01', 200)] },
      { project_id: 'p2', project_name: 'project-2', data: [point('2019-08-01', '2019-09-01', 300)] },
    ],
    data_deleted_projects: [point('2019-08-01', '2019-09-01', 100)],
  },
  'GET usage',
) as CurrentUsageAnswer

export const DAYS = ['2026-11-01', '2026-11-02', '2026-11-03']
const ends = ['2026-11-02', '2026-11-03', '2026-11-04']

/** Eight projects p0…p7 with p0 the heaviest, days of 3 buckets; deleted projects used 0.1 a day. */
export function eightProjects(): CurrentUsageAnswer {
  const projects = Array.from({ length: 8 }, (_, index) => ({
    id: `p${index}`,
    name: `project-${index}`,
    usage: DAYS.map((day, d) => point(day, ends[d]!, (8 - index) * 10 + d + 0.1)),
  }))
  const deletedProjects = DAYS.map((day, d) => point(day, ends[d]!, 0.1))
  const organization = DAYS.map((day, d) =>
    point(day, ends[d]!, sumValues([...projects.map((p) => p.usage[d]!.value), 0.1])),
  )
  // Sent in no particular order: the page sorts.
  return { generation: 'current', organization, projects: [...projects].reverse(), deletedProjects }
}
