import type Database from 'better-sqlite3'
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify'
import { installAuthentication, type AuthOverrides } from './auth/authenticate'
import { installTwoFactorEnforcement } from './auth/two-factor-enforcement'
import { openDatabase } from './db/open'
import { installBodyParsing } from './body-parsing'
import { clientErrorHandler, frameworkErrors, installErrorHandling } from './errors'
import { accessTokensRepository } from './repositories/access-tokens'
import { credentialsRepository } from './repositories/credentials'
import { membersRepository } from './repositories/members'
import { organizationsRepository } from './repositories/organizations'
import { tokensRepository } from './repositories/tokens'
import { usageRepository } from './repositories/usage'
import { usersRepository } from './repositories/users'
import { membersRoutes } from './routes/members'
import { organizationsRoutes } from './routes/organizations'
import { signInRoutes } from './routes/sign-in'
import { statusRoutes } from './routes/status'
import { usageRoutes } from './routes/usage'
import { userRoutes } from './routes/user'
import { vouchersRepository } from './repositories/vouchers'
import { vouchersRoutes } from './routes/vouchers'
import { API_GENERATIONS, DEFAULT_API_GENERATION, type ApiGeneration } from './generation'
import { responseCache } from './plugins/response-cache'
import { componentSchemas } from './schemas/openapi'

export const API_PREFIX = '/v2.1'
export const DEFAULT_BODY_LIMIT = 64 * 1024

function repositories(db: Database.Database) {
  return {
    users: usersRepository(db),
    tokens: tokensRepository(db),
    organizations: organizationsRepository(db),
    members: membersRepository(db),
    usage: usageRepository(db),
    // A person's sign-in (issue 11): passwords, two-factor secrets, access tokens.
    credentials: credentialsRepository(db),
    accessTokens: accessTokensRepository(db),
    vouchers: vouchersRepository(db),
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    db: Database.Database
    repositories: ReturnType<typeof repositories>
    /** Which generation of API v2.1 this app answers as (see server/generation.ts). */
    apiGeneration: ApiGeneration
  }
}

export interface BuildAppOptions {
  dbPath: string
  logger?: FastifyServerOptions['logger']
  bodyLimit?: number
  auth?: AuthOverrides
  /** `2022` (the default, the seed's contract) or `current`: see server/generation.ts. */
  apiGeneration?: ApiGeneration
  /** false: compute every answer (ETags and compression stay); bench/scale.ts times that work. */
  cacheAnswers?: boolean
}

/**
 * The reads served from the response cache (server/plugins/response-cache.ts): the big ones. Every
 * table they read bumps the organization's version (migration 004).
 */
export const CACHED_ROUTES = [
  '/organizations/:organization_name/users',
  '/organizations/:organization_name/usage',
  '/organizations/:organization_name/resources',
].map((route) => API_PREFIX + route)

/** The API as a Fastify app, not listening: server.ts listens, tests call `app.inject()`. */
export function buildApp(options: BuildAppOptions): FastifyInstance {
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT
  const apiGeneration = options.apiGeneration ?? DEFAULT_API_GENERATION
  if (!API_GENERATIONS.includes(apiGeneration))
    throw new Error(
      `apiGeneration: use one of ${API_GENERATIONS.join(', ')} (got "${String(apiGeneration)}").`,
    )
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit,
    // `/organizations/` is `/organizations`, as most HTTP clients expect.
    routerOptions: { ignoreTrailingSlash: true },
    // `__proto__` and `constructor.prototype` keys are dropped like any other unknown field.
    onProtoPoisoning: 'remove',
    onConstructorPoisoning: 'remove',
    frameworkErrors,
    clientErrorHandler,
    // A whole request must arrive within 30 s: Fastify's default (0) lets a client that trickles its
    // body hold a connection for ever. And a request without Host is served like any other (the API
    // does not use Host) rather than refused by Node with a bare, body-less 400.
    requestTimeout: 30_000,
    http: { requireHostHeader: false },
    ajv: {
      customOptions: {
        // A string "true" is not a boolean: no coercion, and every field at fault reported.
        coerceTypes: false,
        allErrors: true,
        // Gives each issue its schema, whose description is the "must be ..." phrase.
        verbose: true,
      },
    },
  })

  installBodyParsing(app)

  const db = openDatabase(options.dbPath)
  app.decorate('db', db)
  app.decorate('repositories', repositories(db))
  app.decorate('apiGeneration', apiGeneration)
  app.addHook('onClose', async () => db.close())

  for (const schema of componentSchemas(apiGeneration)) app.addSchema(schema)
  installErrorHandling(app, bodyLimit)
  installAuthentication(app, options.auth)
  installTwoFactorEnforcement(app)
  // Before the routes: it hooks each cached route as it is added. `variant` keeps answers of
  // different API generations apart (two processes on one file may speak different ones).
  void app.register(responseCache, {
    routes: CACHED_ROUTES,
    variant: apiGeneration,
    cacheAnswers: options.cacheAnswers ?? true,
  })

  void app.register(
    async (api) => {
      await api.register(statusRoutes)
      await api.register(userRoutes)
      await api.register(organizationsRoutes)
      await api.register(membersRoutes)
      await api.register(usageRoutes)
      if (apiGeneration === 'current') await api.register(vouchersRoutes)
    },
    { prefix: API_PREFIX },
  )
  // A person's sign-in (POST /oauth/sign-in, POST /authorize): the same in both API generations.
  void app.register(
    async (api) => {
      await api.register(signInRoutes)
    },
    { prefix: API_PREFIX },
  )
  return app
}
