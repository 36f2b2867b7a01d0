// `npm run serve` (server/serve-app.ts) in front of a real API: headers, caching, precompressed
// files, the proxy, and the client address that the API trusts only from it.
import Fastify, { type FastifyInstance } from 'fastify'
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PROXY_SECRET_HEADER } from '../auth/client-address'
import { buildServeApp, precompress } from '../serve-app'
import { createTestApi, type TestApi } from './helpers'

const SECRET = 'serve-test-secret'
const SCRIPT = `console.log(${JSON.stringify('the dashboard '.repeat(200))})\n`
let dist: string
let api: TestApi
let apiUrl: string
let echo: FastifyInstance
let echoUrl: string

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'ubiops-serve-test-'))
  mkdirSync(join(dist, 'assets'))
  writeFileSync(
    join(dist, 'index.html'),
    '<!doctype html><script type="module" src="/assets/app-abc123.js"></script>',
  )
  writeFileSync(join(dist, 'assets', 'app-abc123.js'), SCRIPT)
  precompress(dist)

  // The real API, trusting the proxy's secret, with a low failed-token limit.
  api = await createTestApi({ auth: { maxFailures: 3, windowMs: 60_000, proxySecret: SECRET } })
  await api.app.listen({ host: '127.0.0.1', port: 0 })
  apiUrl = `http://127.0.0.1:${(api.app.server.address() as { port: number }).port}`

  // An upstream that answers with the request it got.
  echo = Fastify()
  echo.removeAllContentTypeParsers()
  echo.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body))
  echo.all('/v2.1/*', async (request) => ({ url: request.url, headers: request.headers, body: request.body }))
  await echo.listen({ host: '127.0.0.1', port: 0 })
  echoUrl = `http://127.0.0.1:${(echo.server.address() as { port: number }).port}`
})

afterAll(async () => {
  await api.close()
  await echo.close()
  rmSync(dist, { recursive: true, force: true })
})

const serve = (origin: string) =>
  buildServeApp({ dist, target: { origin, basePath: '/v2.1' }, proxySecret: SECRET })

describe('npm run serve: the built app', () => {
  it('writes brotli and gzip siblings once, for files worth compressing', () => {
    expect(readdirSync(join(dist, 'assets')).sort()).toEqual([
      'app-abc123.js',
      'app-abc123.js.br',
      'app-abc123.js.gz',
    ])
    expect(precompress(dist)).toBe(0)
  })

  it('serves every page path as the app, with the security headers and no-cache', async () => {
    const app = await serve(apiUrl)
    const page = await app.inject({ url: '/organizations/some-deep-link' })
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('/assets/app-abc123.js')
    expect(page.headers['content-security-policy']).toBe(
      "default-src 'self';script-src 'self';style-src 'self';img-src 'self' data:;font-src 'self';connect-src 'self';object-src 'none';base-uri 'none';form-action 'self';frame-ancestors 'none'",
    )
    expect(page.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
      'cross-origin-opener-policy': 'same-origin',
      'cache-control': 'no-cache',
    })
    await app.close()
  })

  it('sends hashed assets precompressed and cached for good, and a missing one as a 404', async () => {
    const app = await serve(apiUrl)
    const gzip = await app.inject({ url: '/assets/app-abc123.js', headers: { 'accept-encoding': 'gzip' } })
    expect(gzip.headers).toMatchObject({
      'content-encoding': 'gzip',
      'cache-control': 'public, max-age=31536000, immutable',
      vary: expect.stringContaining('Accept-Encoding'),
    })
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(SCRIPT)
    const br = await app.inject({ url: '/assets/app-abc123.js', headers: { 'accept-encoding': 'gzip, br' } })
    expect(br.headers['content-encoding']).toBe('br')
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(SCRIPT)
    const plain = await app.inject({
      url: '/assets/app-abc123.js',
      headers: { 'accept-encoding': 'identity' },
    })
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body).toBe(SCRIPT)
    expect((await app.inject({ url: '/assets/missing-abc123.js' })).statusCode).toBe(404)
    await app.close()
  })
})

describe('npm run serve: the /api proxy', () => {
  it("passes the request on with the client's own address and the proxy's secret, never the client's claims", async () => {
    const app = await serve(echoUrl)
    const response = await app.inject({
      method: 'POST',
      url: '/api/organizations?x=1',
      remoteAddress: '203.0.113.7',
      headers: {
        'content-type': 'text/plain',
        authorization: 'Token abc',
        'x-forwarded-for': '6.6.6.6',
        [PROXY_SECRET_HEADER]: 'forged',
      },
      payload: 'not json',
    })
    expect(response.statusCode).toBe(200)
    const seen = response.json()
    expect(seen.url).toBe('/v2.1/organizations?x=1')
    expect(seen.body).toBe('not json')
    expect(seen.headers).toMatchObject({
      authorization: 'Token abc',
      'content-type': 'text/plain',
      'x-forwarded-for': '203.0.113.7',
      [PROXY_SECRET_HEADER]: SECRET,
    })
    await app.close()
  })

  it('answers 502 with an error sentence when the API does not answer', async () => {
    const app = await serve('http://127.0.0.1:9')
    const response = await app.inject({ url: '/api/status' })
    expect(response.statusCode).toBe(502)
    expect(response.json()).toEqual({ error: 'The API could not be reached. Try again in a moment.' })
    await app.close()
  })
})

describe("one user's wrong tokens do not lock out the others", () => {
  const wrongToken = { authorization: 'Token not-a-real-token-000000' }

  it('through serve, the API counts failures per user address', async () => {
    const app = await serve(apiUrl)
    const from = (remoteAddress: string, headers: Record<string, string>) =>
      app.inject({ url: '/api/organizations', remoteAddress, headers })
    for (let attempt = 0; attempt < 3; attempt += 1)
      expect((await from('198.51.100.1', wrongToken)).statusCode).toBe(401)
    expect((await from('198.51.100.1', wrongToken)).statusCode).toBe(429)
    // Someone else behind the same proxy is not locked out.
    expect((await from('198.51.100.2', wrongToken)).statusCode).toBe(401)
    const user = api.user()
    expect((await from('198.51.100.2', { authorization: `Token ${user.token}` })).statusCode).toBe(200)
    await app.close()
  })

  it('without the proxy secret, X-Forwarded-For is ignored: the socket address counts', async () => {
    const direct = (forwardedFor: string, secret?: string) =>
      api.app.inject({
        url: '/v2.1/organizations',
        remoteAddress: '192.0.2.50',
        headers: {
          ...wrongToken,
          'x-forwarded-for': forwardedFor,
          ...(secret ? { [PROXY_SECRET_HEADER]: secret } : {}),
        },
      })
    expect((await direct('10.0.0.1')).statusCode).toBe(401)
    expect((await direct('10.0.0.2', 'wrong-secret')).statusCode).toBe(401)
    expect((await direct('10.0.0.3')).statusCode).toBe(401)
    // Three failures from 192.0.2.50, whatever it claimed: locked.
    expect((await direct('10.0.0.4')).statusCode).toBe(429)
  })
})
