// The current generation's usage answer (credits per project, shared/API.md "The current
// generation"), shaped for the page: one list of buckets, and per project, for the deleted
// projects together and for the organization, one zero-filled value per bucket. The chart, the
// bucket table, the per-project table and the CSV all read this model, so they cannot disagree.
import type { UsageAnswer, UsagePoint } from '../../../api/model'
import type { UsageInterval } from '../../../api/types'
import { dayOfTimestamp, type IsoDate } from '../../../../domain/dates'
import type { DateRange } from '../../../../domain/usage'
import { sumValues } from './usage-summary'
import { bucketIndex, bucketsOfPoints, rangeOfBuckets, type Bucket } from '../model/buckets'

export type CurrentUsageAnswer = Extract<UsageAnswer, { generation: 'current' }>

export interface ProjectCredits {
  id: string
  name: string
  /** Credits per bucket, aligned to `CreditsData.buckets`. */
  values: number[]
  total: number
}

export interface CreditsData {
  buckets: Bucket[]
  /** Live projects, most credits first (then by name). */
  projects: ProjectCredits[]
  /** Projects deleted since, together, per bucket. */
  deleted: number[]
  /** The organization's credits per bucket, as the API gave them (`data_organization`). */
  organization: number[]
  /** From the first bucket's start to the last bucket's end, or the requested range when empty. */
  range: DateRange | null
}

function align(
  points: readonly UsagePoint[],
  indexOf: ReadonlyMap<IsoDate, number>,
  length: number,
): number[] {
  const values = new Array<number>(length).fill(0)
  for (const point of points) {
    const index = indexOf.get(dayOfTimestamp(point.start_date))
    if (index !== undefined) values[index] = sumValues([values[index] ?? 0, point.value])
  }
  return values
}

/**
 * Aligns every project to the organization's buckets (the API's boundaries; when it sent none and
 * the range is known, the buckets it would have sent, all zero). Projects are sorted by their
 * credits in the range, most first.
 */
export function toCreditsData(
  answer: CurrentUsageAnswer,
  requested: DateRange | null,
  interval: UsageInterval,
): CreditsData {
  const buckets = bucketsOfPoints(
    [...answer.organization, ...answer.deletedProjects, ...answer.projects.flatMap((p) => p.usage)],
    requested,
    interval,
  )
  const indexOf = bucketIndex(buckets)
  const projects = answer.projects
    .map((project) => {
      const values = align(project.usage, indexOf, buckets.length)
      return { id: project.id, name: project.name, values, total: sumValues(values) }
    })
    .sort((a, b) => b.total - a.total || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  return {
    buckets,
    projects,
    deleted: align(answer.deletedProjects, indexOf, buckets.length),
    organization: align(answer.organization, indexOf, buckets.length),
    range: rangeOfBuckets(buckets, requested),
  }
}

/**
 * `?project=` of the page: every project, one project (by its name, which is what a person reads
 * and shares; a project's name is unique in its organization), or the deleted projects.
 */
export type ProjectFilter = { kind: 'all' } | { kind: 'project'; name: string } | { kind: 'deleted' }

export const DELETED_FILTER_PARAM = 'deleted'

export function parseProjectFilter(param: string | null): ProjectFilter {
  if (!param) return { kind: 'all' }
  if (param === DELETED_FILTER_PARAM) return { kind: 'deleted' }
  return { kind: 'project', name: param }
}

export function projectFilterParam(filter: ProjectFilter): string | null {
  return filter.kind === 'all' ? null : filter.kind === 'deleted' ? DELETED_FILTER_PARAM : filter.name
}

/**
 * The name to put in the address instead of a project's id, for a link made when the address held
 * ids (`?project=311c…`): the name of the project with that id, or null when the parameter is no
 * project's id (or is a project's name already).
 */
export function projectNameForId(
  projects: readonly { id: string; name: string }[],
  param: string | null,
): string | null {
  if (!param || projects.some((p) => p.name === param)) return null
  return projects.find((p) => p.id === param)?.name ?? null
}

/** How many projects get a series of their own before the rest become "Other projects". */
export const TOP_PROJECTS = 5

export type CreditsSeriesKind = 'project' | 'other' | 'deleted'

export interface CreditsSeries {
  /** `s0`, `s1`…: safe as a chart data key (project ids and names are not). */
  key: string
  kind: CreditsSeriesKind
  label: string
  /** The projects it adds up (one for a project; the rest for "Other projects"; none for deleted). */
  projectIds: string[]
  values: number[]
  total: number
}

export const OTHER_PROJECTS_LABEL = 'Other projects'
export const DELETED_PROJECTS_LABEL = 'Deleted projects'

/**
 * The series the chart stacks, and the bucket table and the CSV hold. All projects: the top
 * `top` projects of the range by credits, the rest together as "Other projects" (only when two or
 * more are left: one project is shown as itself), and the deleted projects as their own series
 * when they used anything. Together they add up to the organization's credits, bucket by bucket.
 * One project, or the deleted projects: that series alone (none when the project is not in the
 * answer).
 */
export function creditsSeries(data: CreditsData, filter: ProjectFilter, top = TOP_PROJECTS): CreditsSeries[] {
  const deleted = (): CreditsSeries => ({
    key: '',
    kind: 'deleted',
    label: DELETED_PROJECTS_LABEL,
    projectIds: [],
    values: data.deleted,
    total: sumValues(data.deleted),
  })
  const ofProject = (project: ProjectCredits): CreditsSeries => ({
    key: '',
    kind: 'project',
    label: project.name,
    projectIds: [project.id],
    values: project.values,
    total: project.total,
  })
  let series: CreditsSeries[]
  if (filter.kind === 'deleted') series = [deleted()]
  else if (filter.kind === 'project') {
    const project = data.projects.find((p) => p.name === filter.name)
    series = project ? [ofProject(project)] : []
  } else {
    const own = data.projects.length <= top + 1 ? data.projects : data.projects.slice(0, top)
    const rest = data.projects.slice(own.length)
    series = own.map(ofProject)
    if (rest.length > 0) {
      const values = data.buckets.map((_, index) => sumValues(rest.map((p) => p.values[index] ?? 0)))
      series.push({
        key: '',
        kind: 'other',
        label: `${OTHER_PROJECTS_LABEL} (${rest.length})`,
        projectIds: rest.map((p) => p.id),
        values,
        total: sumValues(values),
      })
    }
    if (data.deleted.some((value) => value !== 0)) series.push(deleted())
  }
  return series.map((s, index) => ({ ...s, key: `s${index}` }))
}
