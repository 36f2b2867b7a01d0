import type { FastifyInstance, FastifyRequest } from 'fastify'
import { HttpError } from '../lib/http-error'
import { outsideServiceUserProject } from './access'
import type { ServiceUserCaller } from '../repositories/service-users'
import type { UserRow } from '../repositories/users'
import { clientAddress } from './client-address'
import { FailedAttempts } from './failed-attempts'
import { SignInLimits, type SignInLimitOptions } from './sign-in-limits'

declare module 'fastify' {
  interface FastifyRequest {
    /** The caller; set on every route that is not marked `config: { public: true }`. */
    user: UserRow
    /** How the caller signed in; set with `user` (null on public routes). */
    credential: Credential | null
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
  /** Failed sign-ins (POST /authorize): see sign-in-limits.ts. */
  signIn: SignInLimitOptions
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
  signIn: {
    perPair: 10,
    perAddress: 30,
    perEmail: 10,
    windowMs: 15 * 60 * 1000,
    emailPaceMs: 1000,
    maxPaceWaitMs: 30_000,
  },
}

/** What buildApp({ auth }) may change: any option, and any of the sign-in limits alone. */
export type AuthOverrides = Partial<Omit<AuthOptions, 'signIn'>> & { signIn?: Partial<SignInLimitOptions> }

export interface AuthSettings extends AuthOptions {
  /** Failed sign-ins per email-and-address pair, per address, and the pace per email. */
  signInLimits: SignInLimits
}

/**
 * An API token (a service user's on the hosted API, not a person), or a person's access token
 * from POST /authorize, with whether it was issued after a two-factor code.
 */
export type Credential =
  | { kind: 'api-token' }
  | { kind: 'access'; token: string; secondFactor: boolean }
  | { kind: 'service-user'; projectId: string; projectName: string }

// The API's prefix (app.ts's API_PREFIX), written here so that this module does not import the app.
const API_PREFIX = '/v2.1'

const CREDENTIAL_HEADER = /^(Token|Bearer)\s+(\S+)\s*$/i

/**
 * A service user's token (the hosted API's API tokens): refused once expired (a 401 that says
 * when, not counted as a wrong guess), and its use recorded (repositories/service-users.ts, at most
 * once a minute). A service user is not a person nor a member of any organization, so it never has
 * an organization's rights: it reaches only the project endpoints (and `GET /user`), where
 * access.ts lets it act in its own project by the roles it holds there.
 */
function authenticateServiceUser(
  request: FastifyRequest,
  serviceUser: ServiceUserCaller,
  nowMs: number,
): void {
  if (serviceUser.expiry_date !== null && Date.parse(serviceUser.expiry_date) <= nowMs)
    throw new HttpError(
      401,
      `This service user's token expired on ${serviceUser.expiry_date}. Ask an admin of the project ` +
        `"${serviceUser.project_name}" to give it a later expiry date.`,
    )
  const url = request.routeOptions.url ?? ''
  const reachable =
    url === `${API_PREFIX}/user` ||
    url === `${API_PREFIX}/projects` ||
    url.startsWith(`${API_PREFIX}/projects/`)
  if (!reachable) throw outsideServiceUserProject(serviceUser.project_name)
  request.server.repositories.serviceUsers.recordUse(serviceUser.id, nowMs)
  request.user = {
    id: serviceUser.id,
    email: serviceUser.email,
    name: serviceUser.name ?? '',
    surname: '',
    staff: 0,
  }
  request.credential = {
    kind: 'service-user',
    projectId: serviceUser.project_id,
    projectName: serviceUser.project_name,
  }
}

/**
 * Checks `Authorization: Token <API token>` or `Authorization: Bearer <access token>` on every
 * non-public route. Tokens are never logged: the request log has no headers, and no message here
 * includes the token. An access token past its expiry is a 401 that says so; it does not count as
 * a wrong guess (only unknown tokens do).
 */
export function installAuthentication(app: FastifyInstance, overrides: AuthOverrides = {}): void {
  const options: AuthOptions = {
    ...DEFAULT_AUTH_OPTIONS,
    ...overrides,
    signIn: { ...DEFAULT_AUTH_OPTIONS.signIn, ...overrides.signIn },
  }
  const failures = new FailedAttempts(options.maxFailures, options.windowMs, options.now)
  app.decorate('auth', { ...options, signInLimits: new SignInLimits(options.signIn, options.now) })
  app.decorateRequest('user', null as unknown as UserRow)
  app.decorateRequest('credential', null)

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
        request.credential = { kind: 'access', token, secondFactor: access.secondFactor }
        return
      }
      failures.record(client)
      throw new HttpError(401, 'This access token is not valid: sign in again.')
    }

    const user = token ? app.repositories.tokens.findUser(token) : undefined
    const serviceUser = token && !user ? app.repositories.serviceUsers.findByToken(token) : undefined
    if (serviceUser) {
      authenticateServiceUser(request, serviceUser, options.now())
      return
    }
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
    request.credential = { kind: 'api-token' }
  })
}
