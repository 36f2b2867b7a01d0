import { describe, expect, it } from 'vitest'
import type { RoleAssignment } from '../../../api/model'
import { rolesOfMember, rolesToGive } from './member-access'

const assignment = (id: string, projectName: string, userId: string, role: string): RoleAssignment => ({
  id,
  projectName,
  userId,
  role,
})
const zeta = [
  assignment('1', 'zeta', 'u-1', 'project-viewer'),
  assignment('2', 'zeta', 'u-1', 'project-admin'),
]
const alpha = [
  assignment('3', 'alpha', 'u-1', 'project-editor'),
  assignment('4', 'alpha', 'u-2', 'project-admin'),
]

describe('rolesOfMember', () => {
  it('gathers one member’s roles over every project, by project then role', () => {
    expect(rolesOfMember('u-1', [zeta, alpha]).map((x) => x.id)).toEqual(['3', '2', '1'])
    expect(rolesOfMember('u-3', [zeta, alpha])).toEqual([])
  })
})

describe('rolesToGive', () => {
  it('offers the project’s roles the member does not hold there yet', () => {
    const roles = ['project-admin', 'project-editor', 'project-viewer']
    const held = rolesOfMember('u-1', [zeta, alpha])
    expect(rolesToGive(roles, held, 'zeta')).toEqual(['project-editor'])
    expect(rolesToGive(roles, held, 'alpha')).toEqual(['project-admin', 'project-viewer'])
  })
})
