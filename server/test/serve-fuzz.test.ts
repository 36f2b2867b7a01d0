// Fuzzing `npm run serve` (server/serve-app.ts) in front of a real API, over loopback sockets:
// odd paths and encodings, methods, headers (Authorization, Content-Type, Accept-Encoding, Expect,
// Connection), bodies of every shape and size up to past the proxy's limit, and bytes that are not
// HTTP. Whatever arrives, the proxy never answers 5xx (the API behind it is up and gives none), every
// error is exactly {"error": "<sentence>"} as JSON without internals, and a client that says
// `Connection: close` gets its connection closed. The requests come from fast-check with a fixed
// seed, so a failure names a request that fails again the next run.
//
// SERVE_FUZZ_RUNS=20000 npx vitest run --project server server/test/serve-fuzz.test.ts   (default 5,200)
import fc from 'fast-check'
import { Agent } from 'node:http'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { PROXY_BODY_LIMIT } from '../serve-app'
import { errorShapeProblem } from './hardening-fixtures'
import { uniqueName, type Caller } from './helpers'
import { exchange, parseRaw, rawExchange, startServedApi, type ServedApi } from './serve-fixtures'

const RUNS = Number(process.env.SERVE_FUZZ_RUNS ?? 5200)
const SEED = 20261205
/** Requests in flight at once (each worker keeps its connections alive between requests). */
const WORKERS = 6

vi.setConfig({ testTimeout: 180_000 })

let served: ServedApi
let admin: Caller
let organization: string
let project: string

beforeAll(async () => {
  served = await startServedApi({ apiGeneration: 'current' })
  admin = served.api.user()
  organization = await served.api.organization(admin)
  project = uniqueName('project')
  await served.api.call(admin, 'POST', '/projects', { name: project, organization_name: organization })
})
afterAll(() => served.close())

/** One hostile request, as generated: `{organization}`, `{project}` and `{token}` filled in when sent. */
interface Hostile {
  method: string
  path: string
  query: string
  authorization: string | null
  contentType: string | null
  acceptEncoding: string | null
  expect: string | null
  connection: string | null
  extra: [string, string][]
  body: { kind: 'none' } | { kind: 'text'; text: string } | { kind: 'filler'; bytes: number }
  chunked: boolean
}

const SEGMENTS = [
  'organizations',
  'projects',
  'users',
  'usage',
  'status',
  'user',
  'role-assignments',
  'roles',
  'resources',
  'subscriptions',
  'vouchers',
  'oauth',
  'sign-out',
  'openapi.json',
  '{organization}',
  '{project}',
  'no-such-thing',
  '%ZZ',
  '%',
  '%00',
  '%2e%2e',
  '..',
  '.',
  'x.1',
  '%F0%9F%98%80',
  '%E0%A4%A',
  '%C0%AF',
  '~',
  ';',
  '*',
  '%2F',
  'a'.repeat(120),
  'a'.repeat(3000),
  'index.html',
  'assets',
  'app-abc123.js',
  '.env',
  '%252e',
  '@',
  "!$&'()*+,=",
  ':',
  'v2.1',
]
const PREFIXES = [
  '/api',
  '/api/',
  '/api//',
  '',
  '/',
  '//',
  '/assets',
  '/api/v2.1',
  '/API',
  '/api%2F',
  '/ap%69',
]
const QUERIES = [
  '',
  '?',
  '?token=abc',
  '?organization={organization}',
  '?organization=%ZZ',
  '?a[b]=1&a[c]=2',
  '?limit=-1',
  '?interval=day&start_date=x',
  '?x=' + 'y'.repeat(4000),
  '?&&&',
  '?=',
  '?%=%',
  '?access_token={token}',
  '?organization=&organization=x',
]
const CONTENT_TYPES = [
  null,
  '',
  ';',
  ';;;',
  'application/json',
  'application/json; charset=utf-8',
  'application/json;;',
  'APPLICATION/JSON',
  'text/plain',
  'text/',
  '/',
  'multipart/form-data; boundary=x',
  '*/*',
  'application/x-www-form-urlencoded',
  'application/json; charset=latin1',
  'application/xml',
  ' application/json ',
  'application/merge-patch+json',
  'a'.repeat(500),
]
const TEXT_BODIES = [
  '',
  ' ',
  '{}',
  '[]',
  'null',
  '"x"',
  '42',
  '{"name":',
  '{"name": "{organization}"}',
  '{"name": "fuzz-org", "subscription": "free"}',
  '{"__proto__": {"admin": true}}',
  '{"constructor": {"prototype": {"x": 1}}}',
  '\u0000\u0001',
  'name=x&subscription=free',
  '<xml/>',
  '{"email": "x@example.com", "admin": "yes"}',
  '{"name": "' + 'n'.repeat(70_000) + '"}',
]
const FILLER_SIZES = [1, 1000, 64 * 1024 - 1, 64 * 1024 + 1, 300_000, PROXY_BODY_LIMIT, PROXY_BODY_LIMIT + 1]

const anyRequest: fc.Arbitrary<Hostile> = fc.record({
  method: fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom('GET', 'POST', 'PATCH', 'DELETE', 'PUT', 'HEAD', 'OPTIONS') },
    { weight: 1, arbitrary: fc.constantFrom('PROPFIND', 'TRACE', 'FOO', 'M-SEARCH', 'QUERY', 'SEARCH') },
  ),
  path: fc
    .tuple(
      fc.constantFrom(...PREFIXES),
      fc.array(fc.constantFrom(...SEGMENTS), { maxLength: 4 }),
      fc.constantFrom('/', '//'),
      fc.boolean(),
    )
    .map(([prefix, segments, separator, trailing]) => {
      const path = `${prefix}${prefix.endsWith('/') ? '' : '/'}${segments.join(separator)}`
      return trailing ? `${path}/` : path
    }),
  query: fc.constantFrom(...QUERIES),
  authorization: fc.constantFrom(
    null,
    'Token {token}',
    'Token {token}',
    'Token wrong-token',
    'Bearer x',
    'Token ',
    'Basic Zm9vOmJhcg==',
  ),
  contentType: fc.constantFrom(...CONTENT_TYPES),
  acceptEncoding: fc.constantFrom(
    null,
    'gzip',
    'br',
    'deflate',
    'identity',
    '*',
    'gzip;q=0, identity;q=0',
    'x-unknown',
  ),
  expect: fc.oneof(
    { weight: 6, arbitrary: fc.constant(null) },
    { weight: 2, arbitrary: fc.constant('100-continue') },
    { weight: 1, arbitrary: fc.constantFrom('100-Continue', 'something-else', '') },
  ),
  connection: fc.constantFrom(null, null, 'close', 'keep-alive', 'close, x-fuzz', 'upgrade', 'x-fuzz'),
  extra: fc.array(
    fc.constantFrom<[string, string]>(
      ['x-forwarded-for', '6.6.6.6'],
      ['x-ubiops-proxy-secret', 'forged'],
      ['x-forwarded-host', 'evil.example'],
      ['if-none-match', 'W/"x"'],
      ['range', 'bytes=0-10'],
      ['x-fuzz', 'fuzz'],
      ['accept', 'text/html'],
      ['cookie', 'a=b'],
      ['origin', 'https://evil.example'],
    ),
    { maxLength: 3 },
  ),
  body: fc.oneof(
    { weight: 4, arbitrary: fc.constant({ kind: 'none' as const }) },
    {
      weight: 6,
      arbitrary: fc.constantFrom(...TEXT_BODIES).map((text) => ({ kind: 'text' as const, text })),
    },
    { weight: 2, arbitrary: fc.json({ maxDepth: 3 }).map((text) => ({ kind: 'text' as const, text })) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(...FILLER_SIZES).map((bytes) => ({ kind: 'filler' as const, bytes })),
    },
  ),
  chunked: fc.boolean(),
})

/**
 * Requests the API accepts (real paths, a good token, JSON), with only the connection's headers
 * hostile (Expect, Connection, Accept-Encoding, chunked or not): the proxy must carry them through.
 */
const wellFormed: fc.Arbitrary<Hostile> = fc
  .tuple(
    fc.constantFrom(
      ['POST', '/api/organizations', '{"name": "{unique}", "subscription": "free"}'],
      ['POST', '/api/projects', '{"name": "{unique}", "organization_name": "{organization}"}'],
      ['GET', '/api/organizations/{organization}/users', null],
      ['GET', '/api/projects/{project}', null],
      ['GET', '/api/organizations', null],
      ['PATCH', '/api/organizations/{organization}', '{"two_factor_authentication_forced": false}'],
    ),
    anyRequest,
  )
  .map(([[method, path, text], request]) => ({
    ...request,
    method: method!,
    path: path!,
    query: '',
    authorization: 'Token {token}',
    contentType: 'application/json',
    body: text ? { kind: 'text' as const, text } : { kind: 'none' as const },
  }))

const hostile = fc.oneof({ weight: 3, arbitrary: anyRequest }, { weight: 1, arbitrary: wellFormed })

/** Raw bytes that are not (all) HTTP: each must get a 4xx {"error"} or a proper answer. */
const RAW = [
  'GARBAGE\r\n\r\n',
  'GET / HTTP/9.9\r\nHost: x\r\n\r\n',
  'GET /api/status HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n',
  'POST /api/organizations HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n',
  'POST /api/organizations HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
  'POST /api/organizations HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\nxx\r\n0\r\n\r\n',
  `GET /api/status HTTP/1.1\r\nHost: x\r\nX-Big: ${'b'.repeat(20_000)}\r\n\r\n`,
  'GET /api/st\u0000atus HTTP/1.1\r\nHost: x\r\n\r\n',
  'GET /api/status HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab',
  'GET http://evil.example/api/status HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
  'GET * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
  'CONNECT evil.example:443 HTTP/1.1\r\nHost: evil.example:443\r\n\r\n',
  'GET /api/status HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n',
  'GET /api/status HTTP/1.0\r\n\r\n',
]

let made = 0
function fill(text: string): string {
  return text
    .replaceAll('{unique}', () => `fuzz-${(made += 1)}`)
    .replaceAll('{organization}', organization)
    .replaceAll('{project}', project)
    .replaceAll('{token}', admin.token)
}

/** Why an answer breaks the rules, or null. */
function problem(
  request: Hostile,
  answer: { status: number; headers: Record<string, unknown>; body: string },
) {
  if (answer.status >= 500) return `a ${answer.status}: ${answer.body.slice(0, 300)}`
  if (request.connection?.startsWith('close') && answer.headers.connection !== 'close')
    return `Connection: close asked, the answer says connection: ${String(answer.headers.connection)}`
  if (answer.status < 400 || request.method === 'HEAD') return null
  if (!String(answer.headers['content-type']).startsWith('application/json'))
    return `an error as ${String(answer.headers['content-type'])}: ${answer.body.slice(0, 200)}`
  return errorShapeProblem(answer.body)
}

async function send(request: Hostile, agent: Agent) {
  const headers: Record<string, string> = {}
  if (request.authorization !== null) headers.authorization = fill(request.authorization)
  if (request.contentType !== null) headers['content-type'] = request.contentType
  if (request.acceptEncoding !== null) headers['accept-encoding'] = request.acceptEncoding
  if (request.expect !== null) headers.expect = request.expect
  if (request.connection !== null) headers.connection = request.connection
  for (const [name, value] of request.extra) headers[name] = value
  const body =
    request.body.kind === 'none'
      ? undefined
      : request.body.kind === 'text'
        ? fill(request.body.text)
        : Buffer.alloc(request.body.bytes, 'f')
  if (body !== undefined && request.chunked) headers['transfer-encoding'] = 'chunked'
  else if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body))
  // An Expect or a Connection of its own: a socket of its own, not the worker's kept-alive ones.
  const own = request.expect !== null || request.connection !== null
  return exchange({
    port: served.port,
    method: request.method,
    path: fill(request.path + request.query),
    headers,
    body,
    waitForContinue: request.expect?.toLowerCase() === '100-continue' && body !== undefined,
    agent: own ? false : agent,
  })
}

describe('npm run serve under fuzzing', () => {
  it(`answers ${RUNS} hostile requests with no 5xx and every error as {"error"}`, async () => {
    const requests = fc.sample(hostile, { seed: SEED, numRuns: RUNS })
    const failures: string[] = []
    const statuses = new Map<number, number>()
    let next = 0
    let sent = 0
    const worker = async () => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 })
      while (next < requests.length) {
        const request = requests[next++]!
        try {
          const answer = await send(request, agent)
          sent += 1
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1)
          const found = problem(request, answer)
          if (found)
            failures.push(`${request.method} ${fill(request.path + request.query).slice(0, 120)}: ${found}`)
        } catch (error) {
          const code = (error as { code?: string }).code
          // The client itself refused to write it (a header value Node will not send): not a request.
          if (
            code === 'ERR_INVALID_CHAR' ||
            code === 'ERR_UNESCAPED_CHARACTERS' ||
            code === 'ERR_INVALID_HTTP_TOKEN'
          )
            continue
          sent += 1
          failures.push(`${request.method} ${request.path}: no answer (${code ?? String(error)})`)
        }
      }
      agent.destroy()
    }
    await Promise.all(Array.from({ length: WORKERS }, worker))
    for (const bytes of RAW) {
      const { status, head, body } = parseRaw(await rawExchange(served.port, bytes))
      sent += 1
      if (status >= 500 || (status >= 400 && errorShapeProblem(body)))
        failures.push(
          `raw ${JSON.stringify(bytes.slice(0, 60))}: ${head.split('\r\n')[0]} ${body.slice(0, 200)}`,
        )
    }
    expect({ count: failures.length, first: failures.slice(0, 25) }).toEqual({ count: 0, first: [] })
    expect(sent).toBeGreaterThanOrEqual(5000)
    // The fuzz reached the API's answers, not only the proxy's own refusals.
    const unreached = [200, 201, 400, 401, 404, 413, 415].filter((status) => !statuses.has(status))
    expect({ unreached, statuses: Object.fromEntries(statuses) }).toMatchObject({ unreached: [] })
  })
})
