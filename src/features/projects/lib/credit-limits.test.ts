import { describe, expect, it } from 'vitest'
import type { Project } from '../../../api/model'
import { splitBudget, suspendedFirst } from './credit-limits'

const project = (name: string, suspended = false): Project => ({
  id: name,
  name,
  organizationName: 'acme',
  creationDate: '2026-01-01T00:00:00Z',
  generation: 'current',
  creditLimit: null,
  suspended,
  suspendedReason: null,
})

describe('suspendedFirst', () => {
  it('puts suspended projects first, each group by name', () => {
    const names = suspendedFirst([project('b'), project('d', true), project('a'), project('c', true)]).map(
      (p) => p.name,
    )
    expect(names).toEqual(['c', 'd', 'a', 'b'])
  })
})

describe('splitBudget', () => {
  it('proposes limits proportional to each project’s credits, never passing the budget', () => {
    const proposed = splitBudget(1000, [
      { project: 'heavy', used: 600 },
      { project: 'light', used: 300 },
      { project: 'tiny', used: 100 },
    ])
    expect(proposed).toEqual([
      { project: 'heavy', share: 0.6, limit: 600 },
      { project: 'light', share: 0.3, limit: 300 },
      { project: 'tiny', share: 0.1, limit: 100 },
    ])
  })

  it('rounds down to whole credits', () => {
    const proposed = splitBudget(100, [
      { project: 'a', used: 1 },
      { project: 'b', used: 1 },
      { project: 'c', used: 1 },
    ])
    expect(proposed.map((p) => p.limit)).toEqual([33, 33, 33])
    expect(proposed.reduce((sum, p) => sum + p.limit, 0)).toBeLessThanOrEqual(100)
  })

  it('splits equally when nothing was used, and proposes nothing without projects', () => {
    expect(
      splitBudget(90, [
        { project: 'a', used: 0 },
        { project: 'b', used: 0 },
      ]).map((p) => p.limit),
    ).toEqual([45, 45])
    expect(splitBudget(90, [])).toEqual([])
  })
})
