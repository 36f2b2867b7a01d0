// The current organization answer (credits per project) as the one usage model: one chart of
// credits, the top projects, "Other projects" and the deleted projects apart as its series, and
// every project as a part of the organization's credits (the series filter and per-project table).
import type { UsageInterval } from '../../../api/types'
import type { DateRange } from '../../../../domain/usage'
import {
  DELETED_FILTER_PARAM,
  DELETED_PROJECTS_LABEL,
  creditsSeries,
  projectFilterParam,
  toCreditsData,
  type CreditsData,
  type CreditsSeries,
  type CurrentUsageAnswer,
  type ProjectFilter,
} from '../lib/project-credits'
import { sumValues } from '../lib/usage-summary'
import type { UsageModel, UsageModelBreakdown, UsageModelPart } from './usage-model'

/** The colour of a series: projects by rank, then the other projects and the deleted ones. */
export function creditsColor(series: Pick<CreditsSeries, 'kind'>, index: number): string {
  if (series.kind === 'other') return 'var(--credits-color-other)'
  if (series.kind === 'deleted') return 'var(--credits-color-deleted)'
  return `var(--credits-color-${index % 6})`
}

/** What the filter shows, as the total's heading says it: "all projects", a project's name. */
function filterLabel(data: CreditsData, filter: ProjectFilter): string {
  if (filter.kind === 'all') return 'all projects'
  if (filter.kind === 'deleted') return 'deleted projects'
  return data.projects.some((p) => p.name === filter.name) ? filter.name : 'an unknown project'
}

/**
 * Every project the filter keeps and the deleted projects (when they used anything, or are what
 * the filter picks), most credits first; with the filter's choices.
 */
function breakdownOf(data: CreditsData, filter: ProjectFilter): UsageModelBreakdown {
  const deletedTotal = sumValues(data.deleted)
  const deleted: UsageModelPart = {
    id: DELETED_FILTER_PARAM,
    label: DELETED_PROJECTS_LABEL,
    values: data.deleted,
    total: deletedTotal,
    isDeleted: true,
  }
  const parts: UsageModelPart[] =
    filter.kind === 'deleted'
      ? []
      : data.projects
          .filter((project) => filter.kind === 'all' || project.name === filter.name)
          .map((project) => ({ ...project, label: project.name, isDeleted: false }))
  if (filter.kind === 'deleted' || (filter.kind === 'all' && deletedTotal !== 0)) parts.push(deleted)
  const hasDeleted = deletedTotal !== 0 || filter.kind === 'deleted'
  const isUnknown = filter.kind === 'project' && !data.projects.some((p) => p.name === filter.name)
  return {
    parts: parts.sort((a, b) => b.total - a.total),
    wholeTotal: sumValues(data.organization),
    choices: [
      ...data.projects.map((project) => ({ value: project.name, label: project.name })),
      ...(hasDeleted ? [{ value: DELETED_FILTER_PARAM, label: DELETED_PROJECTS_LABEL }] : []),
    ],
    unknownChoice: isUnknown ? projectFilterParam(filter) : null,
  }
}

/** Aligned credits per project (../lib/project-credits.ts) under a series filter, as the model. */
export function modelOfCreditsData(
  data: CreditsData,
  filter: ProjectFilter,
  interval: UsageInterval,
): UsageModel {
  return {
    interval,
    buckets: data.buckets,
    range: data.range,
    charts: [
      {
        metric: 'credits',
        title: 'Credits per project',
        totalLabel: `Credits, ${filterLabel(data, filter)}`,
        unit: 'credits',
        series: creditsSeries(data, filter).map((series, index) => ({
          key: series.key,
          label: series.label,
          column: series.label,
          color: creditsColor(series, index),
          values: series.values,
          ...(series.kind === 'deleted' ? { deleted: true as const } : {}),
        })),
      },
    ],
    breakdown: breakdownOf(data, filter),
  }
}

/** The current answer for `requested` (null: the API's own period) under a series filter, as the model. */
export function normaliseCurrent(
  answer: CurrentUsageAnswer,
  requested: DateRange | null,
  interval: UsageInterval,
  filter: ProjectFilter,
): UsageModel {
  return modelOfCreditsData(toCreditsData(answer, requested, interval), filter, interval)
}
