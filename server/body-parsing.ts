// How request bodies are read. Real HTTP clients send a Content-Type on requests that carry no
// body: the official Python client 3.7 sends `Content-Type: application/json` with an empty DELETE,
// others add `; charset=utf-8` or `Content-Length: 0` (shared/API.md: "a body-less request is a
// body-less request, whatever its Content-Type says"). So an empty body is no body, for every
// Content-Type, at the parser level; only a route that needs a body refuses it, with a 400 that
// says so. A non-empty body must still be JSON (else 415).
import type { FastifyInstance } from 'fastify'
import { HttpError } from './lib/http-error'

export const EMPTY_BODY_MESSAGE =
  'The body is empty: the body must be a JSON object, for example {"name": "..."}.'
export const NOT_JSON_MESSAGE = 'Send the body as JSON, with the header Content-Type: application/json.'

/** Whether a body, as received, is empty (nothing, or only whitespace). */
const isEmpty = (body: string | Buffer) => (typeof body === 'string' ? body : body.toString()).trim() === ''

/**
 * Replaces Fastify's parsers: JSON (with its own `__proto__` handling kept) where an empty body is
 * `undefined`; any other Content-Type is `undefined` when empty and a 415 otherwise. Routes with a
 * body schema answer 400 {@link EMPTY_BODY_MESSAGE} when the body is `undefined`.
 */
export function installBodyParsing(app: FastifyInstance): void {
  const json = app.getDefaultJsonParser('remove', 'remove')
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (isEmpty(body)) return done(null, undefined)
    json(request, body as string, done)
  })
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => {
    if (isEmpty(body)) return done(null, undefined)
    done(new HttpError(415, NOT_JSON_MESSAGE), undefined)
  })
  // A request that declares no body (no Transfer-Encoding, no or a zero Content-Length) has none:
  // its Content-Type, even a malformed one, describes nothing and is not checked.
  app.addHook('onRequest', async (request) => {
    const { headers } = request
    if (
      headers['content-type'] !== undefined &&
      headers['transfer-encoding'] === undefined &&
      (headers['content-length'] === undefined || headers['content-length'] === '0')
    )
      delete headers['content-type']
  })
  app.addHook('preValidation', async (request) => {
    if (request.body === undefined && request.routeOptions.schema?.body)
      throw new HttpError(400, EMPTY_BODY_MESSAGE)
  })
}
