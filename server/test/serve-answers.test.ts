// `npm run serve` answers every failure as the API does: {"error": "<sentence>"} with the API's
// status, never a framework's code, a stack or a 500/502 the API would not give. One test per case
// found by fuzzing the proxy (serve-fuzz.test.ts runs thousands more), over real loopback sockets.
import { Writable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PROXY_BODY_LIMIT } from '../serve-app'
import { errorShapeProblem } from './hardening-fixtures'
import { uniqueName, type Caller } from './helpers'
import { exchange, parseRaw, rawExchange, startServedApi, type ServedApi } from './serve-fixtures'

/** Log lines written by a pino logger, as text. */
function logCollector() {
  const lines: string[] = []
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString())
      done()
    },
  })
  return { lines, stream }
}

const serveLog = logCollector()
const apiLog = logCollector()
let served: ServedApi
let admin: Caller

beforeAll(async () => {
  served = await startServedApi({
    serveLogger: { level: 'info', stream: serveLog.stream },
    apiLogger: { level: 'info', stream: apiLog.stream },
  })
  admin = served.api.user()
})
afterAll(() => served.close())

const auth = () => ({ authorization: `Token ${admin.token}` })
const organizationBody = () => JSON.stringify({ name: uniqueName(), subscription: 'free' })

/** The same request to the proxy (under /api) and to the API itself. */
async function bothWays(method: string, apiPath: string, headers: Record<string, string>, body?: string) {
  const viaProxy = await exchange({ port: served.port, method, path: `/api${apiPath}`, headers, body })
  const direct = await exchange({ port: served.apiPort, method, path: `/v2.1${apiPath}`, headers, body })
  return { viaProxy, direct }
}

function expectErrorShape(answer: { status: number; body: string; headers: Record<string, unknown> }) {
  expect(answer.status).toBeLessThan(500)
  expect(String(answer.headers['content-type'])).toMatch(/^application\/json/)
  expect(errorShapeProblem(answer.body)).toBeNull()
}

describe('npm run serve answers like the API', () => {
  it('answers a path that is not a URL path (//x.1) with a 404 {"error"}, not a 500', async () => {
    for (const path of ['//x.1', '//assets//x.js', '//a.b/c.d']) {
      const answer = await exchange({ port: served.port, method: 'GET', path })
      expect(answer.status, path).toBe(404)
      expectErrorShape(answer)
    }
    // A double slash elsewhere is a page of the app, or the API's own 404.
    expect((await exchange({ port: served.port, method: 'GET', path: '//v2.1//organizations' })).status).toBe(
      200,
    )
    const api = await exchange({
      port: served.port,
      method: 'GET',
      path: '/api//organizations',
      headers: auth(),
    })
    expect(api.status).toBe(404)
    expectErrorShape(api)
  })

  it('passes a POST with Expect: 100-continue through: the API creates it (201)', async () => {
    const answer = await exchange({
      port: served.port,
      method: 'POST',
      path: '/api/organizations',
      headers: { ...auth(), 'content-type': 'application/json', expect: '100-continue' },
      body: organizationBody(),
      waitForContinue: true,
    })
    expect(answer.status).toBe(201)
  })

  it("answers bodies between the API's limit and the proxy's with the API's 413, every time", async () => {
    for (const size of [64 * 1024 + 1, 200_000, 512 * 1024, PROXY_BODY_LIMIT - 100])
      for (const chunked of [false, true]) {
        const body = `{"name":"${'a'.repeat(size)}"}`
        const headers: Record<string, string> = { ...auth(), 'content-type': 'application/json' }
        if (chunked) headers['transfer-encoding'] = 'chunked'
        const answer = await exchange({
          port: served.port,
          method: 'POST',
          path: '/api/organizations',
          headers,
          body,
        })
        expect(answer.status, `${size} bytes${chunked ? ', chunked' : ''}`).toBe(413)
        expect(JSON.parse(answer.body)).toEqual({ error: 'The body is larger than 64 KB: send less.' })
      }
    const tooLarge = await exchange({
      port: served.port,
      method: 'POST',
      path: '/api/organizations',
      headers: { ...auth(), 'content-type': 'application/json' },
      body: Buffer.alloc(PROXY_BODY_LIMIT + 1, 'a'),
    })
    expect(tooLarge.status).toBe(413)
    expectErrorShape(tooLarge)
  })

  it('answers an undecodable path (%ZZ) with the API\'s 400 {"error"}, not a Fastify body', async () => {
    const { viaProxy, direct } = await bothWays('GET', '/organizations/%ZZ', auth())
    expect(viaProxy.status).toBe(400)
    expectErrorShape(viaProxy)
    expect(viaProxy.body).toBe(direct.body)
  })

  it("leaves an empty or malformed Content-Type to the API: the API's own answer, not Fastify's", async () => {
    for (const type of ['', ';;;', 'application/json;;', '/', 'text/']) {
      // A body the API refuses whoever sends it, so that both ways get the same answer.
      const { viaProxy, direct } = await bothWays(
        'POST',
        '/organizations',
        { ...auth(), 'content-type': type },
        '{"subscription": "free"}',
      )
      expect(viaProxy.status, JSON.stringify(type)).toBe(direct.status)
      expectErrorShape(viaProxy)
      expect(viaProxy.body).toBe(direct.body)
    }
  })

  it('answers unknown paths with any method as a 404 {"error"}, not plain text', async () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'PROPFIND'])
      for (const path of ['/nope', '/organizations/x', '/assets/missing.js']) {
        const answer = await exchange({
          port: served.port,
          method,
          path,
          body: method === 'POST' ? '{}' : undefined,
        })
        expect(answer.status, `${method} ${path}`).toBe(404)
        expectErrorShape(answer)
      }
    const missingAsset = await exchange({ port: served.port, method: 'GET', path: '/assets/missing-abc.js' })
    expect(missingAsset.status).toBe(404)
    expectErrorShape(missingAsset)
  })

  it('closes the connection after the answer when the client sends Connection: close', async () => {
    for (const path of ['/api/status', '/api/organizations', '/index.html', '/nope']) {
      // Resolves only once the server has closed the socket.
      const raw = await rawExchange(
        served.port,
        `GET ${path} HTTP/1.1\r\nHost: x\r\nAuthorization: Token ${admin.token}\r\nConnection: close\r\n\r\n`,
      )
      const { status, head } = parseRaw(raw)
      expect(status, path).toBeGreaterThanOrEqual(200)
      expect(head.toLowerCase()).not.toContain('keep-alive')
      expect(head.toLowerCase()).toContain('connection: close')
    }
  })

  it('answers an Expect other than 100-continue with 417 {"error"}, the proxy and the API alike', async () => {
    for (const port of [served.port, served.apiPort]) {
      const path = port === served.port ? '/api/organizations' : '/v2.1/organizations'
      const body = organizationBody()
      const raw = await rawExchange(
        port,
        `POST ${path} HTTP/1.1\r\nHost: x\r\nAuthorization: Token ${admin.token}\r\nExpect: something-else\r\n` +
          `Content-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
      )
      const answer = parseRaw(raw)
      expect(answer.status).toBe(417)
      expect(errorShapeProblem(answer.body)).toBeNull()
    }
  })

  it('logs request URLs with their credentials redacted, in the proxy and the API', async () => {
    const secret = 'sEcReT-in-the-query-42'
    await exchange({
      port: served.port,
      method: 'GET',
      path: `/api/organizations?token=${secret}&access_token=${secret}&Password=${secret}&limit=5`,
      headers: auth(),
    })
    await exchange({ port: served.port, method: 'GET', path: `/api/%ZZ?api_key=${secret}` })
    for (const { lines } of [serveLog, apiLog]) {
      const log = lines.join('')
      expect(log).toContain('token=[REDACTED]')
      expect(log).toContain('limit=5')
      expect(log).not.toContain(secret)
    }
  })
})

describe('npm run serve bounds how long a request may take to arrive', () => {
  it('answers a trickled body 408 {"error"} near the request timeout, not twice it', async () => {
    const timeoutMs = 400
    const slow = await startServedApi({ requestTimeoutMs: timeoutMs })
    try {
      const started = performance.now()
      const raw = await rawExchange(
        slow.port,
        'POST /api/organizations HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
          'Content-Length: 100\r\n\r\n{"name":',
      )
      const elapsed = performance.now() - started
      const answer = parseRaw(raw)
      expect(answer.status).toBe(408)
      expect(errorShapeProblem(answer.body)).toBeNull()
      expect(elapsed).toBeGreaterThanOrEqual(timeoutMs - 50)
      expect(elapsed).toBeLessThan(timeoutMs * 1.75)
    } finally {
      await slow.close()
    }
  })
})
