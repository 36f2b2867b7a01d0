// server/openapi.yaml is the one description of the API: the dashboard's types are generated from
// it, it is served at /v2.1/openapi.json, and its component schemas are the server's response
// schemas (Fastify serializes every answer through them), so the three cannot drift apart.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

const OPENAPI_PATH = fileURLToPath(new URL('../openapi.yaml', import.meta.url))

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

let cached: Record<string, Json> | undefined

export function openApiDocument(): Record<string, Json> {
  cached ??= parse(readFileSync(OPENAPI_PATH, 'utf8')) as Record<string, Json>
  return cached
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
export function componentSchemas(): Record<string, Json>[] {
  const components = openApiDocument().components as { schemas: Record<string, Json> }
  return Object.entries(components.schemas).map(([id, schema]) => ({
    $id: id,
    ...(rewriteRefs(schema) as Record<string, Json>),
  }))
}

/** A response schema referring to a component: `ref('OrganizationList')`. */
export const ref = (id: string) => ({ $ref: `${id}#` })
export const arrayOf = (id: string) => ({ type: 'array', items: ref(id) })
