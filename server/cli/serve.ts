// `npm run build && npm run serve`: the built dashboard (dist/) with the same `/api` proxy as the
// dev server, for real deployments. UBIOPS_API_URL says where the API is; without it the local API
// is started in this process (seeded on first start), like `npm start` does.
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { extname, join, relative, resolve, sep } from 'node:path'
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib'
import { DEFAULT_DATABASE_PATH } from '../db/open'
import { startApiServer, type RunningApiServer } from '../start-api-server'
import { apiTarget } from './api-target'

const DIST = resolve(process.env.DIST_DIR || 'dist')
const HOST = process.env.WEB_HOST || '127.0.0.1'
const PORT = Number(process.env.WEB_PORT || 4173)

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
}
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json', '.txt', '.map'])

/** No inline script or style element anywhere in the build, so nothing inline is allowed. */
const SECURITY_HEADERS = {
  'Content-Security-Policy': [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; '),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
}

interface StaticFile {
  type: string
  body: Buffer
  gzip?: Buffer
  br?: Buffer
  cacheControl: string
}

/** Reads dist/ once and compresses what is worth it; the build never changes while serving. */
function loadDist(): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>()
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) {
        walk(path)
        continue
      }
      const ext = extname(name)
      const urlPath = '/' + relative(DIST, path).split(sep).join('/')
      const body = readFileSync(path)
      const file: StaticFile = {
        type: TYPES[ext] ?? 'application/octet-stream',
        body,
        // Hashed names under /assets never change content; everything else is checked each time.
        cacheControl: urlPath.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      }
      if (COMPRESSIBLE.has(ext) && body.length > 512) {
        file.gzip = gzipSync(body, { level: 9 })
        file.br = brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } })
      }
      files.set(urlPath, file)
    }
  }
  walk(DIST)
  return files
}

function sendFile(request: FastifyRequest, reply: FastifyReply, file: StaticFile) {
  const accepted = String(request.headers['accept-encoding'] ?? '')
  reply
    .header('Content-Type', file.type)
    .header('Cache-Control', file.cacheControl)
    .header('Vary', 'Accept-Encoding')
  if (file.br && /\bbr\b/.test(accepted)) return reply.header('Content-Encoding', 'br').send(file.br)
  if (file.gzip && /\bgzip\b/.test(accepted)) return reply.header('Content-Encoding', 'gzip').send(file.gzip)
  return reply.send(file.body)
}

// Request headers worth passing on; Authorization goes through but is never logged. If-None-Match
// lets the browser revalidate what it holds: the API's 304 comes back with no body.
const FORWARDED_REQUEST_HEADERS = [
  'authorization',
  'content-type',
  'accept',
  'accept-language',
  'user-agent',
  'if-none-match',
]
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-encoding',
  'content-length',
  'upgrade',
])

/** The raw request body as fetch accepts it (a Buffer is a Uint8Array underneath). */
function bodyOf(request: FastifyRequest): Uint8Array<ArrayBuffer> | undefined {
  const body = request.body as Buffer | undefined
  return body && body.length > 0 ? new Uint8Array(body) : undefined
}

async function main() {
  let localApi: RunningApiServer | null = null
  if (!process.env.UBIOPS_API_URL) {
    localApi = await startApiServer({
      dbPath: process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH,
      port: Number(process.env.PORT || 8787),
    })
  }
  const target = apiTarget(localApi?.url ?? process.env.UBIOPS_API_URL)

  let files: Map<string, StaticFile>
  try {
    files = loadDist()
  } catch {
    console.error(`No build found in ${DIST}. Run \`npm run build\` first.`)
    await localApi?.close()
    process.exit(1)
  }
  const indexHtml = files.get('/index.html')
  if (!indexHtml) throw new Error(`${DIST}/index.html is missing; run \`npm run build\`.`)

  // Request logs without headers: the Authorization header must never reach a log.
  const app = Fastify({ logger: { level: process.env.LOG_LEVEL || 'info' }, trustProxy: false })
  app.addHook('onSend', async (_request, reply) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.header(name, value)
  })

  await app.register(async (api) => {
    // Bodies pass through untouched, whatever their type.
    api.removeAllContentTypeParsers()
    api.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 1024 * 1024 }, (_req, body, done) =>
      done(null, body),
    )
    api.all('/api/*', async (request, reply) => {
      const url = new URL(request.url, 'http://local.invalid')
      const upstream = `${target.origin}${target.basePath}${url.pathname.replace(/^\/api/, '')}${url.search}`
      const headers: Record<string, string> = {}
      for (const name of FORWARDED_REQUEST_HEADERS) {
        const value = request.headers[name]
        if (typeof value === 'string') headers[name] = value
      }
      // Who is really asking, for an API that rate-limits per client (when it trusts this proxy).
      headers['x-forwarded-for'] = request.ip
      let response: Response
      try {
        response = await fetch(upstream, {
          method: request.method,
          headers,
          body: ['GET', 'HEAD'].includes(request.method) ? undefined : bodyOf(request),
          signal: AbortSignal.timeout(30_000),
        })
      } catch (error) {
        request.log.warn({ err: (error as Error).message }, 'the API did not answer')
        return reply.code(502).send({ error: 'The API could not be reached. Try again in a moment.' })
      }
      reply.code(response.status)
      response.headers.forEach((value, name) => {
        if (!HOP_BY_HOP.has(name)) reply.header(name, value)
      })
      // A 304 has no body, and no Content-Type of ours: the browser would merge one into what it holds.
      if (response.status === 304) return reply.send()
      return reply.send(Buffer.from(await response.arrayBuffer()))
    })
  })

  app.get('/*', async (request, reply) => {
    const pathname = decodeURIComponent(new URL(request.url, 'http://local.invalid').pathname)
    const file = files.get(pathname)
    if (file && pathname !== '/index.html') return sendFile(request, reply, file)
    // A missing hashed asset is a real 404 (an old tab after a deployment), not the app.
    if (pathname.startsWith('/assets/') || extname(pathname))
      return reply.code(404).type('text/plain').send('Not found')
    // Every other path is a page of the single-page app.
    return sendFile(request, reply, indexHtml)
  })

  await app.listen({ host: HOST, port: PORT })
  console.log(`\n  Dashboard:  http://${HOST}:${PORT}/`)
  console.log(`  API:        ${target.origin}${target.basePath}${localApi ? ' (local)' : ''}\n`)

  const stop = async () => {
    await app.close()
    await localApi?.close()
    process.exit(0)
  }
  process.once('SIGINT', () => void stop())
  process.once('SIGTERM', () => void stop())
}

await main()
