import { describe, expect, it } from 'vitest'
import type { RoleAssignment } from '../../../api/model'
import type { Member } from '../../../api/types'
import {
  accessCsvFileName,
  accessCsvRows,
  accessToCsv,
  buildAccessMatrix,
  compareMembers,
  filterAccessMatrix,
  NO_FILTER,
  readAccessFilter,
  type ProjectRoles,
  roleShortName,
  writeAccessFilter,
} from './access-matrix'

const member = (id: string, email: string, admin = false, name = ''): Member => ({
  id,
  email,
  name,
  surname: '',
  admin,
})
const grant = (userId: string, projectName: string, role: string): RoleAssignment => ({
  id: `${projectName}:${userId}:${role}`,
  projectName,
  userId,
  role,
})

const members = [
  member('u-ann', 'ann@x.example', true, 'Ann'),
  member('u-bob', 'bob@x.example'),
  member('u-cy', 'cy@x.example'),
  member('u-dee', '=dee@x.example'),
]
const assignments = [
  grant('u-ann', 'alpha', 'project-admin'),
  grant('u-ann', 'beta', 'project-admin'),
  grant('u-bob', 'alpha', 'project-editor'),
  grant('u-bob', 'beta', 'project-admin'),
  grant('u-cy', 'alpha', 'project-viewer'),
  grant('u-gone', 'alpha', 'project-viewer'),
]
/** Every project ready, with the assignments of its name. */
const ready = (projects: readonly string[], all: readonly RoleAssignment[]): ProjectRoles[] =>
  projects.map((project) => ({
    project,
    state: 'ready',
    assignments: all.filter((assignment) => assignment.projectName === project),
  }))
const matrix = buildAccessMatrix(members, ready(['alpha', 'beta', 'gamma'], assignments))

describe('buildAccessMatrix', () => {
  it('puts each member’s roles in their project’s cell, rows by email', () => {
    expect(matrix.rows.map((row) => row.member.email)).toEqual([
      '=dee@x.example',
      'ann@x.example',
      'bob@x.example',
      'cy@x.example',
    ])
    const bob = matrix.rows.find((row) => row.member.id === 'u-bob')!
    expect(bob.cells.get('alpha')?.map((a) => a.role)).toEqual(['project-editor'])
    expect(bob.cells.get('gamma')).toBeUndefined()
  })

  it('flags members with no role anywhere and projects whose only project admins are organization admins', () => {
    expect(matrix.rows.filter((row) => row.hasNoRole).map((row) => row.member.id)).toEqual(['u-dee'])
    expect(matrix.columns).toEqual([
      { project: 'alpha', state: 'ready', lacksProjectAdmin: true }, // only Ann, an organization admin
      { project: 'beta', state: 'ready', lacksProjectAdmin: false }, // Bob is a project admin of his own
      { project: 'gamma', state: 'ready', lacksProjectAdmin: true }, // nobody
    ])
    expect(matrix).toMatchObject({ loadingCount: 0, isComplete: true })
  })

  it('counts and flags a project only once its roles are in', () => {
    const [alpha, beta] = ready(['alpha', 'beta'], assignments)
    const loading = buildAccessMatrix(members, [alpha!, { project: 'beta', state: 'loading' }])
    expect(loading.columns[1]).toEqual({ project: 'beta', state: 'loading', lacksProjectAdmin: false })
    expect(loading).toMatchObject({ loadingCount: 1, isComplete: false })
    const bob = loading.rows.find((row) => row.member.id === 'u-bob')!
    expect(bob.cells.has('beta')).toBe(false)
    // In: the same project, flagged by what its answer holds (Bob is its own admin), counted.
    const settled = buildAccessMatrix(members, [alpha!, beta!])
    expect(settled.columns[1]).toEqual({ project: 'beta', state: 'ready', lacksProjectAdmin: false })
    expect(settled).toMatchObject({ loadingCount: 0, isComplete: true })
  })

  it('never flags a project whose roles are hidden from the viewer or failed, and is then not complete', () => {
    const [alpha] = ready(['alpha'], assignments)
    const partial = buildAccessMatrix(members, [
      alpha!,
      { project: 'beta', state: 'hidden' },
      { project: 'gamma', state: 'failed' },
    ])
    expect(partial.columns.map((column) => column.lacksProjectAdmin)).toEqual([true, false, false])
    expect(partial).toMatchObject({ loadingCount: 0, isComplete: false })
  })

  it('leaves out the assignments of users who are not members', () => {
    expect(matrix.rows.flatMap((row) => [...row.cells.values()].flat()).map((a) => a.userId)).not.toContain(
      'u-gone',
    )
  })
})

describe('filterAccessMatrix', () => {
  it('searches email and name, in any case', () => {
    expect(filterAccessMatrix(matrix, { ...NO_FILTER, q: 'ANN' }).rows.map((r) => r.member.id)).toEqual([
      'u-ann',
    ])
    expect(filterAccessMatrix(matrix, { ...NO_FILTER, q: 'x.example' }).rows).toHaveLength(4)
  })

  it('keeps one project’s column and the members who hold a role there', () => {
    const view = filterAccessMatrix(matrix, { ...NO_FILTER, project: 'beta' })
    expect(view.columns.map((c) => c.project)).toEqual(['beta'])
    expect(view.rows.map((r) => r.member.id)).toEqual(['u-ann', 'u-bob'])
  })

  it('keeps the holders of a role and shows only that role', () => {
    const view = filterAccessMatrix(matrix, { ...NO_FILTER, role: 'project-admin' })
    expect(view.rows.map((r) => r.member.id)).toEqual(['u-ann', 'u-bob'])
    const bob = view.rows[1]!
    expect(view.cellOf(bob, 'alpha')).toEqual([])
    expect(view.cellOf(bob, 'beta').map((a) => a.role)).toEqual(['project-admin'])
  })

  it('"none" keeps the members who cannot do anything yet', () => {
    expect(filterAccessMatrix(matrix, { ...NO_FILTER, role: 'none' }).rows.map((r) => r.member.id)).toEqual([
      'u-dee',
    ])
  })

  it('an unknown project shows no column and no member', () => {
    const view = filterAccessMatrix(matrix, { ...NO_FILTER, project: 'nope' })
    expect(view.columns).toEqual([])
    expect(view.rows).toEqual([])
  })

  it('keeps a role held only outside the shown projects out of the role filter', () => {
    // cy's only role is in alpha; with alpha filtered away by project, the viewer filter finds nobody there.
    const view = filterAccessMatrix(matrix, { ...NO_FILTER, project: 'beta', role: 'project-viewer' })
    expect(view.rows).toEqual([])
    expect(
      filterAccessMatrix(matrix, { ...NO_FILTER, role: 'project-viewer' }).rows.map((r) => r.member.id),
    ).toEqual(['u-cy'])
  })

  it('hands the next keystroke the same columns and cell reader, for the grid’s memoized rows', () => {
    const filter = { ...NO_FILTER, project: 'beta', role: 'project-admin' }
    const first = filterAccessMatrix(matrix, { ...filter, q: 'a' })
    const next = filterAccessMatrix(matrix, { ...filter, q: 'an' })
    expect(next.columns).toBe(first.columns)
    expect(next.cellOf).toBe(first.cellOf)
    expect(filterAccessMatrix(matrix, NO_FILTER).columns).toBe(matrix.columns)
    expect(filterAccessMatrix(matrix, { ...filter, role: '' }).cellOf).not.toBe(first.cellOf)
  })

  it('finds the members of a search among 10,000 × 40 projects', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => member(`u${i}`, `person${i}@big.example`))
    const projects = Array.from({ length: 40 }, (_, i) => `p${i}`)
    const grants = many.flatMap((m, i) => [grant(m.id, `p${i % 40}`, 'project-viewer')])
    const big = buildAccessMatrix(many, ready(projects, grants))
    expect(filterAccessMatrix(big, { ...NO_FILTER, q: 'person12' }).rows).toHaveLength(111)
  })
})

describe('access CSV', () => {
  it('has one row per role shown, and members without a role once with empty cells', () => {
    const view = filterAccessMatrix(matrix, NO_FILTER)
    expect(accessCsvRows(view)).toEqual([
      ['=dee@x.example', '', ''],
      ['ann@x.example', 'alpha', 'project-admin'],
      ['ann@x.example', 'beta', 'project-admin'],
      ['bob@x.example', 'alpha', 'project-editor'],
      ['bob@x.example', 'beta', 'project-admin'],
      ['cy@x.example', 'alpha', 'project-viewer'],
    ])
  })

  it('is exactly the filtered view, with a header, CRLF and the formula guard', () => {
    const csv = accessToCsv(filterAccessMatrix(matrix, { ...NO_FILTER, role: 'none' }))
    expect(csv).toBe(`email,project,role\r\n"'=dee@x.example",,`)
  })

  it('names the file after the organization, and says when it is filtered', () => {
    expect(accessCsvFileName('acme', NO_FILTER)).toBe('access-acme.csv')
    expect(accessCsvFileName('acme', { ...NO_FILTER, role: 'project-admin' })).toBe(
      'access-acme-filtered.csv',
    )
  })
})

describe('the filter in the address', () => {
  it('reads and writes q, project and role, leaving empty ones out and others alone', () => {
    const params = new URLSearchParams('tab=x&q=ann')
    expect(readAccessFilter(params)).toEqual({ q: 'ann', project: '', role: '' })
    expect(writeAccessFilter(params, { q: '', project: 'alpha' }).toString()).toBe('tab=x&project=alpha')
  })
})

describe('roleShortName and compareMembers', () => {
  it('writes the default roles short and a project’s own role as it is', () => {
    expect(['project-admin', 'project-editor', 'project-viewer', 'auditor'].map(roleShortName)).toEqual([
      'admin',
      'editor',
      'viewer',
      'auditor',
    ])
  })

  it('orders members by email as a person reads it: any case, numbers as numbers', () => {
    const sorted = [member('a', 'b.10@x'), member('b', 'B.9@x'), member('c', 'a@x')].sort(compareMembers)
    expect(sorted.map((m) => m.email)).toEqual(['a@x', 'B.9@x', 'b.10@x'])
  })
})
