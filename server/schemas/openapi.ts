// One OpenAPI document per generation of the API: server/openapi.yaml (2022) and
// server/openapi.current.yaml (current). Each is the one description of its generation: the
// dashboard's types are generated from it (src/api/schema.d.ts, src/api/schema-current.d.ts), it is
// served at /v2.1/openapi.json when that generation is served, and its component schemas are the
// server's response schemas (Fastify serializes every answer through them), so they cannot drift
// apart. server/test/openapi.test.ts checks that the parts the generations share are the same.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import type { ApiGeneration } from '../generation'

export const OPENAPI_PATHS: Record<ApiGeneration, string> = {
  '2022': fileURLToPath(new URL('../openapi.yaml', import.meta.url)),
  current: fileURLToPath(new URL('../openapi.current.yaml', import.meta.url)),
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

const cached = new Map<ApiGeneration, Record<string, Json>>()

/** The OpenAPI document of a generation (parsed once). */
export function openApiDocument(generation: ApiGeneration = '2022'): Record<string, Json> {
  let document = cached.get(generation)
  if (!document) {
    document = parse(readFileSync(OPENAPI_PATHS[generation], 'utf8')) as Record<string, Json>
    cached.set(generation, document)
  }
  return document
}

/** `#/components/schemas/X` becomes `X#`, the id under which Fastify knows the shared schema. */
function rewriteRefs(value: Json): Json {
  if (Array.isArray(value)) return value.map(rewriteRefs)
  if (value && typeof value === 'object') {
    const out: Record<string, Json> = {}
    for (const [key, inner] of Object.entries(value)) {
      out[key] =
        key === '$ref' && typeof inner === 'string'
          ? inner.replace('#/components/schemas/', '') + '#'
          : rewriteRefs(inner)
    }
    return out
  }
  return value
}

/** The document's component schemas, each with its `$id`, ready for `app.addSchema`. */
export function componentSchemas(generation: ApiGeneration = '2022'): Record<string, Json>[] {
  const components = openApiDocument(generation).components as { schemas: Record<string, Json> }
  return Object.entries(components.schemas).map(([id, schema]) => ({
    $id: id,
    ...(rewriteRefs(schema) as Record<string, Json>),
  }))
}

/** A response schema referring to a component: `ref('OrganizationList')`. */
export const ref = (id: string) => ({ $ref: `${id}#` })
export const arrayOf = (id: string) => ({ type: 'array', items: ref(id) })
