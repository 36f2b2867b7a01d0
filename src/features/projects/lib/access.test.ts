import { describe, expect, it } from 'vitest'
import type { RoleAssignment } from '../../../api/model'
import { accessOf, rolesByUser, rolesToGive, yourRoleLabel } from './access'

const assignment = (id: string, projectName: string, userId: string, role: string): RoleAssignment => ({
  id,
  projectName,
  userId,
  role,
})

describe('yourRoleLabel', () => {
  it('names organization admins as such, whatever they hold in the project', () => {
    expect(yourRoleLabel({ isOrganizationAdmin: true, ownRoles: ['project-viewer'] })).toBe(
      'Organization admin',
    )
  })
  it('lists the roles a member holds, and says "Project member" when none can be read', () => {
    expect(
      yourRoleLabel({ isOrganizationAdmin: false, ownRoles: ['project-viewer', 'project-editor'] }),
    ).toBe('project-editor, project-viewer')
    expect(yourRoleLabel({ isOrganizationAdmin: false, ownRoles: null })).toBe('Project member')
    expect(yourRoleLabel({ isOrganizationAdmin: false, ownRoles: [] })).toBe('Project member')
    expect(yourRoleLabel({ isOrganizationAdmin: false, ownRoles: undefined })).toBeUndefined()
  })
})

describe('rolesByUser and accessOf', () => {
  const a = [assignment('1', 'p', 'u-1', 'project-viewer'), assignment('2', 'p', 'u-1', 'project-admin')]
  const b = [
    assignment('3', 'alpha', 'u-1', 'project-editor'),
    assignment('4', 'alpha', 'u-2', 'project-admin'),
  ]

  it('groups a project’s assignments by user, roles sorted', () => {
    expect(
      rolesByUser(a)
        .get('u-1')
        ?.map((x) => x.role),
    ).toEqual(['project-admin', 'project-viewer'])
    expect(rolesByUser(a).get('u-2')).toBeUndefined()
  })

  it('gathers one user’s roles over every project, by project', () => {
    expect(accessOf('u-1', [a, b]).map((x) => x.id)).toEqual(['3', '2', '1'])
    expect(accessOf('u-3', [a, b])).toEqual([])
  })

  it('offers only roles not held yet', () => {
    expect(rolesToGive(['project-admin', 'project-editor', 'project-viewer'], a)).toEqual(['project-editor'])
  })
})
