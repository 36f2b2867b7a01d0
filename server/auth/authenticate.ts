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
  interface FastifyInstance {
    /** The sign-in settings and clock (see AuthOptions), read by the sign-in routes. */
    auth: AuthSettings
  }
}

export interface AuthOptions {
  /** Failed token attempts allowed per client address and window before 429. */
  maxFailures: number
  windowMs: number
  /** The clock, in milliseconds since the epoch: tests replace it to move time. */
  now: () => number
  /** How long an access token from POST /authorize is valid (shared/API.md: 12 hours). */
  accessTokenLifetimeMs: number
  /** Failed sign-ins (POST /authorize) allowed per email and per address within `windowMs`. */
  signIn: { perEmail: number; perAddress: number; windowMs: number }
  /**
   * The secret of the proxy in front (npm run serve, npm start) whose X-Forwarded-For is trusted
   * (see client-address.ts); unset: every client is its socket's address.
   */
  proxySecret?: string
}

export const DEFAULT_AUTH_OPTIONS: AuthOptions = {
  maxFailures: 20,
  windowMs: 60_000,
  now: () => Date.now(),
  accessTokenLifetimeMs: 12 * 60 * 60 * 1000,
  signIn: { perEmail: 10, perAddress: 30, windowMs: 15 * 60 * 1000 },
}

export interface AuthSettings extends AuthOptions {
  /** Failed sign-ins per lower-cased email. */
  emailFailures: FailedAttempts
  /** Failed sign-ins per client address. */
  addressFailures: FailedAttempts
}

const CREDENTIAL_HEADER = /^(Token|Bearer)\s+(\S+)\s*$/i

/**
 * Checks `Authorization: Token <API token>` or `Authorization: Bearer <access token>` on every
 * non-public route. Tokens are never logged: the request log has no headers, and no message here
 * includes the token. An access token past its expiry is a 401 that says so; it does not count as
 * a wrong guess (only unknown tokens do).
 */
export function installAuthentication(app: FastifyInstance, options: AuthOptions): void {
  const failures = new FailedAttempts(options.maxFailures, options.windowMs, options.now)
  const { perEmail, perAddress, windowMs } = options.signIn
  app.decorate('auth', {
    ...options,
    emailFailures: new FailedAttempts(perEmail, windowMs, options.now),
    addressFailures: new FailedAttempts(perAddress, windowMs, options.now),
  })
  app.decorateRequest('user', null as unknown as UserRow)

  app.addHook('onRequest', async (request: FastifyRequest) => {
    if (request.routeOptions.config.public || !request.routeOptions.url) return
    const header = request.headers.authorization
    if (!header)
      throw new HttpError(
        401,
        'Sign in: send your API token in the Authorization header as "Token <token>", or an access token as "Bearer <access>".',
      )

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

    const [, scheme, token] = CREDENTIAL_HEADER.exec(header) ?? []
    if (scheme?.toLowerCase() === 'bearer' && token) {
      const access = app.repositories.accessTokens.find(token)
      if (access && access.expiresAt <= options.now())
        throw new HttpError(401, 'Your session has expired (sessions last 12 hours). Sign in again.')
      if (access) {
        request.user = access.user
        return
      }
      failures.record(client)
      throw new HttpError(401, 'This access token is not valid: sign in again.')
    }

    const user = token ? app.repositories.tokens.findUser(token) : undefined
    if (!user) {
      failures.record(client)
      throw new HttpError(
        401,
        token
          ? 'This API token is not valid: sign in again with a current token.'
          : 'The Authorization header must read "Token <token>" or "Bearer <access>".',
      )
    }
    request.user = user
  })
}
