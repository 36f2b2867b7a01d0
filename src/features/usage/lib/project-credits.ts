// The current generation's credits as parts of a whole (shared/API.md "The current generation"):
// an organization's per project, or a project's per deployment version. Shaped for the page: one
// list of buckets, and per part, for the deleted parts together and for the whole, one
// zero-filled value per bucket. The chart, the bucket table, the per-part table and the CSV all
// read this model, so they cannot disagree; the organization and the project levels share it.
import type { ProjectUsageAnswer, UsageAnswer, UsagePoint } from '../../../api/model'
import type { UsageInterval } from '../../../api/types'
import type { DateRange } from '../../../../domain/usage'
import { sumValues } from './usage-summary'
import {
  bucketIndex,
  bucketOfPoint,
  bucketsOfPoints,
  rangeOfBuckets,
  type Bucket,
  type BucketIndex,
} from '../model/buckets'

export type CurrentUsageAnswer = Extract<UsageAnswer, { generation: 'current' }>
export type CurrentProjectUsageAnswer = Extract<ProjectUsageAnswer, { generation: 'current' }>

/**
 * A current answer as parts of a whole: the organization's projects (`data_projects`,
 * `data_deleted_projects`, `data_organization`), or a project's deployment versions
 * (`data_deployment_versions`, `data_deleted_deployment_versions`, `data_project`). Points are
 * credits per bucket.
 */
export interface CreditsParts {
  whole: readonly UsagePoint[]
  /** Each live part: its id, the name the page shows and the address holds (unique in the whole). */
  parts: readonly { id: string; name: string; usage: readonly UsagePoint[] }[]
  /** The parts deleted since, together. */
  deleted: readonly UsagePoint[]
}

/** The organization's answer as parts: its projects. */
export const partsOfOrganization = (answer: CurrentUsageAnswer): CreditsParts => ({
  whole: answer.organization,
  parts: answer.projects,
  deleted: answer.deletedProjects,
})

/**
 * A deployment version as a part, as the page names it: `deployment / version` (a version's name
 * is unique within its deployment only).
 */
export const versionLabel = (version: { deploymentName: string; version: string }) =>
  `${version.deploymentName} / ${version.version}`

/** A project's answer as parts: its deployment versions, by `deployment / version`. */
export const partsOfProject = (answer: CurrentProjectUsageAnswer): CreditsParts => ({
  whole: answer.project,
  parts: answer.versions.map((version) => ({
    id: version.versionId,
    name: versionLabel(version),
    usage: version.usage,
  })),
  deleted: answer.deletedVersions,
})

/** One part's credits (a project's, or a deployment version's). */
export interface ProjectCredits {
  id: string
  name: string
  /** Credits per bucket, aligned to `CreditsData.buckets`. */
  values: number[]
  total: number
}

export interface CreditsData {
  buckets: Bucket[]
  /** Live parts (projects, or deployment versions), most credits first (then by name). */
  parts: ProjectCredits[]
  /** Parts deleted since, together, per bucket. */
  deleted: number[]
  /** The whole's credits per bucket, as the API gave them (`data_organization`, `data_project`). */
  whole: number[]
  /** From the first bucket's start to the last bucket's end, or the requested range when empty. */
  range: DateRange | null
}

function align(points: readonly UsagePoint[], indexOf: BucketIndex, length: number): number[] {
  const values = new Array<number>(length).fill(0)
  const isFilled = new Array<boolean>(length).fill(false)
  for (let position = 0; position < points.length; position += 1) {
    const point = points[position]!
    const index = bucketOfPoint(indexOf, point, position)
    if (index === undefined) continue
    // A bucket's first point is its value as sent; only a second one is added (without dust). A
    // project of hundreds of versions over a year has tens of thousands of points, nearly all first.
    values[index] = isFilled[index] ? sumValues([values[index]!, point.value]) : point.value
    isFilled[index] = true
  }
  return values
}

/** Every list of points of a whole's answer, the whole's first. */
const pointListsOfParts = ({ whole, parts, deleted }: CreditsParts): (readonly UsagePoint[])[] => [
  whole,
  deleted,
  ...parts.map((part) => part.usage),
]

/**
 * Aligns every part to the whole's buckets (the API's boundaries; when it sent none and the range
 * is known, the buckets it would have sent, all zero). Parts are sorted by their credits in the
 * range, most first.
 */
export function toPartsData(
  answer: CreditsParts,
  requested: DateRange | null,
  interval: UsageInterval,
): CreditsData {
  const buckets = bucketsOfPoints(pointListsOfParts(answer), requested, interval)
  const indexOf = bucketIndex(buckets)
  const parts = answer.parts
    .map((part) => {
      const values = align(part.usage, indexOf, buckets.length)
      return { id: part.id, name: part.name, values, total: sumValues(values) }
    })
    .sort((a, b) => b.total - a.total || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  return {
    buckets,
    parts,
    deleted: align(answer.deleted, indexOf, buckets.length),
    whole: align(answer.whole, indexOf, buckets.length),
    range: rangeOfBuckets(buckets, requested),
  }
}

/** The organization's answer aligned: its projects as the parts (see {@link toPartsData}). */
export const toCreditsData = (
  answer: CurrentUsageAnswer,
  requested: DateRange | null,
  interval: UsageInterval,
): CreditsData => toPartsData(partsOfOrganization(answer), requested, interval)

/**
 * The series filter of a level of parts (the organization's `?project=`, a project's `?version=`;
 * kind `project` names any part): every part, one part by its name (what a person reads and
 * shares; a project's name is unique in its organization, `deployment / version` in its project),
 * or the deleted parts together.
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

/** How many parts get a series of their own before the rest become "Other projects" ("Other versions"). */
export const TOP_PROJECTS = 5

export type CreditsSeriesKind = 'project' | 'other' | 'deleted'

export interface CreditsSeries {
  /** `s0`, `s1`…: safe as a chart data key (project ids and names are not). */
  key: string
  kind: CreditsSeriesKind
  label: string
  /** The parts it adds up (one for a part; the rest for "Other projects"; none for deleted). */
  projectIds: string[]
  values: number[]
  total: number
}

export const OTHER_PROJECTS_LABEL = 'Other projects'
export const DELETED_PROJECTS_LABEL = 'Deleted projects'

/** How a level names its parts: on the chart, in the filter, the totals and the tables. */
export interface PartWords {
  /** One part, as a sentence says it: "project", "deployment version". */
  one: string
  /** The series of the parts past the top ones: "Other projects". */
  other: string
  /** The deleted parts together: "Deleted projects". */
  deleted: string
  /** Every part: "All projects". */
  all: string
  /** The chart's heading: "Credits per project". */
  chartTitle: string
}

export const PROJECT_WORDS: PartWords = {
  one: 'project',
  other: OTHER_PROJECTS_LABEL,
  deleted: DELETED_PROJECTS_LABEL,
  all: 'All projects',
  chartTitle: 'Credits per project',
}

export const VERSION_WORDS: PartWords = {
  one: 'deployment version',
  other: 'Other versions',
  deleted: 'Deleted versions',
  all: 'All deployment versions',
  chartTitle: 'Credits per deployment version',
}

/**
 * The series the chart stacks, and the bucket table and the CSV hold. All parts: the top `top`
 * parts (projects, or deployment versions) of the range by credits, the rest together as "Other
 * projects" (`words.other`; only when two or more are left: one part is shown as itself), and the
 * deleted parts as their own series when they used anything. Together they add up to the whole's
 * credits, bucket by bucket. One part (a filter of kind `project` names any part), or the deleted
 * parts: that series alone (none when the part is not in the answer).
 */
export function creditsSeries(
  data: CreditsData,
  filter: ProjectFilter,
  top = TOP_PROJECTS,
  words: PartWords = PROJECT_WORDS,
): CreditsSeries[] {
  const deleted = (): CreditsSeries => ({
    key: '',
    kind: 'deleted',
    label: words.deleted,
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
    const project = data.parts.find((p) => p.name === filter.name)
    series = project ? [ofProject(project)] : []
  } else {
    const own = data.parts.length <= top + 1 ? data.parts : data.parts.slice(0, top)
    const rest = data.parts.slice(own.length)
    series = own.map(ofProject)
    if (rest.length > 0) {
      const values = data.buckets.map((_, index) => sumValues(rest.map((p) => p.values[index] ?? 0)))
      series.push({
        key: '',
        kind: 'other',
        label: `${words.other} (${rest.length})`,
        projectIds: rest.map((p) => p.id),
        values,
        total: sumValues(values),
      })
    }
    if (data.deleted.some((value) => value !== 0)) series.push(deleted())
  }
  return series.map((s, index) => ({ ...s, key: `s${index}` }))
}
