// The current generation's credits as the one usage model, for the organization (credits per
// project) and for a project (credits per deployment version) alike: one chart of credits, the top
// parts, "Other projects" ("Other versions") and the deleted ones apart as its series, and every
// part as a part of the whole's credits (the series filter and the per-part table).
import type { UsageInterval } from '../../../api/types'
import type { DateRange } from '../../../../domain/usage'
import {
  DELETED_FILTER_PARAM,
  PROJECT_WORDS,
  TOP_PROJECTS,
  creditsSeries,
  projectFilterParam,
  toCreditsData,
  type CreditsData,
  type CreditsSeries,
  type CurrentUsageAnswer,
  type PartWords,
  type ProjectFilter,
} from '../lib/project-credits'
import { sumValues } from '../lib/usage-summary'
import type { UsageModel, UsageModelBreakdown, UsageModelPart } from './usage-model'

/** The colour of a series: parts by rank, then the other parts and the deleted ones. */
export function creditsColor(series: Pick<CreditsSeries, 'kind'>, index: number): string {
  if (series.kind === 'other') return 'var(--credits-color-other)'
  if (series.kind === 'deleted') return 'var(--credits-color-deleted)'
  return `var(--credits-color-${index % 6})`
}

/** What the filter shows, as the total's heading says it: "all projects", a part's name. */
function filterLabel(data: CreditsData, filter: ProjectFilter, words: PartWords): string {
  if (filter.kind === 'all') return words.all.toLowerCase()
  if (filter.kind === 'deleted') return words.deleted.toLowerCase()
  return data.parts.some((p) => p.name === filter.name) ? filter.name : `an unknown ${words.one}`
}

/**
 * Every part the filter keeps and the deleted parts (when they used anything, or are what the
 * filter picks), most credits first; with the filter's choices.
 */
function breakdownOf(data: CreditsData, filter: ProjectFilter, words: PartWords): UsageModelBreakdown {
  const deletedTotal = sumValues(data.deleted)
  const deleted: UsageModelPart = {
    id: DELETED_FILTER_PARAM,
    label: words.deleted,
    values: data.deleted,
    total: deletedTotal,
    isDeleted: true,
  }
  const parts: UsageModelPart[] =
    filter.kind === 'deleted'
      ? []
      : data.parts
          .filter((part) => filter.kind === 'all' || part.name === filter.name)
          .map((part) => ({ ...part, label: part.name, isDeleted: false }))
  if (filter.kind === 'deleted' || (filter.kind === 'all' && deletedTotal !== 0)) parts.push(deleted)
  const hasDeleted = deletedTotal !== 0 || filter.kind === 'deleted'
  const isUnknown = filter.kind === 'project' && !data.parts.some((p) => p.name === filter.name)
  return {
    parts: parts.sort((a, b) => b.total - a.total),
    wholeTotal: sumValues(data.whole),
    choices: [
      ...data.parts.map((part) => ({ value: part.name, label: part.name })),
      ...(hasDeleted ? [{ value: DELETED_FILTER_PARAM, label: words.deleted }] : []),
    ],
    unknownChoice: isUnknown ? projectFilterParam(filter) : null,
  }
}

/**
 * Aligned credits per part (../lib/project-credits.ts) under a series filter, as the model; the
 * parts named by `words` (projects unless told).
 */
export function modelOfCreditsData(
  data: CreditsData,
  filter: ProjectFilter,
  interval: UsageInterval,
  words: PartWords = PROJECT_WORDS,
): UsageModel {
  return {
    interval,
    buckets: data.buckets,
    range: data.range,
    charts: [
      {
        metric: 'credits',
        title: words.chartTitle,
        totalLabel: `Credits, ${filterLabel(data, filter, words)}`,
        unit: 'credits',
        series: creditsSeries(data, filter, TOP_PROJECTS, words).map((series, index) => ({
          key: series.key,
          label: series.label,
          column: series.label,
          color: creditsColor(series, index),
          values: series.values,
          ...(series.kind === 'deleted' ? { deleted: true as const } : {}),
          ...(series.kind === 'project' ? { part: series.label } : {}),
        })),
      },
    ],
    breakdown: breakdownOf(data, filter, words),
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
