import { describe, expect, it } from 'vitest'
import type { RoleAssignment } from '../../../api/model'
import { isRoleChange, roleChangeSentence, rolesLabel } from './service-user-roles'

const held = (...roles: string[]): RoleAssignment[] =>
  roles.map((role, index) => ({ id: `a${index}`, projectName: 'churn', userId: 'bot-id', role }))
const bot = { name: 'ci-bot', projectName: 'churn' }

describe('rolesLabel', () => {
  it('names the roles held, or says there is none', () => {
    expect(rolesLabel([])).toBe('No role')
    expect(rolesLabel(held('project-editor'))).toBe('project-editor')
    expect(rolesLabel(held('project-admin', 'project-viewer'))).toBe('project-admin, project-viewer')
  })
})

describe('roleChangeSentence', () => {
  it('says what the token may do afterwards', () => {
    expect(roleChangeSentence(bot, held('project-viewer'), 'project-editor')).toBe(
      'ci-bot holds project-editor in churn instead of project-viewer, and its token works with that role at once.',
    )
    expect(roleChangeSentence(bot, [], 'project-viewer')).toBe(
      'ci-bot holds project-viewer in churn, and its token works with that role at once.',
    )
    expect(roleChangeSentence(bot, held('project-viewer', 'project-editor'), null)).toBe(
      'ci-bot loses project-viewer and project-editor: its token can do nothing in churn until it is given a role again.',
    )
  })

  it('says when nothing changes', () => {
    expect(roleChangeSentence(bot, held('project-editor'), 'project-editor')).toBe(
      'ci-bot already holds project-editor in churn; nothing changes.',
    )
    expect(roleChangeSentence(bot, [], null)).toBe('ci-bot holds no role in churn; nothing changes.')
  })
})

describe('isRoleChange', () => {
  it('is a change unless the one role wanted is exactly what is held', () => {
    expect(isRoleChange(held('project-editor'), 'project-editor')).toBe(false)
    expect(isRoleChange([], null)).toBe(false)
    expect(isRoleChange(held('project-editor'), 'project-viewer')).toBe(true)
    expect(isRoleChange(held('project-editor', 'project-viewer'), 'project-editor')).toBe(true)
    expect(isRoleChange(held('project-editor'), null)).toBe(true)
    expect(isRoleChange([], 'project-viewer')).toBe(true)
  })
})
