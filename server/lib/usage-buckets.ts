// The usage answer of the first generation: the query's range and the sums of the daily rollups
// per bucket. The rules themselves (intervals, bucket boundaries, range limits, the subscription
// period) are in domain/, shared with the dashboard.
import { dayStart, isIsoDate, toEpochDay } from '../../domain/dates'
import { currentPeriod } from '../../domain/subscriptions'
import {
  bucketBoundaries,
  DEFAULT_USAGE_INTERVAL,
  isUsageInterval,
  usageRangeProblem,
  USAGE_SERIES,
  type UsageInterval,
} from '../../domain/usage'

export interface UsageRange {
  /** First day, included. */
  start: string
  /** Day after the last one: excluded. */
  end: string
  interval: UsageInterval
}

export interface DailyUsage {
  day: string
  object_type: string
  metric: string
  value: number
}

export interface UsagePoint {
  /** Timestamps, `2020-01-01T00:00:00Z`. */
  start_date: string
  end_date: string
  value: number
}

export interface UsageSeries {
  object_type: string
  metric: string
  usage: UsagePoint[]
}

/** The bucket index of each day of the range (a direct lookup, so a row costs O(1)). */
function bucketIndex(range: UsageRange): { boundaries: string[]; bucketOf: (day: string) => number } {
  const boundaries = bucketBoundaries(range, range.interval)
  const firstDay = toEpochDay(range.start)
  const bucketOfDay = new Int32Array(toEpochDay(range.end) - firstDay)
  for (let bucket = 0; bucket < boundaries.length - 1; bucket += 1) {
    const from = toEpochDay(boundaries[bucket]!) - firstDay
    const to = toEpochDay(boundaries[bucket + 1]!) - firstDay
    bucketOfDay.fill(bucket, from, to)
  }
  return {
    boundaries,
    /** -1 for a day outside the range. */
    bucketOf(day) {
      const offset = toEpochDay(day) - firstDay
      return offset < 0 || offset >= bucketOfDay.length ? -1 : bucketOfDay[offset]!
    },
  }
}

/** Volumes are whole bytes; credits keep two decimals at most. */
const round2 = (value: number) => Math.round(value * 100) / 100

function points(values: Float64Array, boundaries: string[]): UsagePoint[] {
  return Array.from(values, (value, bucket) => ({
    start_date: dayStart(boundaries[bucket]!),
    end_date: dayStart(boundaries[bucket + 1]!),
    value: round2(value),
  }))
}

/**
 * 2022 generation: sums the daily rollups (already summed over projects) into every bucket of
 * every series, zero where nothing was used.
 */
export function aggregateUsage(rows: DailyUsage[], range: UsageRange): UsageSeries[] {
  const { boundaries, bucketOf } = bucketIndex(range)
  const bucketCount = boundaries.length - 1
  const totals = new Map<string, Float64Array>()
  for (const series of USAGE_SERIES)
    totals.set(`${series.object_type}/${series.metric}`, new Float64Array(bucketCount))
  for (const row of rows) {
    const values = totals.get(`${row.object_type}/${row.metric}`)
    const bucket = bucketOf(row.day)
    if (!values || bucket < 0) continue
    values[bucket]! += row.value
  }
  return USAGE_SERIES.map((series) => ({
    object_type: series.object_type,
    metric: series.metric,
    usage: points(totals.get(`${series.object_type}/${series.metric}`)!, boundaries),
  }))
}

export interface UsageProject {
  id: string
  name: string
  /** 1 when the project was deleted (its usage stays, as deleted). */
  deleted: number
}

export interface DailyProjectCredits {
  day: string
  project_id: string
  /** Credits of that day and project, summed over object types. */
  value: number
}

export interface ProjectUsageAnswer {
  interval: UsageInterval
  data_organization: UsagePoint[]
  data_projects: { project_id: string; project_name: string; data: UsagePoint[] }[]
  data_deleted_projects: UsagePoint[]
}

/**
 * Current generation (shared/API.md, "The current generation"): credits per bucket for every live
 * project of the organization (by name, zero where nothing was used), the deleted projects together,
 * and the organization. Each project's buckets are rounded to two decimals first, and the
 * organization's bucket is the sum of those rounded values (rounded again), so that
 * `data_organization` is the sum of `data_projects` and `data_deleted_projects`, bucket by bucket.
 */
export function aggregateProjectUsage(
  rows: DailyProjectCredits[],
  projects: UsageProject[],
  range: UsageRange,
): ProjectUsageAnswer {
  const { boundaries, bucketOf } = bucketIndex(range)
  const bucketCount = boundaries.length - 1
  const live = projects.filter((project) => !project.deleted)
  const totals = new Map(live.map((project) => [project.id, new Float64Array(bucketCount)]))
  const deleted = new Float64Array(bucketCount)
  for (const row of rows) {
    const bucket = bucketOf(row.day)
    if (bucket < 0) continue
    // A project that is not live (deleted, or unknown) counts as deleted: its usage stays.
    ;(totals.get(row.project_id) ?? deleted)[bucket]! += row.value
  }
  const dataProjects = live.map((project) => ({
    project_id: project.id,
    project_name: project.name,
    data: points(totals.get(project.id)!, boundaries),
  }))
  const dataDeleted = points(deleted, boundaries)
  const organization = dataDeleted.map((point, bucket) => ({
    ...point,
    value: round2(dataProjects.reduce((sum, project) => sum + project.data[bucket]!.value, point.value)),
  }))
  return {
    interval: range.interval,
    data_organization: organization,
    data_projects: dataProjects,
    data_deleted_projects: dataDeleted,
  }
}

export interface UsageDeploymentVersion {
  deployment_id: string
  deployment_name: string
  version_id: string
  version: string
  /** 1 when the version or its deployment was deleted (its usage stays, as deleted). */
  deleted: number
}

export interface DailyVersionCredits {
  day: string
  deployment_version_id: string
  /** Credits of that day and deployment version. */
  value: number
}

export interface ProjectVersionsUsageAnswer {
  interval: UsageInterval
  data_project: UsagePoint[]
  data_deployments: {
    deployment_id: string
    deployment_name: string
    version_id: string
    version: string
    data: UsagePoint[]
  }[]
  data_deleted_deployments: UsagePoint[]
}

/**
 * Current generation, one project (shared/API.md, "Projects, access and audit"): credits per bucket
 * for every live deployment version of the project (by deployment name and version, zero where
 * nothing was used), and the project. `data_project` is summed from `projectRows`, the same
 * usage_daily rows that the organization's answer sums for this project, so the two are equal bucket
 * by bucket. `data_deleted_deployments` is what the project spent that no live version accounts for:
 * the deleted versions' and deployments' credits (and any recorded before versions were), so that
 * `data_project` is the sum of the versions and the deleted ones, bucket by bucket. As for the
 * organization, each version's bucket is rounded to two decimals first.
 */
export function aggregateVersionUsage(
  projectRows: DailyProjectCredits[],
  versionRows: DailyVersionCredits[],
  versions: UsageDeploymentVersion[],
  range: UsageRange,
): ProjectVersionsUsageAnswer {
  const { boundaries, bucketOf } = bucketIndex(range)
  const bucketCount = boundaries.length - 1
  const project = new Float64Array(bucketCount)
  for (const row of projectRows) {
    const bucket = bucketOf(row.day)
    if (bucket >= 0) project[bucket]! += row.value
  }
  const live = versions.filter((version) => !version.deleted)
  const totals = new Map(live.map((version) => [version.version_id, new Float64Array(bucketCount)]))
  for (const row of versionRows) {
    const bucket = bucketOf(row.day)
    const values = totals.get(row.deployment_version_id)
    if (values && bucket >= 0) values[bucket]! += row.value
  }
  const dataDeployments = live.map((version) => ({
    deployment_id: version.deployment_id,
    deployment_name: version.deployment_name,
    version_id: version.version_id,
    version: version.version,
    data: points(totals.get(version.version_id)!, boundaries),
  }))
  const dataProject = points(project, boundaries)
  const dataDeleted = dataProject.map((point, bucket) => ({
    ...point,
    value: round2(dataDeployments.reduce((rest, version) => rest - version.data[bucket]!.value, point.value)),
  }))
  return {
    interval: range.interval,
    data_project: dataProject,
    data_deployments: dataDeployments,
    data_deleted_deployments: dataDeleted,
  }
}

export interface UsageQuery {
  start_date?: unknown
  end_date?: unknown
  interval?: unknown
}

/** The range a usage query asks for, or the problems with it (each naming its parameter). */
export function parseUsageQuery(
  query: UsageQuery,
  subscriptionStart: string,
  today: string,
): { range: UsageRange; problems?: undefined } | { range?: undefined; problems: string[] } {
  const problems: string[] = []
  const interval = query.interval ?? DEFAULT_USAGE_INTERVAL
  if (!isUsageInterval(interval))
    problems.push(`interval: use "day" or "month" (got ${JSON.stringify(interval)}).`)
  for (const key of ['start_date', 'end_date'] as const) {
    const value = query[key]
    if (value !== undefined && !isIsoDate(value))
      problems.push(`${key}: Use a real date written YYYY-MM-DD (got ${JSON.stringify(value)}).`)
  }
  const hasStart = query.start_date !== undefined
  const hasEnd = query.end_date !== undefined
  if (hasStart !== hasEnd)
    problems.push(
      `${hasStart ? 'end_date' : 'start_date'}: give start_date and end_date together, or neither for the current subscription period.`,
    )
  if (problems.length > 0 || !isUsageInterval(interval)) return { problems }

  const range: UsageRange =
    hasStart && hasEnd
      ? { start: query.start_date as string, end: query.end_date as string, interval }
      : { ...currentPeriod(subscriptionStart, today), interval }
  const problem = usageRangeProblem(range, interval)
  if (problem)
    return { problems: [`${problem.field === 'start' ? 'start_date' : 'end_date'}: ${problem.message}`] }
  return { range }
}
