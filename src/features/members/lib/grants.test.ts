import { describe, expect, it } from 'vitest'
import { failedGrants, grantsToSend, mergeResults, type GrantResult } from './grants'

describe('grantsToSend', () => {
  it('drops blank and repeated pairs, keeping the order', () => {
    expect(
      grantsToSend([
        { project: 'a', role: 'project-viewer' },
        { project: '', role: 'project-viewer' },
        { project: 'b', role: 'project-admin' },
        { project: 'a', role: 'project-viewer' },
      ]),
    ).toEqual([
      { project: 'a', role: 'project-viewer' },
      { project: 'b', role: 'project-admin' },
    ])
  })
})

describe('retrying failed grants', () => {
  const first: GrantResult[] = [
    { project: 'a', role: 'project-viewer', ok: true },
    { project: 'b', role: 'project-admin', ok: false, error: 'Server error' },
  ]

  it('retries only what failed', () => {
    expect(failedGrants(first)).toEqual([{ project: 'b', role: 'project-admin' }])
  })

  it('keeps what worked and puts each retried pair’s outcome in its place', () => {
    const merged = mergeResults(first, [{ project: 'b', role: 'project-admin', ok: true }])
    expect(merged).toEqual([
      { project: 'a', role: 'project-viewer', ok: true },
      { project: 'b', role: 'project-admin', ok: true },
    ])
    expect(failedGrants(merged)).toEqual([])
  })
})
