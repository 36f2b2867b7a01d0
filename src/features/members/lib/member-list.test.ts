import { describe, expect, it } from 'vitest'
import type { Member } from '../../../api/types'
import {
  DEFAULT_VIEW,
  displayName,
  filterIndex,
  indexMembers,
  onlyAdminId,
  readListView,
  selectMembers,
  sortIndex,
  writeListView,
} from './member-list'

const member = (email: string, name = '', surname = '', admin = false): Member => ({
  id: email,
  email,
  name,
  surname,
  admin,
})

const members = [
  member('carol@x.com', 'Carol', 'Zed', true),
  member('ann@x.com', 'Ann', 'Young'),
  member('bob@x.com', '', '', false),
  member('dave@x.com', 'Dave', 'Adams', true),
]
const index = indexMembers(members)
const emailsOf = (rows: Member[]) => rows.map((row) => row.email)

describe('list view in the URL', () => {
  it('reads defaults from empty params and ignores unknown values', () => {
    expect(readListView(new URLSearchParams())).toEqual(DEFAULT_VIEW)
    expect(readListView(new URLSearchParams('role=owner&sort=age&dir=up'))).toEqual(DEFAULT_VIEW)
  })

  it('round-trips a view, leaves defaults out and keeps other params', () => {
    const params = writeListView(new URLSearchParams('other=1'), {
      q: 'ann',
      role: 'admin',
      sort: 'name',
      dir: 'desc',
    })
    expect(params.toString()).toBe('other=1&q=ann&role=admin&sort=name&dir=desc')
    expect(readListView(params)).toEqual({ q: 'ann', role: 'admin', sort: 'name', dir: 'desc' })
    expect(writeListView(params, { q: '', role: 'all', sort: 'email', dir: 'asc' }).toString()).toBe(
      'other=1',
    )
  })
})

describe('filtering', () => {
  it('searches email, name, surname and full name, case-insensitively', () => {
    expect(emailsOf(filterIndex(index, 'BOB@', 'all'))).toEqual(['bob@x.com'])
    expect(emailsOf(filterIndex(index, 'young', 'all'))).toEqual(['ann@x.com'])
    expect(emailsOf(filterIndex(index, 'ann young', 'all'))).toEqual(['ann@x.com'])
    expect(emailsOf(filterIndex(index, 'adams dave', 'all'))).toEqual(['dave@x.com'])
    expect(emailsOf(filterIndex(index, '  ', 'all'))).toHaveLength(4)
  })

  it('filters by role', () => {
    expect(emailsOf(filterIndex(index, '', 'admin'))).toEqual(['carol@x.com', 'dave@x.com'])
    expect(emailsOf(filterIndex(index, '', 'member'))).toEqual(['ann@x.com', 'bob@x.com'])
  })
})

describe('sorting', () => {
  const sorted = (sort: Parameters<typeof sortIndex>[1], dir: 'asc' | 'desc') =>
    sortIndex(index, sort, dir).map((row) => row.member.email)

  it('sorts by email both ways', () => {
    expect(sorted('email', 'asc')).toEqual(['ann@x.com', 'bob@x.com', 'carol@x.com', 'dave@x.com'])
    expect(sorted('email', 'desc')).toEqual(['dave@x.com', 'carol@x.com', 'bob@x.com', 'ann@x.com'])
  })

  it('sorts by surname, with blank names last in both directions', () => {
    expect(sorted('surname', 'asc')).toEqual(['dave@x.com', 'ann@x.com', 'carol@x.com', 'bob@x.com'])
    expect(sorted('surname', 'desc')).toEqual(['carol@x.com', 'ann@x.com', 'dave@x.com', 'bob@x.com'])
  })

  it('sorts admins first by role, ties by email', () => {
    expect(sorted('role', 'asc')).toEqual(['carol@x.com', 'dave@x.com', 'ann@x.com', 'bob@x.com'])
  })

  it('filters and sorts together without changing the input', () => {
    expect(emailsOf(selectMembers(index, { q: 'x.com', role: 'admin', sort: 'name', dir: 'desc' }))).toEqual([
      'dave@x.com',
      'carol@x.com',
    ])
    expect(index.map((row) => row.member.email)[0]).toBe('carol@x.com')
  })

  // Its speed is a figure of bench/members-list.ts (speed belongs in bench/, not in timed tests).
  it('filters 10,000 members: every match, in the index order, and nothing else', () => {
    const many = indexMembers(Array.from({ length: 10_000 }, (_, i) => member(`user${i}@x.com`, `Name${i}`)))
    const found = emailsOf(filterIndex(many, ' NAME99 ', 'all'))
    // Name99, Name990..Name999, Name9900..Name9999
    const expected = [
      99,
      ...Array.from({ length: 10 }, (_, i) => 990 + i),
      ...Array.from({ length: 100 }, (_, i) => 9900 + i),
    ]
    expect(found).toEqual(expected.map((i) => `user${i}@x.com`))
  })
})

describe('helpers', () => {
  it('shows the full name, or the email when there is none', () => {
    expect(displayName(members[0]!)).toBe('Carol Zed')
    expect(displayName(members[2]!)).toBe('bob@x.com')
  })

  it('finds the only admin, and nobody when there are none or several', () => {
    expect(onlyAdminId(members)).toBeNull()
    expect(onlyAdminId(members.slice(0, 3))).toBe('carol@x.com')
    expect(onlyAdminId(members.slice(1, 3))).toBeNull()
  })
})
