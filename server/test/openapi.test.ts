// The two OpenAPI documents (server/openapi.yaml for 2022, server/openapi.current.yaml for the
// current generation): what they share stays the same, and the dashboard's generated types
// (src/api/schema.d.ts, src/api/schema-current.d.ts) are those of the documents as they are.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import openapiTS, { astToString } from 'openapi-typescript'
import { describe, expect, it } from 'vitest'
import { API_GENERATIONS } from '../generation'
import { OPENAPI_PATHS, openApiDocument } from '../schemas/openapi'

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

  it.each([
    ['2022', 'src/api/schema.d.ts'],
    ['current', 'src/api/schema-current.d.ts'],
  ] as const)('the %s types in %s are up to date (npm run generate:api-types)', async (generation, file) => {
    const generated = astToString(await openapiTS(new URL(`file://${OPENAPI_PATHS[generation]}`)))
    const onDisk = readFileSync(fileURLToPath(new URL(`../../${file}`, import.meta.url)), 'utf8')
    expect(onDisk.endsWith(generated), `${file} is stale: run npm run generate:api-types`).toBe(true)
  })
})
