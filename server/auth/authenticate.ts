import type { FastifyInstance, FastifyRequest } from 'fastify'
import { HttpError } from '../lib/http-error'
import type { UserRow } from '../repositories/users'
import { clientAddress } from './client-address'
import { FailedAttempts } from './failed-attempts'

declare module 'fastify' {
  interface FastifyRequest {
    /** The caller; set on every route that is not marked `config: { public: true }`. */
    user: UserRow
  }
  interface FastifyContextConfig {
    public?: boolean
  }
}

export interface AuthOptions {
  /** Failed token attempts allowed per client address and window before 429. */
  maxFailures: number
  windowMs: number
  /**
   * The secret of the proxy in front (npm run serve, npm start) whose X-Forwarded-For is trusted
   * (see client-address.ts); unset: every client is its socket's address.
   */
  proxySecret?: string
}

const TOKEN_HEADER = /^Token\s+(\S+)\s*$/i

/**
 * Checks `Authorization: Token <token>` on every non-public route. Tokens are never logged: the
 * request log has no headers, and no message here includes the token.
 */
export function installAuthentication(app: FastifyInstance, options: AuthOptions): void {
  const failures = new FailedAttempts(options.maxFailures, options.windowMs)
  app.decorateRequest('user', null as unknown as UserRow)

  app.addHook('onRequest', async (request: FastifyRequest) => {
    if (request.routeOptions.config.public || !request.routeOptions.url) return
    const header = request.headers.authorization
    if (!header)
      throw new HttpError(401, 'Sign in: send your API token in the Authorization header as "Token <token>".')

    const client = clientAddress(request, options.proxySecret)
    const retryAfter = failures.retryAfterSeconds(client)
    if (retryAfter > 0)
      throw new HttpError(
        429,
        `Too many wrong tokens from your address. Try again in ${retryAfter} seconds.`,
        {
          'Retry-After': String(retryAfter),
        },
      )

    const token = TOKEN_HEADER.exec(header)?.[1]
    const user = token ? app.repositories.tokens.findUser(token) : undefined
    if (!user) {
      failures.record(client)
      throw new HttpError(
        401,
        token
          ? 'This API token is not valid: sign in again with a current token.'
          : 'The Authorization header must read "Token <token>".',
      )
    }
    request.user = user
  })
}
