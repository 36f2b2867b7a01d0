// `npm run generate:api-types`: writes the dashboard's types of both generations' OpenAPI documents
// (src/api/schema.d.ts for 2022, src/api/schema-current.d.ts for current).
import { writeFileSync } from 'node:fs'
import { API_GENERATIONS } from '../../domain/generation'
import { API_TYPES_FILES, apiTypesSource } from '../schemas/api-types'

for (const generation of API_GENERATIONS) {
  writeFileSync(API_TYPES_FILES[generation], await apiTypesSource(generation))
  console.log(`${API_TYPES_FILES[generation]} (${generation})`)
}
