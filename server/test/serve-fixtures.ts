// Support for the proxy's tests: `npm run serve`'s app (server/serve-app.ts) listening on loopback
// in front of a real API listening too, and one HTTP exchange over a socket of its own.
import type { FastifyInstance, FastifyServerOptions } from 'fastify'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request as httpRequest, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib'
import { buildServeApp } from '../serve-app'
import type { ApiGeneration } from '../../domain/generation'
import { createTestApi, type TestApi } from './helpers'

export const SERVE_SECRET = 'serve-fixture-secret'

export interface ServedApi {
  api: TestApi
  /** The API's own port, to compare its answers with the proxy's. */
  apiPort: number
  serve: FastifyInstance
  /** The proxy's port: the API is under /api. */
  port: number
  close(): Promise<void>
}

/**
 * A built dashboard of two files, the API (failed-token limit out of the way unless asked) and
 * the proxy in front of it, both listening on 127.0.0.1 on free ports.
 */
export async function startServedApi(
  options: {
    apiGeneration?: ApiGeneration
    serveLogger?: FastifyServerOptions['logger']
    apiLogger?: FastifyServerOptions['logger']
    requestTimeoutMs?: number
  } = {},
): Promise<ServedApi> {
  const dist = mkdtempSync(join(tmpdir(), 'ubiops-serve-fixture-'))
  mkdirSync(join(dist, 'assets'))
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>dashboard</title>')
  writeFileSync(join(dist, 'assets', 'app-abc123.js'), 'console.log(1)\n')
  const api = await createTestApi({
    apiGeneration: options.apiGeneration,
    logger: options.apiLogger,
    auth: { maxFailures: 1_000_000, windowMs: 60_000, proxySecret: SERVE_SECRET },
  })
  await api.app.listen({ host: '127.0.0.1', port: 0 })
  const apiPort = (api.app.server.address() as { port: number }).port
  const serve = await buildServeApp({
    dist,
    target: { origin: `http://127.0.0.1:${apiPort}`, basePath: '/v2.1' },
    proxySecret: SERVE_SECRET,
    logger: options.serveLogger,
    requestTimeoutMs: options.requestTimeoutMs,
  })
  await serve.listen({ host: '127.0.0.1', port: 0 })
  const port = (serve.server.address() as { port: number }).port
  return {
    api,
    apiPort,
    serve,
    port,
    async close() {
      await serve.close()
      await api.close()
      rmSync(dist, { recursive: true, force: true })
    },
  }
}

export interface Answer {
  status: number
  headers: IncomingHttpHeaders
  /** The body as text, decompressed. */
  body: string
}

/** The body of an answer, whatever Content-Encoding it came in. */
export function decoded(headers: IncomingHttpHeaders, bytes: Buffer): string {
  const encoding = headers['content-encoding']
  // A HEAD answer, or a 304: the headers of a body that is not there.
  if (bytes.length === 0) return ''
  if (encoding === 'gzip') return gunzipSync(bytes).toString()
  if (encoding === 'br') return brotliDecompressSync(bytes).toString()
  if (encoding === 'deflate') return inflateSync(bytes).toString()
  return bytes.toString()
}

export interface Exchange {
  port: number
  method: string
  /** Sent as written: odd encodings and double slashes included. */
  path: string
  headers?: OutgoingHttpHeaders
  body?: Buffer | string
  /** With `Expect: 100-continue`, the body waits for the server's 100 (or is never sent). */
  waitForContinue?: boolean
  agent?: import('node:http').Agent | false
}

/**
 * One request through node:http. Resolves with the answer; an error after the answer arrived (a
 * body the server no longer reads) does not count, one before it rejects.
 */
export function exchange(request: Exchange): Promise<Answer> {
  return new Promise((resolve, reject) => {
    let answered = false
    const outgoing = httpRequest(
      {
        host: '127.0.0.1',
        port: request.port,
        method: request.method,
        path: request.path,
        headers: request.headers,
        agent: request.agent ?? false,
      },
      (response) => {
        answered = true
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () => {
          try {
            resolve({
              status: response.statusCode ?? 0,
              headers: response.headers,
              body: decoded(response.headers, Buffer.concat(chunks)),
            })
          } catch (error) {
            reject(error as Error)
          }
        })
        response.on('error', reject)
      },
    )
    outgoing.on('error', (error) => {
      if (!answered) reject(error)
    })
    if (request.waitForContinue) {
      outgoing.on('continue', () => outgoing.end(request.body))
      outgoing.flushHeaders()
    } else outgoing.end(request.body)
  })
}

/**
 * Writes `bytes` on a fresh connection and collects what comes back until the server closes it.
 * Resolves with the bytes read; a connection left open fails the test by its timeout.
 */
export function rawExchange(port: number, bytes: string | Buffer): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    const chunks: Buffer[] = []
    socket.on('data', (chunk: Buffer) => chunks.push(chunk))
    socket.on('error', () => {})
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')))
    socket.write(bytes)
  })
}

/** The status and body of a raw answer (Content-Length bodies only, as every error has). */
export function parseRaw(raw: string): { status: number; head: string; body: string } {
  const split = raw.indexOf('\r\n\r\n')
  const head = split === -1 ? raw : raw.slice(0, split)
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0)
  return { status, head, body: split === -1 ? '' : raw.slice(split + 4) }
}
