// What reaches a log: request lines without credentials. Fastify logs each request through pino's
// `req` serializer; ours writes the URL with the value of every credential-like query parameter
// (`?token=`, `access_token`, `password`, `code`, `secret`, `key`, ...) replaced. Headers are not
// logged at all (Fastify's default serializer leaves them out), so Authorization never is.
import type { FastifyRequest, FastifyServerOptions } from 'fastify'

/** A query parameter whose name says it carries a secret. */
const CREDENTIAL_NAME = /token|secret|passw|pwd|key|auth|code|session|signature|credential|otp/i
export const REDACTED = '[REDACTED]'

/**
 * The URL (path and query, as a request line has it) with the value of each credential-like
 * query parameter replaced by {@link REDACTED}; the path is kept as it came. Never throws, whatever
 * the encoding: a parameter name that does not decode is judged as written.
 */
export function redactUrl(url: string): string {
  const queryAt = url.indexOf('?')
  if (queryAt === -1) return url
  const query = url
    .slice(queryAt + 1)
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=')
      const name = equals === -1 ? pair : pair.slice(0, equals)
      let decoded = name
      try {
        decoded = decodeURIComponent(name.replaceAll('+', ' '))
      } catch {
        // Judged as written.
      }
      return equals !== -1 && CREDENTIAL_NAME.test(decoded) ? `${name}=${REDACTED}` : pair
    })
  return `${url.slice(0, queryAt)}?${query.join('&')}`
}

/** Fastify's request serializer (method, url, host, addresses), with {@link redactUrl} applied. */
function serializeRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  }
}

/**
 * Fastify's `logger` option with the redacting `req` serializer added: `false` stays `false`,
 * `true` becomes the default level with it, an options object keeps its settings (its own
 * serializers win, except `req`). Used by the API (app.ts) and the proxy (serve-app.ts).
 */
export function redactingLogger(logger: FastifyServerOptions['logger']): FastifyServerOptions['logger'] {
  if (!logger) return false
  const options = logger === true ? {} : logger
  return { ...options, serializers: { ...options.serializers, req: serializeRequest } }
}
