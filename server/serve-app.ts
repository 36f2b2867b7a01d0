// The app behind `npm run serve`: the built dashboard (dist/) and the `/api` proxy, on Fastify's
// own plugins: @fastify/helmet (headers, CSP), @fastify/static (files, precompressed siblings,
// caching), @fastify/compress (everything else, the API's answers included) and
// @fastify/http-proxy (the API). server/cli/serve.ts starts it.
import compress from '@fastify/compress'
import helmet from '@fastify/helmet'
import proxy from '@fastify/http-proxy'
import staticFiles from '@fastify/static'
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyServerOptions } from 'fastify'
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { extname, join } from 'node:path'
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib'
import { PROXY_SECRET_HEADER } from './auth/client-address'
import {
  clientErrorHandler,
  requestTimeoutOptions,
  errorHandler,
  frameworkErrors,
  refuseExpectation,
} from './errors'
import { redactingLogger } from './lib/log-redaction'

/** Files worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json', '.txt', '.map'])
/** Below this, compression saves less than the headers it costs. */
const MIN_COMPRESS_BYTES = 512

/** Hashed names under /assets never change content; everything else is checked each time. */
const IMMUTABLE = 'public, max-age=31536000, immutable'
const REVALIDATE = 'no-cache'

/** Content-Security-Policy: no inline script or style element anywhere in the build, so nothing inline. */
const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
}

/**
 * Writes `file.br` (brotli, quality 11) and `file.gz` (gzip, level 9) beside every compressible
 * file of the build that has none yet, once at start: @fastify/static then sends the smallest one
 * the browser accepts, with no compression work per request. Returns how many files it wrote.
 */
export function precompress(dir: string): number {
  let written = 0
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) {
      written += precompress(path)
      continue
    }
    if (!COMPRESSIBLE.has(extname(name))) continue
    const body = readFileSync(path)
    if (body.length <= MIN_COMPRESS_BYTES) continue
    const siblings: [string, () => Buffer][] = [
      [`${path}.br`, () => brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } })],
      [`${path}.gz`, () => gzipSync(body, { level: 9 })],
    ]
    for (const [target, make] of siblings) {
      try {
        if (statSync(target).mtimeMs >= statSync(path).mtimeMs) continue
      } catch {
        // not there yet
      }
      try {
        writeFileSync(target, make())
        written += 1
      } catch {
        // A read-only build: @fastify/compress compresses that file per request instead.
      }
    }
  }
  return written
}

export interface ServeAppOptions {
  /** The build (dist/), precompressed (see {@link precompress}). */
  dist: string
  /** The API base URL's origin and path: `http://127.0.0.1:8787` and `/v2.1`. */
  target: { origin: string; basePath: string }
  /** Sent to the API with each request so that it trusts our X-Forwarded-For (client-address.ts). */
  proxySecret?: string
  logger?: FastifyServerOptions['logger']
  /** A whole request (headers and body) must arrive within this many milliseconds; default 30 s. */
  requestTimeoutMs?: number
}

/** The largest body the proxy passes on, in bytes: the API refuses anything over its own (smaller) limit. */
export const PROXY_BODY_LIMIT = 1024 * 1024

/**
 * Hop-by-hop headers (RFC 9110 section 7.6.1): they describe one connection, the API's to this
 * proxy, and never travel on. Copying the API's `Connection: keep-alive` kept open the sockets of
 * clients that had asked for `Connection: close`.
 */
const HOP_BY_HOP = [
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
]

/** The request's Content-Type as the client sent it, kept aside while the proxy reads the body as bytes. */
const sentContentType = new WeakMap<object, string>()

/** Every refusal of the proxy's own, in the API's {"error"} shape. */
const refuse = (reply: FastifyReply, status: number, error: string) =>
  reply.code(status).type('application/json; charset=utf-8').send({ error })

/** The app, not listening: cli/serve.ts listens, tests call `inject()`. */
export async function buildServeApp(options: ServeAppOptions): Promise<FastifyInstance> {
  // Request logs without headers: the Authorization header must never reach a log.
  const requestTimeout = options.requestTimeoutMs ?? 30_000
  const app = Fastify({
    // Request URLs are logged with their credentials redacted (lib/log-redaction.ts).
    logger: redactingLogger(options.logger ?? false),
    trustProxy: false,
    bodyLimit: PROXY_BODY_LIMIT,
    // The API's own answers to what Fastify and Node refuse before any route: {"error"}, no codes.
    frameworkErrors,
    clientErrorHandler,
    requestTimeout,
    http: {
      requireHostHeader: false,
      ...requestTimeoutOptions(requestTimeout),
    },
  })
  app.server.on('checkExpectation', refuseExpectation)
  app.setErrorHandler(errorHandler(PROXY_BODY_LIMIT))

  // The proxy reads bodies as bytes, whatever they claim to be (the API judges the Content-Type,
  // so a malformed or empty one gets the API's answer, not Fastify's), up to PROXY_BODY_LIMIT: a
  // body is read whole before it is sent on, so that the API refusing it early cannot cut the
  // stream the proxy is still writing.
  app.addHook('onRequest', async (request) => {
    const type = request.headers['content-type']
    if (type === undefined) return
    sentContentType.set(request.raw, type)
    delete request.headers['content-type']
  })
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) =>
    done(null, (body as Buffer).length > 0 ? body : undefined),
  )

  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    // Plain HTTP on a laptop as often as behind TLS: HSTS is the TLS terminator's to send.
    strictTransportSecurity: false,
  })
  // The API's answers (the member list is 1.3 MB of JSON); static files come precompressed.
  await app.register(compress, { global: true, threshold: MIN_COMPRESS_BYTES })

  await app.register(staticFiles, {
    root: options.dist,
    preCompressed: true,
    wildcard: false,
    index: false,
    cacheControl: false,
    setHeaders: (res, path) => {
      res.setHeader(
        'Cache-Control',
        path.includes(`${join(options.dist, 'assets')}`) ? IMMUTABLE : REVALIDATE,
      )
      res.setHeader('Vary', 'Accept-Encoding')
    },
  })

  await app.register(proxy, {
    upstream: options.target.origin,
    prefix: '/api',
    rewritePrefix: options.target.basePath,
    // Bodies pass through untouched, as read above (the parser is this app's).
    proxyPayloads: false,
    undici: { headersTimeout: 30_000, bodyTimeout: 30_000 },
    handler: (request, reply, destination, replyOptions) => {
      const body = request.body as Buffer | undefined
      if (!body || request.method === 'GET' || request.method === 'HEAD')
        return reply.from(destination, replyOptions)
      // The Content-Type given here is replaced by the client's own in rewriteRequestHeaders.
      return reply.from(destination, { ...replyOptions, body, contentType: 'application/octet-stream' })
    },
    replyOptions: {
      rewriteRequestHeaders: (request, headers) => {
        // Who is really asking: the address this server saw, not whatever the client claims.
        const rewritten: Record<string, string | string[] | undefined> = {
          ...headers,
          'x-forwarded-for': request.ip,
        }
        delete rewritten[PROXY_SECRET_HEADER]
        delete rewritten['x-forwarded-host']
        delete rewritten['x-forwarded-proto']
        // This proxy answered the client's 100-continue itself, and has the whole body.
        delete rewritten.expect
        delete rewritten['content-type']
        const type = sentContentType.get(request.raw)
        if (type !== undefined) rewritten['content-type'] = type
        if (options.proxySecret) rewritten[PROXY_SECRET_HEADER] = options.proxySecret
        return rewritten
      },
      rewriteHeaders: (headers) => {
        const kept = { ...headers }
        for (const name of HOP_BY_HOP) delete kept[name]
        return kept
      },
      onError: (reply, { error }) => {
        reply.log.warn({ err: error.message }, 'the API did not answer')
        const timedOut = (error as { statusCode?: number }).statusCode === 504
        void reply
          .code(timedOut ? 504 : 502)
          .type('application/json; charset=utf-8')
          .send({
            error: timedOut
              ? 'The API did not answer in time. Try again in a moment.'
              : 'The API could not be reached. Try again in a moment.',
          })
      },
    },
  })

  app.setNotFoundHandler((request, reply) => {
    const pathname = request.url.split('?')[0] ?? ''
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return refuse(
        reply,
        404,
        `There is no ${pathname} to ${request.method}: the API is under /api/, and pages answer GET.`,
      )
    // A missing hashed asset is a real 404 (an old tab after a deployment), not the app.
    if (pathname.startsWith('/assets/') || extname(pathname))
      return refuse(reply, 404, `There is no file ${pathname}: reload the page to get the current ones.`)
    // Every other path is a page of the single-page app.
    return reply.sendFile('index.html')
  })

  // Static routes for every file of the build (wildcard: false), index.html at its own path too.
  return app
}
