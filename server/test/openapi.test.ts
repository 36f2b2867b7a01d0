// The OpenAPI documents of the two generations (server/openapi.yaml for 2022, with
// server/openapi.current.patch.yaml merged in for the current generation): the patch leaves what the
// generations share alone, every reference resolves, and the dashboard's generated types
// (src/api/schema.d.ts, src/api/schema-current.d.ts) are those of the documents as they are.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { API_GENERATIONS } from '../../domain/generation'
import { API_TYPES_FILES, apiTypesSource } from '../schemas/api-types'
import { openApiDocument } from '../schemas/openapi'

type Document = {
  paths: Record<string, unknown>
  components: Record<string, Record<string, unknown>>
}
const doc = (generation: (typeof API_GENERATIONS)[number]) =>
  openApiDocument(generation) as unknown as Document
const legacy = doc('2022')
const current = doc('current')

describe('the OpenAPI documents of the two generations', () => {
  it('share the paths and components that did not change', () => {
    for (const path of [
      '/status',
      '/openapi.json',
      '/user',
      '/organizations/{organization_name}/users',
      '/organizations/{organization_name}/users/{user_id}',
      '/projects',
      '/projects/{project_name}',
      '/projects/{project_name}/users',
      '/projects/{project_name}/users/{user_id}',
      '/projects/{project_name}/roles',
      '/projects/{project_name}/role-assignments/{id}',
    ])
      expect(current.paths[path], path).toEqual(legacy.paths[path])
    for (const section of ['responses', 'parameters', 'securitySchemes'])
      expect(current.components[section], section).toEqual(legacy.components[section])
    for (const schema of [
      'Error',
      'Status',
      'User',
      'Subscription',
      'OrganizationName',
      'OrganizationUserDetail',
      'OrganizationUserCreate',
      'OrganizationUserUpdate',
      'UsageInterval',
      'UsageBucket',
      'ProjectUser',
      'ProjectUserCreate',
      'Role',
    ])
      expect(current.components.schemas![schema], schema).toEqual(legacy.components.schemas![schema])
  })

  it('have every $ref resolve within the document', () => {
    for (const document of [legacy, current]) {
      const refs = JSON.stringify(document).match(/"\$ref":"#\/components\/[^"]+"/g) ?? []
      for (const ref of refs) {
        const [, section, name] = ref.slice(9, -1).split('/').slice(1)
        expect(document.components[section!]?.[name!], ref).toBeDefined()
      }
    }
  })

  it.each(API_GENERATIONS)('the %s types are up to date (npm run generate:api-types)', async (generation) => {
    const onDisk = readFileSync(API_TYPES_FILES[generation], 'utf8')
    expect(onDisk === (await apiTypesSource(generation)), `${API_TYPES_FILES[generation]} is stale`).toBe(
      true,
    )
  })

  it('describe the local sign-out in both generations, marked as local', () => {
    for (const document of [legacy, current])
      expect(document.paths['/oauth/sign-out']).toMatchObject({
        post: { 'x-local': true, summary: expect.stringContaining('local'), responses: { '204': {} } },
      })
  })

  it('differ where the current generation changed the API', () => {
    expect(legacy.paths['/vouchers/{code}']).toBeUndefined()
    expect(current.paths['/vouchers/{code}']).toBeDefined()
    expect(current.components.schemas!.Usage).toBeUndefined()
    expect(current.components.schemas!.OrganizationDetail).not.toHaveProperty(
      'properties.subscription_self_service',
    )
    expect(legacy.components.schemas!.OrganizationDetail).toHaveProperty(
      'properties.subscription_self_service',
    )
    // Role assignments: listed per user in 2022, with filters now; named by user and object, or by
    // assignee and resource. Projects: a limit in GB-seconds, or in credits with labels.
    expect(legacy.paths['/projects/{project_name}/users/{user_id}/role-assignments']).toBeDefined()
    expect(current.paths['/projects/{project_name}/users/{user_id}/role-assignments']).toBeUndefined()
    expect(current.paths['/projects/{project_name}/role-assignments']).toHaveProperty('get')
    expect(legacy.paths['/projects/{project_name}/role-assignments']).not.toHaveProperty('get')
    expect(Object.keys(current.components.schemas!.RoleAssignmentList as object)).toContain('properties')
    expect(current.components.schemas!.RoleAssignmentList).not.toHaveProperty('properties.user_id')
    expect(current.components.schemas!.RoleAssignmentList).toHaveProperty('properties.assignee')
    expect(legacy.components.schemas!.RoleAssignmentList).toHaveProperty('properties.object_name')
    expect(current.components.schemas!.ProjectDetail).not.toHaveProperty('properties.gb_seconds')
    expect(current.components.schemas!.ProjectDetail).toHaveProperty('properties.credits')
    expect(legacy.components.schemas!.ProjectDetail).toHaveProperty('properties.gb_seconds')
  })
})
