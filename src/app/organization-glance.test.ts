import { describe, expect, it } from 'vitest'
import type { OrganizationDetail, Resources, UsageAnswer } from '../api/model'
import { createLimiter } from '../lib/limiter'
import { formatGlance, glanceRow, throughLimiter } from './organization-glance'

const now = new Date('2026-11-02T12:00:00Z')
const detail: OrganizationDetail = {
  id: 'id-1',
  name: 'acme',
  creation_date: '2026-01-01T00:00:00Z',
  subscription: 'professional',
  status: 'active',
}
const resources: Resources = {
  projects: 1,
  users: 1234,
  deployments: 0,
  deployment_versions: 0,
  pipelines: 0,
  pipeline_versions: 0,
}
const usage: UsageAnswer = {
  generation: '2022',
  series: [
    {
      object_type: 'deployment_version',
      metric: 'credits',
      usage: [
        { start_date: '2026-11-01T00:00:00Z', end_date: '2026-11-02T00:00:00Z', value: 10 },
        { start_date: '2026-11-02T00:00:00Z', end_date: '2026-11-03T00:00:00Z', value: 5 },
        { start_date: '2026-11-30T00:00:00Z', end_date: '2026-12-01T00:00:00Z', value: 0 },
      ],
    },
    { object_type: 'deployment_version', metric: 'input_volume', usage: [] },
  ],
}
const ok = <T>(data: T) => ({ status: 'success' as const, data, isFetching: false })
const pending = { status: 'pending' as const, data: undefined, isFetching: true }
const failed = { status: 'error' as const, data: undefined, isFetching: false }

describe('glanceRow', () => {
  it('reads the subscription, the member count and the period credits of one organization', () => {
    expect(glanceRow(ok(detail), ok(resources), ok(usage), now)).toEqual({
      subscription: { status: 'ready', value: 'professional' },
      members: { status: 'ready', value: 1234 },
      'days-left': { status: 'ready', value: 29 },
      credits: { status: 'ready', value: 15 },
      // 15 credits in 1.5 of 30 days (today counts for the half of it that has passed, as every
      // projection does): 300 at that pace.
      projection: { status: 'ready', value: 300 },
    })
  })

  it('keeps each query to its own cells: one failing or loading leaves the others as they are', () => {
    const row = glanceRow(failed, ok(resources), pending, now)
    expect(row.subscription).toEqual({ status: 'error' })
    expect(row.members).toEqual({ status: 'ready', value: 1234 })
    expect(row.credits).toEqual({ status: 'pending' })
    // Asked again after a failure (Retry): loading, not failed.
    expect(glanceRow({ ...failed, isFetching: true }, ok(resources), ok(usage), now).subscription).toEqual({
      status: 'pending',
    })
  })
})

describe('formatGlance', () => {
  it('writes each column as its cell shows it', () => {
    expect(formatGlance('subscription', 'enterprise')).toBe('Enterprise')
    expect(formatGlance('days-left', 1)).toBe('1 day')
    expect(formatGlance('days-left', 12)).toBe('12 days')
    expect(formatGlance('members', 10_000)).toBe('10,000')
    expect(formatGlance('credits', 1484124.456)).toBe('1,484,124.46')
  })
})

describe('throughLimiter', () => {
  it('keeps the key and sends the request through the limiter, grouped by organization', async () => {
    const limiter = createLimiter(1)
    let release!: () => void
    const blocker = limiter.run(() => new Promise<void>((resolve) => (release = resolve)), { group: 'other' })
    const calls: string[] = []
    const options = throughLimiter(
      { queryKey: ['organizations', 'acme', 'detail'], queryFn: async () => calls.push('acme') },
      'acme',
      limiter,
    )
    expect(options.queryKey).toEqual(['organizations', 'acme', 'detail'])
    const answer = (options.queryFn as (context: { signal: AbortSignal }) => Promise<number>)({
      signal: new AbortController().signal,
    })
    await Promise.resolve()
    expect(calls).toEqual([]) // waits for the other organization's slot
    release()
    await blocker
    await expect(answer).resolves.toBe(1)
    expect(calls).toEqual(['acme'])
  })
})
