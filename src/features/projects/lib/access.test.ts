import { describe, expect, it } from 'vitest'
import type { RoleAssignment } from '../../../api/model'
import { rolesByUser, yourRoleLabel } from './access'

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

describe('rolesByUser', () => {
  const a = [assignment('1', 'p', 'u-1', 'project-viewer'), assignment('2', 'p', 'u-1', 'project-admin')]

  it('groups a project’s assignments by user, roles sorted', () => {
    expect(
      rolesByUser(a)
        .get('u-1')
        ?.map((x) => x.role),
    ).toEqual(['project-admin', 'project-viewer'])
    expect(rolesByUser(a).get('u-2')).toBeUndefined()
  })
})
