import { timingSafeEqual } from 'node:crypto'
import type { FastifyRequest } from 'fastify'

/**
 * The header by which `npm run serve` (and `npm start`'s dev server) proves that a request comes
 * through it: a random secret made per run and given to both processes, never to the browser.
 */
export const PROXY_SECRET_HEADER = 'x-ubiops-proxy-secret'

/** Where a process reads the secret when it is given rather than made (`npm run api`, e2e). */
export const PROXY_SECRET_ENV = 'UBIOPS_PROXY_SECRET'

function sameSecret(given: string, secret: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(secret)
  return a.length === b.length && timingSafeEqual(a, b)
}

/**
 * The address of the person behind a request, for per-client limits (failed token attempts).
 * Only a request that carries the proxy's secret may say who its client is, in X-Forwarded-For;
 * from it the last address counts (the one the proxy itself saw: earlier ones are the client's
 * own claims). Without a configured secret, or without the right one, the socket's address counts,
 * whatever the headers say, so nobody can pass as someone else by sending X-Forwarded-For.
 */
export function clientAddress(request: FastifyRequest, proxySecret: string | undefined): string {
  if (!proxySecret) return request.ip
  const given = request.headers[PROXY_SECRET_HEADER]
  if (typeof given !== 'string' || !sameSecret(given, proxySecret)) return request.ip
  const forwarded = request.headers['x-forwarded-for']
  const last = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? '')).split(',').at(-1)?.trim()
  return last || request.ip
}
