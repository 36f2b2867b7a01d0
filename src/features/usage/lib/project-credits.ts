// The current generation's usage answer (credits per project, shared/API.md "The current
// generation"), shaped for the page: one list of buckets, and per project, for the deleted
// projects together and for the organization, one zero-filled value per bucket. The chart, the
// bucket table, the per-project table and the CSV all read this model, so they cannot disagree.
import type { UsageAnswer, UsagePoint } from '../../../api/model'
import type { UsageInterval } from '../../../api/types'
import { dayOfTimestamp, type IsoDate } from '../../../../domain/dates'
import type { DateRange } from '../../../../domain/usage'
import { changeAgainst, projectToPeriodEnd, sumValues, type Change } from './usage-summary'
import { bucketIndex, bucketsOfPoints, isPartialBucket, rangeOfBuckets, type Bucket } from '../model/buckets'

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

/** One row per bucket with a value per series key: the shape recharts draws. Future buckets get no values. */
export type CreditsChartRow = { start: IsoDate; end: IsoDate; isFuture?: true; isPartial?: true } & Record<
  string,
  number | string | boolean
>

export function creditsChartRows(
  data: CreditsData,
  series: readonly CreditsSeries[],
  today?: IsoDate,
): CreditsChartRow[] {
  return data.buckets.map((bucket, index) => {
    const row: CreditsChartRow = { start: bucket.start, end: bucket.end }
    if (today !== undefined && bucket.start > today) return { ...row, isFuture: true }
    if (today !== undefined && isPartialBucket(bucket, today)) row.isPartial = true
    for (const s of series) row[s.key] = s.values[index] ?? 0
    return row
  })
}

/** The credits of the series together: the total the pages show for what is picked. */
export function seriesTotal(series: readonly CreditsSeries[]): number {
  return sumValues(series.map((s) => s.total))
}

/** Credits of each bucket over the series shown. */
export function bucketTotals(data: CreditsData, series: readonly CreditsSeries[]): number[] {
  return data.buckets.map((_, index) => sumValues(series.map((s) => s.values[index] ?? 0)))
}

export interface ProjectRow {
  /** The project's id, or `deleted`. */
  id: string
  label: string
  isDeleted: boolean
  credits: number
  /** Of the organization's credits in the range, 0 to 1; null when the organization used none. */
  share: number | null
  /** Against the same project in the previous range; undefined while that range loads. */
  change: Change | undefined
  /** The credits the change is measured with (its days, see `ProjectRowOptions.soFar`); undefined while they load. */
  compared: number | undefined
  /** The same project's credits in the previous range; undefined while that range loads. */
  previous: number | undefined
  /** Credits at the end of the subscription period at the pace so far; null outside the current period. */
  projected: number | null
}

export interface ProjectRowOptions {
  /** The same organization's credits in the previous range, to compare each project with. */
  previous?: CreditsData
  /**
   * The credits compared with `previous`: a running range's whole days so far (null while they
   * load); left out, the range's own.
   */
  soFar?: CreditsData | null
  /** The current subscription period when the range is it (and `now` in it), for the projection. */
  period?: DateRange | null
  now?: Date
}

/**
 * The per-project table: every project (filtered), and the deleted projects when they used
 * anything, sorted by credits, most first. A project new since the previous range is "new"; one
 * absent from this range's answer is not listed.
 */
export function projectRows(
  data: CreditsData,
  filter: ProjectFilter,
  options: ProjectRowOptions = {},
): ProjectRow[] {
  const organizationTotal = sumValues(data.organization)
  const previousTotal = (id: string | null): number | undefined => {
    if (!options.previous) return undefined
    if (id === null) return sumValues(options.previous.deleted)
    return options.previous.projects.find((p) => p.id === id)?.total ?? 0
  }
  const row = (id: string | null, label: string, credits: number): ProjectRow => {
    const before = previousTotal(id)
    const soFar = options.soFar === undefined ? data : options.soFar
    const compared =
      soFar === null
        ? undefined
        : id === null
          ? sumValues(soFar.deleted)
          : (soFar.projects.find((p) => p.id === id)?.total ?? 0)
    const projection =
      options.period && options.now ? projectToPeriodEnd(credits, options.period, options.now) : null
    return {
      id: id ?? DELETED_FILTER_PARAM,
      label,
      isDeleted: id === null,
      credits,
      share: organizationTotal > 0 ? credits / organizationTotal : null,
      change: before === undefined || compared === undefined ? undefined : changeAgainst(compared, before),
      compared,
      previous: compared === undefined ? undefined : before,
      projected: projection ? projection.projected : null,
    }
  }
  const rows: ProjectRow[] = []
  if (filter.kind !== 'deleted')
    for (const project of data.projects)
      if (filter.kind === 'all' || project.name === filter.name)
        rows.push(row(project.id, project.name, project.total))
  const deletedTotal = sumValues(data.deleted)
  if (filter.kind === 'deleted' || (filter.kind === 'all' && deletedTotal !== 0))
    rows.push(row(null, DELETED_PROJECTS_LABEL, deletedTotal))
  return rows.sort((a, b) => b.credits - a.credits)
}
