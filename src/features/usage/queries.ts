import { queryOptions } from '@tanstack/react-query'
import { requestProjectUsage, requestUsage } from '../../api/answers'
import { segment } from '../../api/client'
import type { UsageInterval } from '../../api/types'

export interface UsageRequest {
  /** Both absent: the current subscription period, as the API defines it. */
  start?: string
  end?: string
  interval: UsageInterval
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
      // another organization's numbers are never shown in the meantime.
      placeholderData: (previous, previousQuery) =>
        previousQuery?.queryKey[1] === organization ? previous : undefined,
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
}
