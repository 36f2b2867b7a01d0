// The OpenAPI documents of the two generations of the API, from one source: server/openapi.yaml is
// the whole 2022 document, and server/openapi.current.patch.yaml is what the current generation
// changes, as a JSON Merge Patch (RFC 7396, applied by the json-merge-patch package). Each merged
// document is the one description of its generation: the dashboard's types are generated from it
// (`npm run generate:api-types`: src/api/schema.d.ts, src/api/schema-current.d.ts), it is served at
// /v2.1/openapi.json when that generation is served, and its component schemas are the server's
// response schemas (Fastify serializes every answer through them), so they cannot drift apart.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { apply } from 'json-merge-patch'
import { parse } from 'yaml'
import type { ApiGeneration } from '../../domain/generation'

/** The files the documents are made of: the 2022 document and the current generation's patch to it. */
export const OPENAPI_SOURCES = {
  base: fileURLToPath(new URL('../openapi.yaml', import.meta.url)),
  currentPatch: fileURLToPath(new URL('../openapi.current.patch.yaml', import.meta.url)),
} as const

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type Document = Record<string, Json>

const readYaml = (path: string) => parse(readFileSync(path, 'utf8')) as Document

/** What each generation's document is made of: the base, then its patch (none for 2022). */
const build: Record<ApiGeneration, () => Document> = {
  '2022': () => readYaml(OPENAPI_SOURCES.base),
  current: () => apply(readYaml(OPENAPI_SOURCES.base), readYaml(OPENAPI_SOURCES.currentPatch)),
}

const cached = new Map<ApiGeneration, Document>()

/**
 * The whole OpenAPI 3 document of a generation, as a plain JSON value (parsed and merged once per
 * process; callers must not change it). Throws when a source file is missing or is not YAML.
 */
export function openApiDocument(generation: ApiGeneration = '2022'): Document {
  let document = cached.get(generation)
  if (!document) {
    document = build[generation]()
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
