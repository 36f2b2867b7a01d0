// The bounds of the API server, seen from a real socket on loopback (what a client really gets,
// not what app.inject() simulates): body size, header size, repeated wrong tokens from one client,
// and tokens kept out of the database's reach and out of the log.
import { request as httpRequest } from 'node:http'
import { connect } from 'node:net'
import { Writable } from 'node:stream'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { DEFAULT_BODY_LIMIT } from '../app'
import { hashToken } from '../repositories/tokens'
import { databaseDigest, errorShapeProblem } from './hardening-fixtures'
import { createTestApi, uniqueName, type Caller, type TestApi } from './helpers'

interface RawAnswer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** One HTTP request from a chosen loopback address (127.0.0.x are all this machine on Linux). */
function send(
  url: string,
  options: {
    method?: string
    path: string
    headers?: Record<string, string>
    body?: string | Buffer
    /** Sent with Transfer-Encoding: chunked, in pieces, with no Content-Length. */
    chunks?: Buffer[]
    from?: string
  },
): Promise<RawAnswer> {
  const target = new URL(url)
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
        localAddress: options.from ?? '127.0.0.1',
        agent: false,
      },
      (response) => {
        let body = ''
        response.setEncoding('utf8')
        response.on('data', (chunk: string) => (body += chunk))
        response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body }))
      },
    )
    // The server may answer (413) and close before the whole body is written: that is the point.
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error)
    })
    if (options.chunks) {
      for (const chunk of options.chunks) request.write(chunk)
      request.end()
    } else request.end(options.body)
  })
}

/** Raw bytes on a socket, for what an HTTP client library would refuse to send; resolves with all that came back. */
function sendRaw(url: string, bytes: string): Promise<string> {
  const target = new URL(url)
  return new Promise((resolve, reject) => {
    const socket = connect({ host: target.hostname, port: Number(target.port) })
    let answer = ''
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => (answer += chunk))
    socket.on('close', () => resolve(answer))
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNRESET' || error.code === 'EPIPE') resolve(answer)
      else reject(error)
    })
    socket.write(bytes)
  })
}

function parseRawAnswer(raw: string): { status: number; body: string } {
  const [head = '', ...rest] = raw.split('\r\n\r\n')
  return { status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]), body: rest.join('\r\n\r\n') }
}

async function listening(api: TestApi): Promise<string> {
  return api.app.listen({ host: '127.0.0.1', port: 0 })
}

let api: TestApi
let url: string
let caller: Caller
beforeAll(async () => {
  api = await createTestApi()
  caller = api.user()
  url = await listening(api)
})
afterAll(async () => api.close())

const auth = (who: Caller) => ({ authorization: `Token ${who.token}` })

describe('request body size', () => {
  it(`answers a body over ${DEFAULT_BODY_LIMIT / 1024} KB (with Content-Length) 413 {"error"}, and creates nothing`, async () => {
    const name = uniqueName('big')
    const body = JSON.stringify({ name, subscription: 'free', padding: 'x'.repeat(DEFAULT_BODY_LIMIT) })
    const before = databaseDigest(api.app.db)
    const answer = await send(url, {
      method: 'POST',
      path: '/v2.1/organizations',
      headers: {
        ...auth(caller),
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
      },
      body,
    })
    expect(answer.status).toBe(413)
    expect(errorShapeProblem(answer.body)).toBeNull()
    expect(JSON.parse(answer.body).error).toMatch(/larger than 64 KB/)
    expect(databaseDigest(api.app.db)).toBe(before)
  })

  it('answers a chunked body that grows past the limit (no Content-Length) 413 too, and creates nothing', async () => {
    const name = uniqueName('chunked')
    const before = databaseDigest(api.app.db)
    const head = Buffer.from(`{"name": "${name}", "subscription": "free", "padding": "`)
    const chunks = [head, ...Array.from({ length: 20 }, () => Buffer.alloc(8 * 1024, 'y')), Buffer.from('"}')]
    const answer = await send(url, {
      method: 'POST',
      path: '/v2.1/organizations',
      headers: { ...auth(caller), 'content-type': 'application/json' },
      chunks,
    })
    expect(answer.status).toBe(413)
    expect(errorShapeProblem(answer.body)).toBeNull()
    expect(databaseDigest(api.app.db)).toBe(before)
  })

  it('reads a body just under the limit (unknown fields are ignored)', async () => {
    const name = uniqueName('fits')
    const body = JSON.stringify({ name, subscription: 'free', padding: 'x'.repeat(DEFAULT_BODY_LIMIT - 200) })
    expect(Buffer.byteLength(body)).toBeLessThan(DEFAULT_BODY_LIMIT)
    const answer = await send(url, {
      method: 'POST',
      path: '/v2.1/organizations',
      headers: { ...auth(caller), 'content-type': 'application/json' },
      body,
    })
    expect(answer.status, answer.body).toBe(201)
  })
})

describe('header size', () => {
  // Node's HTTP parser refuses headers over 16 KB (--max-http-header-size) before Fastify routes
  // anything; Fastify's clientError handler writes the answer and closes the connection.
  it('answers headers over 16 KB with 431 {"error"}, and closes the connection', async () => {
    const raw = await sendRaw(
      url,
      `GET /v2.1/user HTTP/1.1\r\nHost: x\r\nAuthorization: Token ${caller.token}\r\nX-Padding: ${'p'.repeat(17 * 1024)}\r\n\r\n`,
    )
    const answer = parseRawAnswer(raw)
    expect(answer.status, raw.slice(0, 300)).toBe(431)
    expect(errorShapeProblem(answer.body), raw.slice(0, 300)).toBeNull()
  })

  it('answers a request line over 16 KB with 431 {"error"} as well', async () => {
    const raw = await sendRaw(
      url,
      `GET /v2.1/organizations/${'a'.repeat(17 * 1024)} HTTP/1.1\r\nHost: x\r\n\r\n`,
    )
    const answer = parseRawAnswer(raw)
    expect(answer.status, raw.slice(0, 300)).toBe(431)
    expect(errorShapeProblem(answer.body), raw.slice(0, 300)).toBeNull()
  })

  it('answers bytes that are not HTTP with 400 {"error"}', async () => {
    const raw = await sendRaw(url, 'HELLO\u0000 /v2.1/user HTTP/9\r\n\r\n')
    const answer = parseRawAnswer(raw)
    expect(answer.status, raw.slice(0, 300)).toBe(400)
    expect(errorShapeProblem(answer.body), raw.slice(0, 300)).toBeNull()
  })

  it('refuses Transfer-Encoding with Content-Length (a request-smuggling shape) with 400 {"error"}, changing nothing', async () => {
    const before = databaseDigest(api.app.db)
    const body = JSON.stringify({ name: uniqueName('smuggled'), subscription: 'free' })
    const raw = await sendRaw(
      url,
      `POST /v2.1/organizations HTTP/1.1\r\nHost: x\r\nAuthorization: Token ${caller.token}\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${body.length}\r\nTransfer-Encoding: chunked\r\n\r\n` +
        `${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n`,
    )
    const answer = parseRawAnswer(raw)
    expect(answer.status, raw.slice(0, 300)).toBe(400)
    expect(errorShapeProblem(answer.body), raw.slice(0, 300)).toBeNull()
    expect(databaseDigest(api.app.db)).toBe(before)
  })

  // Node's HTTP server itself answers an HTTP/1.1 request without Host (a bare 400, empty body),
  // unless told not to require it; this API does not use Host, so either way is fine if it is {"error"}.
  it('answers an HTTP/1.1 request without a Host header in the {"error"} shape (or serves it)', async () => {
    const raw = await sendRaw(
      url,
      `GET /v2.1/user HTTP/1.1\r\nAuthorization: Token ${caller.token}\r\nConnection: close\r\n\r\n`,
    )
    const answer = parseRawAnswer(raw)
    expect(answer.status, raw.slice(0, 300)).toBeLessThan(500)
    if (answer.status >= 400) expect(errorShapeProblem(answer.body), raw.slice(0, 300)).toBeNull()
  })

  it('still serves ordinary requests on other connections afterwards', async () => {
    const answer = await send(url, { path: '/v2.1/user', headers: auth(caller) })
    expect(answer.status).toBe(200)
  })
})

describe('slow clients', () => {
  // Fastify turns Node's 5-minute requestTimeout off (0) unless told otherwise: a client that sends
  // its headers and then trickles (or never sends) its body would hold a connection for ever.
  // headersTimeout bounds only the headers. Checked on the server object: waiting it out is too slow.
  it('bound how long a request may take to arrive, headers and body', () => {
    const server = api.app.server
    expect(server.headersTimeout).toBeGreaterThan(0)
    expect(server.headersTimeout).toBeLessThanOrEqual(60_000)
    expect(server.requestTimeout, 'requestTimeout (0 = unbounded)').toBeGreaterThan(0)
    expect(server.requestTimeout).toBeLessThanOrEqual(120_000)
  })
})

describe('repeated wrong tokens from one client', () => {
  // Its own app: the failure count is per app, and the other tests must not add to it.
  let guarded: TestApi
  let guardedUrl: string
  beforeAll(async () => {
    guarded = await createTestApi()
    guardedUrl = await listening(guarded)
  })
  afterAll(async () => guarded.close())

  const attempt = (token: string, from: string, headers: Record<string, string> = {}) =>
    send(guardedUrl, { path: '/v2.1/user', headers: { authorization: `Token ${token}`, ...headers }, from })

  it('answers the 21st wrong token from one address 429 with Retry-After; another address with a good token still gets in', async () => {
    const good = guarded.user()
    for (let i = 1; i <= 20; i += 1)
      expect((await attempt(`wrong-${i}`, '127.0.0.2')).status, `attempt ${i}`).toBe(401)
    const blocked = await attempt('wrong-21', '127.0.0.2')
    expect(blocked.status).toBe(429)
    const retryAfter = Number(blocked.headers['retry-after'])
    expect(retryAfter).toBeGreaterThanOrEqual(1)
    expect(retryAfter).toBeLessThanOrEqual(60)
    expect(errorShapeProblem(blocked.body)).toBeNull()
    expect(JSON.parse(blocked.body).error).toMatch(new RegExp(`Try again in ${retryAfter} seconds`))
    // Blocked means blocked: a right guess from that address is refused too, or guessing would go on.
    expect((await attempt(good.token, '127.0.0.2')).status).toBe(429)

    const other = await attempt(good.token, '127.0.0.3')
    expect(other.status).toBe(200)
    expect(JSON.parse(other.body).email).toBe(good.email)
  })

  it('is not fooled by X-Forwarded-For or X-Real-IP (the server trusts no proxy)', async () => {
    for (let i = 1; i <= 20; i += 1)
      await attempt(`wrong-${i}`, '127.0.0.4', { 'x-forwarded-for': `10.0.0.${i}` })
    const spoofed = await attempt('wrong-21', '127.0.0.4', {
      'x-forwarded-for': '10.9.9.9',
      'x-real-ip': '10.9.9.9',
    })
    expect(spoofed.status).toBe(429)
  })

  it('counts malformed Authorization headers as wrong tokens too', async () => {
    for (let i = 1; i <= 20; i += 1)
      expect(
        (
          await send(guardedUrl, {
            path: '/v2.1/user',
            headers: { authorization: `Bearer ${i}` },
            from: '127.0.0.5',
          })
        ).status,
      ).toBe(401)
    expect((await attempt('wrong', '127.0.0.5')).status).toBe(429)
  })
})

describe('the failed-token window', () => {
  afterEach(() => vi.useRealTimers())

  it('lets the address in again once the window has passed, and Retry-After said when', async () => {
    // Only Date is faked (the limiter's clock); the server's own timers run as usual.
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2030-01-01T00:00:00Z'))
    const windowed = await createTestApi({ auth: { maxFailures: 3, windowMs: 10_000 } })
    try {
      const good = windowed.user()
      const attempt = (token: string) =>
        windowed.app.inject({
          method: 'GET',
          url: '/v2.1/user',
          headers: { authorization: `Token ${token}` },
          remoteAddress: '10.1.1.1',
        })
      for (let i = 0; i < 3; i += 1) expect((await attempt(`wrong-${i}`)).statusCode).toBe(401)
      const blocked = await attempt(good.token)
      expect(blocked.statusCode).toBe(429)
      expect(blocked.headers['retry-after']).toBe('10')

      vi.setSystemTime(new Date('2030-01-01T00:00:09Z'))
      expect((await attempt(good.token)).statusCode).toBe(429)
      vi.setSystemTime(new Date('2030-01-01T00:00:10.001Z'))
      expect((await attempt(good.token)).statusCode).toBe(200)
    } finally {
      await windowed.close()
    }
  })
})

describe('tokens', () => {
  it('are looked up by their SHA-256: the stored hash itself is not a token', async () => {
    const stored = api.app.db
      .prepare('SELECT hash FROM tokens WHERE user_id = ?')
      .pluck()
      .get(caller.id) as string
    expect(stored).toBe(hashToken(caller.token))
    expect((await api.call({ ...caller, token: stored }, 'GET', '/user')).status).toBe(401)
    // Case matters: a token differing only in case is another token.
    expect((await api.call({ ...caller, token: caller.token.toUpperCase() }, 'GET', '/user')).status).toBe(
      401,
    )
  })

  it('never appear in the log, whatever the request and at every log level', async () => {
    const lines: string[] = []
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString())
        done()
      },
    })
    const logged = await createTestApi({ logger: { level: 'trace', stream } })
    const loggedUrl = await listening(logged)
    try {
      const user = logged.user()
      const wrong = 'f'.repeat(64)
      const name = await logged.organization(user)
      await logged.call(user, 'GET', '/user')
      await logged.call(user, 'GET', `/organizations/${name}/users`)
      await logged.call({ ...user, token: wrong }, 'GET', '/user')
      await logged.call(user, 'POST', '/organizations', '{"broken', { 'content-type': 'application/json' })
      await send(loggedUrl, { path: '/v2.1/user', headers: auth(user) })
      // The paths where the HTTP parser fails and the client-error handler logs what it got.
      await sendRaw(
        loggedUrl,
        `GET /v2.1/user HTTP/1.1\r\nAuthorization: Token ${user.token}\r\nX-Padding: ${'p'.repeat(17 * 1024)}\r\n\r\n`,
      )
      await sendRaw(
        loggedUrl,
        `GET /v2.1/user HTTP/1.1\r\nAuthorization: Token ${user.token}\r\nBad Header\u0000: x\r\n\r\n`,
      )
      // An unexpected failure, logged with its error.
      logged.app.db.exec('DROP TABLE usage_daily')
      expect((await logged.call(user, 'GET', `/organizations/${name}/usage`)).status).toBe(500)

      expect(lines.length).toBeGreaterThan(5)
      const log = lines.join('')
      for (const token of [user.token, wrong]) {
        expect(log).not.toContain(token)
        // Buffers are logged as {"type":"Buffer","data":[...bytes]}: look inside them too.
        expect(decodedBuffers(log)).not.toContain(token)
      }
    } finally {
      await logged.close()
    }
  })
})

/** The text of every Buffer a JSON log line holds. */
function decodedBuffers(log: string): string {
  const texts: string[] = []
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit)
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>
      if (record.type === 'Buffer' && Array.isArray(record.data))
        texts.push(Buffer.from(record.data as number[]).toString('latin1'))
      else Object.values(record).forEach(visit)
    }
  }
  for (const line of log.split('\n')) {
    if (!line.trim()) continue
    try {
      visit(JSON.parse(line))
    } catch {
      texts.push(line)
    }
  }
  return texts.join('\n')
}
