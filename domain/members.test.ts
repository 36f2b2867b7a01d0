import { describe, expect, it } from 'vitest'
import { adminsAfter, lastAdminProblem, onlyAdminId } from './members'

const members = [
  { id: 'a1', admin: true },
  { id: 'a2', admin: true },
  { id: 'm1', admin: false },
]
const ids = (...values: string[]) => new Set(values)

describe('the last-admin rule', () => {
  it('counts the admins left after a change of some members', () => {
    expect(adminsAfter(members, ids('a1'), 'remove')).toBe(1)
    expect(adminsAfter(members, ids('a1', 'a2'), 'make-member')).toBe(0)
    expect(adminsAfter(members, ids('m1'), 'make-admin')).toBe(3)
    expect(adminsAfter(members, ids('m1'), 'remove')).toBe(2)
  })

  it('refuses a change that leaves no admin, whether one member or many', () => {
    expect(lastAdminProblem(members, ids('a1', 'a2'), 'remove', 'acme')).toMatch(
      /^Removing all of these would leave acme without an admin/,
    )
    expect(lastAdminProblem(members, ids('a1', 'a2', 'm1'), 'make-member', 'acme')).toMatch(
      /without an admin/,
    )
    expect(lastAdminProblem([{ id: 'a1', admin: true }], ids('a1'), 'remove', 'acme')).toMatch(
      /^Removing this member/,
    )
  })

  it('allows a change that keeps an admin, and promotions always', () => {
    expect(lastAdminProblem(members, ids('a1', 'm1'), 'remove', 'acme')).toBeNull()
    expect(lastAdminProblem(members, ids('a2'), 'make-member', 'acme')).toBeNull()
    expect(lastAdminProblem([{ id: 'm1', admin: false }], ids('m1'), 'make-admin', 'acme')).toBeNull()
  })

  it('names the only admin', () => {
    expect(onlyAdminId(members)).toBeNull()
    expect(onlyAdminId(members.slice(1))).toBe('a2')
    expect(onlyAdminId(members.slice(2))).toBeNull()
  })
})
