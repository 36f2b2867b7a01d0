import { describe, expect, it } from 'vitest'
import * as v from 'valibot'
import {
  creditLimitRequest,
  projectOf,
  roleAssignmentRequest,
  roleAssignmentsOf2022,
  roleAssignmentsOfCurrent,
} from './project-answers'
import { ProjectSchema, RoleSchema } from './schemas'

const base = {
  id: 'p-1',
  name: 'churn-model',
  creation_date: '2024-02-01T10:00:00.000000Z',
  organization_name: 'acme',
  advanced_permissions: false,
}

describe('projectOf', () => {
  it('reads a 2022 answer (gb_seconds) as the 2022 generation', () => {
    const project = projectOf(v.parse(ProjectSchema, { ...base, gb_seconds: 3600 }))
    expect(project).toEqual({
      id: 'p-1',
      name: 'churn-model',
      organizationName: 'acme',
      creationDate: base.creation_date,
      generation: '2022',
      creditLimit: 3600,
      suspended: false,
      suspendedReason: null,
    })
  })

  it('reads the limit from either field and the reason only of a suspended project', () => {
    const suspended = { ...base, credits: 50, suspended: true, suspended_reason: 'Its limit (credits: 50).' }
    expect(projectOf(v.parse(ProjectSchema, suspended))).toMatchObject({
      creditLimit: 50,
      suspended: true,
      suspendedReason: 'Its limit (credits: 50).',
    })
    expect(projectOf(v.parse(ProjectSchema, { ...base, gb_seconds: null, suspended: false }))).toMatchObject({
      creditLimit: null,
      suspendedReason: null,
    })
  })

  it('writes the limit in the generation’s own field', () => {
    expect(creditLimitRequest('current', 1500)).toEqual({ credits: 1500 })
    expect(creditLimitRequest('2022', null)).toEqual({ gb_seconds: null })
  })

  it('reads a current answer (credits, even null) as the current generation', () => {
    expect(projectOf(v.parse(ProjectSchema, { ...base, credits: null })).generation).toBe('current')
    expect(projectOf(v.parse(ProjectSchema, { ...base, labels: {}, suspended: true }))).toMatchObject({
      generation: 'current',
      suspended: true,
    })
  })
})

describe('RoleSchema', () => {
  it('accepts `default` as the 2022 boolean and the 4.12 string', () => {
    expect(v.parse(RoleSchema, { id: 'r', name: 'project-admin', default: true }).name).toBe('project-admin')
    expect(v.parse(RoleSchema, { id: 'r', name: 'project-viewer', default: 'true' }).name).toBe(
      'project-viewer',
    )
  })
})

describe('role assignments', () => {
  it('keeps the 2022 project-wide roles and drops roles on deployments', () => {
    expect(
      roleAssignmentsOf2022(
        [
          {
            id: 'a',
            user_id: 'u-1',
            role: 'project-admin',
            object_type: 'project',
            object_name: 'churn-model',
          },
          { id: 'b', user_id: 'u-1', role: 'deployment-viewer', object_type: 'deployment', object_name: 'd' },
          { id: 'c', user_id: 'u-2', role: 'project-viewer' },
        ],
        'churn-model',
      ),
    ).toEqual([
      { id: 'a', projectName: 'churn-model', userId: 'u-1', role: 'project-admin' },
      { id: 'c', projectName: 'churn-model', userId: 'u-2', role: 'project-viewer' },
    ])
  })

  it('keeps the current users’ project-wide roles, not deployments’ nor roles on a bucket', () => {
    expect(
      roleAssignmentsOfCurrent(
        [
          {
            id: 'a',
            assignee: 'u-1',
            assignee_type: 'user',
            role: 'project-editor',
            resource: 'churn-model',
            resource_type: 'project',
          },
          {
            id: 'b',
            assignee: 'dep-1',
            assignee_type: 'deployment',
            role: 'project-viewer',
            resource: 'churn-model',
            resource_type: 'project',
          },
          {
            id: 'c',
            assignee: 'u-1',
            assignee_type: 'user',
            role: 'bucket-admin',
            resource: 'data',
            resource_type: 'bucket',
          },
        ],
        'churn-model',
      ),
    ).toEqual([{ id: 'a', projectName: 'churn-model', userId: 'u-1', role: 'project-editor' }])
  })

  it('asks for a role on the whole project in each generation’s words', () => {
    expect(roleAssignmentRequest('2022', 'p', 'u-1', 'project-viewer')).toEqual({
      user_id: 'u-1',
      role: 'project-viewer',
      object_type: 'project',
      object_name: 'p',
    })
    expect(roleAssignmentRequest('current', 'p', 'u-1', 'project-viewer')).toEqual({
      assignee: 'u-1',
      assignee_type: 'user',
      role: 'project-viewer',
      resource_type: 'project',
      resource: 'p',
    })
  })
})
