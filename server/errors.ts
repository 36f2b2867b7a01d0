// Every failure, whatever raised it, leaves as {"error": "<a sentence a person can act on>"} with
// its status, and never with a stack trace.
import type { ConnectionError, FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import { HttpError } from './lib/http-error'

interface ValidationIssue {
  keyword: string
  instancePath: string
  params: Record<string, unknown>
  parentSchema?: { description?: string }
  data?: unknown
}

function jsonType(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'an object'
  if (typeof value === 'string') return 'a string'
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  return typeof value === 'number' ? 'a number' : typeof value
}

const PLACES: Record<string, string> = { body: 'body', querystring: 'query', params: 'path' }

function describeIssue(issue: ValidationIssue, context: string): string {
  const field = issue.instancePath.replace(/^\//, '').replaceAll('/', '.')
  if (issue.keyword === 'required') return `${String(issue.params.missingProperty)}: this field is required.`
  if (field === '' && issue.keyword === 'type')
    return context === 'body'
      ? 'The body must be a JSON object, for example {"name": "..."}.'
      : `The ${PLACES[context] ?? context} parameters are not valid.`
  const expected = issue.parentSchema?.description ?? `of type ${String(issue.params.type)}`
  const got = issue.keyword === 'type' && context === 'body' ? `, not ${jsonType(issue.data)}` : ''
  return `${field}: must be ${expected}${got}.`
}

/** One sentence naming every field at fault, from Ajv's issues. */
export function validationMessage(issues: ValidationIssue[], context: string): string {
  const messages = [...new Set(issues.map((issue) => describeIssue(issue, context)))]
  return messages.join(' ')
}

const FASTIFY_MESSAGES: Record<string, string> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Send the body as JSON, with the header Content-Type: application/json.',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'The body is empty: send a JSON object, or no Content-Type header.',
  FST_ERR_CTP_INVALID_JSON_BODY:
    'The body is not valid JSON: send a JSON object, for example {"name": "..."}.',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH:
    'The Content-Length header does not match the body: send the body again.',
  FST_ERR_BAD_URL: 'The address is not valid: check how the path is encoded.',
}

/**
 * The status and sentence for any error a Fastify app raises: ours ({@link HttpError}), schema
 * validation, Fastify's own codes, SQLite's busy, anything else as a 500 that says nothing
 * internal. `bodyLimit` (bytes) is named in the 413's sentence. Shared by the API and the proxy.
 */
export function errorAnswer(
  error: FastifyError,
  request: FastifyRequest,
  bodyLimit: number,
): { status: number; message: string } {
  if (error instanceof HttpError) return { status: error.statusCode, message: error.message }
  if (error.validation)
    return {
      status: 400,
      message: validationMessage(error.validation as ValidationIssue[], error.validationContext ?? 'body'),
    }
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
    return { status: 413, message: `The body is larger than ${Math.round(bodyLimit / 1024)} KB: send less.` }
  // Another process held the write lock for longer than busy_timeout: a retry will most likely pass.
  if (error.code === 'SQLITE_BUSY' || error.code === 'SQLITE_LOCKED')
    return { status: 503, message: 'The database is busy with other changes. Try again in a moment.' }
  const known = error.code ? FASTIFY_MESSAGES[error.code] : undefined
  if (known) return { status: error.statusCode ?? 400, message: known }
  // JSON.parse's own SyntaxError, from any parser that does not wrap it.
  if (error instanceof SyntaxError || error.statusCode === 400)
    return { status: 400, message: FASTIFY_MESSAGES.FST_ERR_CTP_INVALID_JSON_BODY! }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)
    return {
      status: error.statusCode,
      message: `The request cannot be handled (${request.method} ${request.url}).`,
    }
  return {
    status: 500,
    message: 'Something went wrong on the server. Try again; if it keeps failing, check the server log.',
  }
}

/**
 * Fastify answers a few failures before routing, without the error handler: an undecodable path
 * (`%ZZ`) and an over-long path segment. They get the same {"error"} shape. No segment of this API
 * is longer than 100 characters (names have at most 64, ids 36), so that one names no object: 404.
 */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    void reply
      .code(404)
      .send({ error: 'There is no such object: a part of the path is longer than any name or id.' })
    return
  }
  void reply
    .code(400)
    .send({ error: FASTIFY_MESSAGES[error.code] ?? 'The address is not valid: check the path.' })
}

const CLIENT_ERRORS: Record<string, { status: number; message: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    message: 'The request line or headers are larger than 16 KB: send a shorter address and fewer headers.',
  },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, message: 'The request took too long to arrive: send it again.' },
}

/**
 * Requests Node's HTTP parser refuses (oversized headers, bytes that are not HTTP) never reach
 * Fastify's handlers. Answer them in the same {"error"} shape. Unlike Fastify's default handler,
 * log only the error code: the parser's error carries the raw request bytes, token included.
 */
export function clientErrorHandler(this: FastifyInstance, error: ConnectionError, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return
  const { status, message } = CLIENT_ERRORS[error.code] ?? {
    status: 400,
    message: 'The request is not valid HTTP: check the client that sent it.',
  }
  this.log.debug({ code: error.code }, 'refused a malformed request')
  if (socket.writable) {
    const body = JSON.stringify({ error: message })
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    )
  }
  socket.destroy()
}

/**
 * Bodies up to this many bytes are read to their end and dropped when a request is refused before
 * its body was read (a body over the limit, a Content-Type refused): a client that is still
 * sending when the answer leaves then reads the answer instead of a reset connection (RFC 9112
 * section 9.6). Past it, the answer leaves and the connection closes. It covers the proxy's own
 * body limit (1 MB) with room.
 */
export const DISCARD_LIMIT = 4 * 1024 * 1024

/**
 * Reads what is left of a request's body and drops it, up to `limit` bytes. Resolves true when
 * the body ended (the connection can carry the answer), false when it went past `limit`, failed,
 * or the client went away.
 */
export function discardBody(raw: IncomingMessage, limit = DISCARD_LIMIT): Promise<boolean> {
  if (raw.complete || raw.readableEnded) return Promise.resolve(true)
  if (raw.destroyed) return Promise.resolve(false)
  return new Promise((resolve) => {
    let seen = 0
    const finish = (ended: boolean) => {
      raw.off('data', onData)
      raw.off('end', onEnd)
      raw.off('error', onFailure)
      raw.off('close', onFailure)
      if (!ended) raw.pause()
      resolve(ended)
    }
    const onData = (chunk: Buffer) => {
      seen += chunk.length
      if (seen > limit) finish(false)
    }
    const onEnd = () => finish(true)
    const onFailure = () => finish(raw.complete)
    raw.on('data', onData)
    raw.once('end', onEnd)
    raw.once('error', onFailure)
    raw.once('close', onFailure)
    raw.resume()
  })
}

/** What the API and the proxy answer to an `Expect` other than `100-continue` (Node's own is an empty 417). */
export const EXPECTATION_MESSAGE =
  'The Expect header can only be 100-continue: send the request again without it, or with that value.'

/**
 * The HTTP server's `checkExpectation` listener: a 417 in the {"error"} shape, and the connection
 * closed (the body that may follow is not read).
 */
export function refuseExpectation(_request: IncomingMessage, response: ServerResponse): void {
  const body = JSON.stringify({ error: EXPECTATION_MESSAGE })
  response.writeHead(417, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    Connection: 'close',
  })
  response.end(body)
}

/**
 * Node's HTTP server options that make `requestTimeoutMs` (milliseconds for a whole request,
 * headers and body) hold: given when the server is made, since Node reads them only then (Fastify
 * sets `requestTimeout` afterwards, which left the headers' 60 s in force and let a trickled body
 * live about twice a 30 s timeout), and looked for every quarter of the timeout, at most every
 * second (Node's default is every 30 s). A request past it gets 408 from {@link clientErrorHandler}.
 */
export function requestTimeoutOptions(requestTimeoutMs: number) {
  return {
    requestTimeout: requestTimeoutMs,
    headersTimeout: requestTimeoutMs,
    connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.floor(requestTimeoutMs / 4))),
  }
}

/**
 * The error handler of the API and the proxy: {@link errorAnswer}'s status and sentence as
 * {"error"}, after reading what is left of a body that was refused unread ({@link discardBody}).
 */
export function errorHandler(bodyLimit: number) {
  return async (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const { status, message } = errorAnswer(error, request, bodyLimit)
    if (status >= 500) request.log.error({ err: error }, 'unexpected failure')
    if (error instanceof HttpError) void reply.headers(error.headers)
    if (status === 503) void reply.header('Retry-After', '1')
    if (!(await discardBody(request.raw))) void reply.header('Connection', 'close')
    return reply.code(status).type('application/json; charset=utf-8').send({ error: message })
  }
}

/**
 * Installs the error and not-found handlers. A path that exists with another method is a 405
 * with an Allow header; the methods of each path are collected as the routes are registered.
 */
export function installErrorHandling(app: FastifyInstance, bodyLimit: number): void {
  const methodsByPath = new Map<string, { pattern: RegExp; methods: Set<string> }>()
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method]
    const escaped = route.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    const pattern = new RegExp(`^${escaped.replace(/:[^/]+/g, '[^/]+').replace(/\/$/, '')}/?$`)
    const entry = methodsByPath.get(route.url) ?? { pattern, methods: new Set<string>() }
    for (const method of methods) entry.methods.add(method)
    methodsByPath.set(route.url, entry)
  })

  app.setErrorHandler(errorHandler(bodyLimit))

  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0] ?? ''
    for (const { pattern, methods } of methodsByPath.values()) {
      if (!pattern.test(path) || methods.has(request.method)) continue
      const allowed = [...methods].sort().join(', ')
      return reply
        .code(405)
        .header('Allow', allowed)
        .send({ error: `${request.method} is not allowed on ${path}; use ${allowed}.` })
    }
    return reply.code(404).send({
      error: `There is no ${path} in this API: its paths start with /v2.1/ and are listed in /v2.1/openapi.json.`,
    })
  })
}
