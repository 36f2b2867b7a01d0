import { describe, expect, it } from 'vitest'
import type { Organization } from '../../../api/model'
import { applyListView, readListView, writeListView } from './list-view'

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
