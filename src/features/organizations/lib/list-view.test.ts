import { describe, expect, it } from 'vitest'
import type { Organization } from '../../../api/model'
import {
  applyListView,
  compareGlanceValues,
  nextSort,
  readListView,
  SORTS,
  writeListView,
  type GlanceColumn,
  type GlanceValue,
} from './list-view'

const org = (name: string, creation_date: string): Organization => ({ id: name, name, creation_date })
const orgs = [
  org('beta', '2024-03-01T00:00:00.000000Z'),
  org('alpha', '2024-05-01T00:00:00.000000Z'),
  org('alphabet', '2023-01-01T00:00:00.000000Z'),
]

describe('readListView', () => {
  it('reads q and sort', () => {
    expect(readListView(new URLSearchParams('q=al&sort=-created'))).toEqual({ query: 'al', sort: '-created' })
  })
  it('falls back to the default sort for an unknown one', () => {
    expect(readListView(new URLSearchParams('sort=size'))).toEqual({ query: '', sort: 'name' })
    expect(readListView(new URLSearchParams('sort=toString'))).toEqual({ query: '', sort: 'name' })
  })
})

describe('writeListView', () => {
  it('sets and removes params, keeping others', () => {
    const params = writeListView(new URLSearchParams('other=1&q=x'), { query: 'al', sort: 'created' })
    expect(params.toString()).toBe('other=1&q=al&sort=created')
    expect(writeListView(params, { query: '', sort: 'name' }).toString()).toBe('other=1')
  })
})

describe('applyListView', () => {
  it('filters by name, case-insensitively', () => {
    expect(applyListView(orgs, { query: ' ALP ', sort: 'name' }).map((o) => o.name)).toEqual([
      'alpha',
      'alphabet',
    ])
  })
  it('sorts by name both ways', () => {
    expect(applyListView(orgs, { query: '', sort: '-name' }).map((o) => o.name)).toEqual([
      'beta',
      'alphabet',
      'alpha',
    ])
  })
  it('sorts by creation date both ways', () => {
    expect(applyListView(orgs, { query: '', sort: '-created' }).map((o) => o.name)).toEqual([
      'alpha',
      'beta',
      'alphabet',
    ])
    expect(applyListView(orgs, { query: '', sort: 'created' }).map((o) => o.name)).toEqual([
      'alphabet',
      'beta',
      'alpha',
    ])
  })
  it('does not change its input', () => {
    const copy = [...orgs]
    applyListView(orgs, { query: '', sort: '-name' })
    expect(orgs).toEqual(copy)
  })
})

describe('the glance sorts', () => {
  it('reads every column both ways from the URL, and a header click turns a sort around', () => {
    for (const sort of ['subscription', '-days-left', 'members', '-credits', 'projection'] as const)
      expect(readListView(new URLSearchParams(`sort=${sort}`)).sort).toBe(sort)
    expect(Object.keys(SORTS)).toHaveLength(14)
    expect(nextSort('name', 'members')).toBe('members')
    expect(nextSort('members', 'members')).toBe('-members')
    expect(nextSort('-members', 'members')).toBe('members')
  })

  const ready = (value: number | string | null): GlanceValue => ({ status: 'ready', value })
  const pending: GlanceValue = { status: 'pending' }
  const failed: GlanceValue = { status: 'error' }

  it('compares numbers as numbers and text by locale, either way', () => {
    expect(compareGlanceValues(ready(9), ready(10), false)).toBeLessThan(0)
    expect(compareGlanceValues(ready(9), ready(10), true)).toBeGreaterThan(0)
    expect(compareGlanceValues(ready('enterprise'), ready('free'), false)).toBeLessThan(0)
    expect(compareGlanceValues(ready(3), ready(3), true)).toBe(0)
  })

  it('puts rows with nothing to show, then failed rows, then loading rows last in both directions', () => {
    for (const descending of [false, true]) {
      expect(compareGlanceValues(ready(1), ready(null), descending)).toBeLessThan(0)
      expect(compareGlanceValues(ready(null), failed, descending)).toBeLessThan(0)
      expect(compareGlanceValues(failed, pending, descending)).toBeLessThan(0)
      expect(compareGlanceValues(pending, ready(1_000), descending)).toBeGreaterThan(0)
      expect(compareGlanceValues(pending, pending, descending)).toBe(0)
    }
  })

  it('sorts by a glance column, loading rows last in name order, ties by name', () => {
    const members: Record<string, GlanceValue> = {
      beta: ready(3),
      alpha: pending,
      alphabet: ready(3),
      gamma: ready(12),
      delta: failed,
    }
    const list = [...orgs, org('gamma', '2022-01-01T00:00:00Z'), org('delta', '2022-01-01T00:00:00Z')]
    const valueOf = (o: { name: string }, column: GlanceColumn) => {
      expect(column).toBe('members')
      return members[o.name]!
    }
    const names = (sort: 'members' | '-members') =>
      applyListView(list, { query: '', sort }, valueOf).map((o) => o.name)
    expect(names('members')).toEqual(['alphabet', 'beta', 'gamma', 'delta', 'alpha'])
    expect(names('-members')).toEqual(['gamma', 'alphabet', 'beta', 'delta', 'alpha'])
    // Without values (the glance not loaded yet): every row pending, in name order.
    expect(applyListView(list, { query: '', sort: '-credits' }).map((o) => o.name)).toEqual([
      'alpha',
      'alphabet',
      'beta',
      'delta',
      'gamma',
    ])
  })
})
