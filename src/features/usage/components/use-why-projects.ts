// The projects behind a chosen bucket, for the "why this day" panel: in the current generation the
// organization's answer already holds them (the page's range and its history, ../lib/usage-history.ts);
// the 2022 organization answer has no projects, so each project the viewer may read is asked for its
// own usage over the bucket's window (the bucket and its references), through the one project usage
// query.
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback, useMemo } from 'react'
import type { IsoDate } from '../../../../domain/dates'
import type { ApiGeneration } from '../../../api/model'
import type { UsageInterval } from '../../../api/types'
import { projectQueries } from '../../projects/queries'
import type { Bucket } from '../model/buckets'
import { usageQueries } from '../queries'
import { shownBucket, type ReferenceSeries, type UsageReference } from '../lib/usage-history'
import { creditsOf2022, largestLivePart, partChanges, windowBuckets, windowOf } from '../lib/why-day'

/**
 * The names of the projects whose usage and audit events the viewer may read (the API's project
 * list: every project for an organization's admins, else the viewer's own); undefined while it loads,
 * and not asked at all where no panel can open (`isWanted` false: a project's own usage page).
 */
export function useReadableProjects(
  organization: string,
  isWanted: boolean,
): ReadonlySet<string> | undefined {
  const list = useQuery({ ...projectQueries.list(organization), enabled: isWanted })
  return useMemo(() => list.data && new Set(list.data.map((project) => project.name)), [list.data])
}

/** A project's usage over a bucket's window: the request every part of the panel shares. */
export function windowQuery(organization: string, project: string, bucket: Bucket, interval: UsageInterval) {
  return usageQueries.project(organization, project, { ...windowOf(bucket, interval), interval })
}

/**
 * What to call when a bucket is chosen, before the panel renders: asks at once for the usage the
 * panel's largest project will show (current generation: the organization's answer already names
 * the projects, so the largest is known from what the page holds). The panel takes a render of its
 * own; sent from the choice, the request is on its way during that render instead of after it. The
 * panel's own query then finds it in flight. Nothing is asked for a bucket the panel would not
 * explain (outside the range, not begun) or a project the viewer may not read.
 */
export function usePrefetchWhyDay(
  organization: string,
  generation: ApiGeneration,
  reference: UsageReference,
  today: IsoDate,
  readable: ReadonlySet<string> | undefined,
): (day: IsoDate) => void {
  const queryClient = useQueryClient()
  return useCallback(
    (day: IsoDate) => {
      if (generation !== 'current') return
      const shown = shownBucket(reference, day)
      if (!shown || shown.bucket.start > today) return
      const { index, bucket } = shown
      const largest = largestLivePart(partChanges(reference.parts, index, reference.interval).parts)
      if (largest && readable?.has(largest.label))
        void queryClient.prefetchQuery(windowQuery(organization, largest.label, bucket, reference.interval))
    },
    [queryClient, organization, generation, reference, today, readable],
  )
}

export interface WhyProjects {
  /** Each project's credits on `buckets`. */
  parts: ReferenceSeries[]
  /** The chosen bucket's index in `parts`' values. */
  index: number
  isPending: boolean
  error: Error | null
  retry: () => void
}

/**
 * The projects' credits around the chosen bucket. `current`: the organization's parts, as the page
 * holds them over its range and history, at `index`. 2022: the readable projects' own usage over
 * the bucket's window (the chosen bucket last).
 */
export function useWhyProjects(
  organization: string,
  generation: ApiGeneration,
  bucket: Bucket,
  interval: UsageInterval,
  current: { parts: ReferenceSeries[]; index: number },
  readable: ReadonlySet<string> | undefined,
): WhyProjects {
  const asked = generation === '2022' && readable ? [...readable] : []
  const answers = useQueries({
    queries: asked.map((name) => windowQuery(organization, name, bucket, interval)),
  })
  const buckets = useMemo(() => windowBuckets(bucket, interval), [bucket, interval])
  if (generation === 'current') return { ...current, isPending: false, error: null, retry: () => {} }
  // Another window's answer kept on screen while this one loads is not this bucket's.
  const isPending =
    readable === undefined || answers.some((answer) => answer.isPending || answer.isPlaceholderData)
  const failed = answers.filter((answer) => answer.isError)
  const parts: ReferenceSeries[] = isPending
    ? []
    : asked.map((name, position) => {
        const data = answers[position]!.data
        return {
          id: name,
          label: name,
          isDeleted: false,
          values: data?.generation === '2022' ? creditsOf2022(data.series, buckets) : buckets.map(() => 0),
        }
      })
  return {
    parts,
    index: buckets.length - 1,
    isPending: isPending && failed.length === 0,
    error: failed[0]?.error ?? null,
    retry: () => failed.forEach((answer) => void answer.refetch()),
  }
}
