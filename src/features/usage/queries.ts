import { queryOptions, type QueryFunction } from '@tanstack/react-query'
import type { ProjectUsageAnswer, UsageAnswer } from '../../api/model'
import { requestProjectUsage, requestUsage } from '../../api/answers'
import { segment } from '../../api/client'
import type { UsageInterval } from '../../api/types'

export interface UsageRequest {
  /** Both absent: the current subscription period, as the API defines it. */
  start?: string
  end?: string
  interval: UsageInterval
}

/** Whose usage a page shows: the organization's, or one of its projects' (`project` set). */
export interface UsageSubject {
  organization: string
  project?: string
}

export const usageQueries = {
  all: (organization: string) => ['organizations', organization, 'usage'] as const,
  /**
   * Usage of one range; every request input is in the key. The answer is either generation's
   * (per object type and metric, or credits per project), recognised by its shape.
   */
  range: (organization: string, { start, end, interval }: UsageRequest) =>
    queryOptions({
      queryKey: [
        ...usageQueries.all(organization),
        { start: start ?? null, end: end ?? null, interval },
      ] as const,
      queryFn: ({ signal }) =>
        requestUsage(`/organizations/${segment(organization)}/usage`, {
          signal,
          query: { start_date: start, end_date: end, interval },
        }),
      // Switching range or interval keeps the last chart on screen until the new one arrives;
      // another organization's numbers (nor a project's, whose key is longer) are never shown in the meantime.
      placeholderData: (previous, previousQuery) =>
        previousQuery?.queryKey[1] === organization && previousQuery.queryKey.length === 4
          ? previous
          : undefined,
    }),
  /**
   * A project's usage of one range (`GET /projects/{name}/usage`): per object type and metric
   * (2022) or credits per deployment version (current). Under the organization's key, so that
   * whatever refreshes the organization's usage refreshes its projects' too.
   */
  project: (organization: string, project: string, { start, end, interval }: UsageRequest) =>
    queryOptions({
      queryKey: [
        ...usageQueries.all(organization),
        'projects',
        project,
        { start: start ?? null, end: end ?? null, interval },
      ] as const,
      queryFn: ({ signal }) =>
        requestProjectUsage(`/projects/${segment(project)}/usage`, {
          signal,
          query: { start_date: start, end_date: end, interval },
        }),
      // As the organization's: the last chart stays while another range of the same project loads.
      placeholderData: (previous, previousQuery) =>
        previousQuery?.queryKey[1] === organization && previousQuery.queryKey[4] === project
          ? previous
          : undefined,
    }),
  /**
   * The usage of a subject (../model/levels.ts `UsageScope`): the organization's answer, or the
   * project's, with the same key and options as `range` and `project` give them.
   */
  of: (subject: UsageSubject, request: UsageRequest) => {
    const { queryKey, queryFn, placeholderData } =
      subject.project === undefined
        ? usageQueries.range(subject.organization, request)
        : usageQueries.project(subject.organization, subject.project, request)
    return queryOptions<
      UsageAnswer | ProjectUsageAnswer,
      Error,
      UsageAnswer | ProjectUsageAnswer,
      readonly unknown[]
    >({
      queryKey,
      queryFn: queryFn as QueryFunction<UsageAnswer | ProjectUsageAnswer, readonly unknown[]>,
      // Another subject's answer is never its placeholder: the key's subject is checked by each.
      placeholderData: placeholderData as never,
    })
  },
}
