import { queryOptions } from '@tanstack/react-query'
import { requestUsage } from '../../api/answers'
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
}
