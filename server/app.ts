import compress from '@fastify/compress'
import etag from '@fastify/etag'
import type Database from 'better-sqlite3'
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify'
import fp from 'fastify-plugin'
import { constants as zlib } from 'node:zlib'
import { installAuthentication, type AuthOverrides } from './auth/authenticate'
import { installTwoFactorEnforcement } from './auth/two-factor-enforcement'
import { openDatabase } from './db/open'
import { installBodyParsing } from './body-parsing'
import {
  clientErrorHandler,
  requestTimeoutOptions,
  frameworkErrors,
  installErrorHandling,
  refuseExpectation,
} from './errors'
import { redactingLogger } from './lib/log-redaction'
import { accessTokensRepository } from './repositories/access-tokens'
import { auditEventsRepository } from './repositories/audit-events'
import { credentialsRepository } from './repositories/credentials'
import { membersRepository } from './repositories/members'
import { organizationsRepository } from './repositories/organizations'
import { projectAccessRepository } from './repositories/project-access'
import { projectsRepository } from './repositories/projects'
import { serviceUsersRepository } from './repositories/service-users'
import { tokensRepository } from './repositories/tokens'
import { usageRepository } from './repositories/usage'
import { usersRepository } from './repositories/users'
import { auditRoutes } from './routes/audit'
import { membersRoutes } from './routes/members'
import { organizationsRoutes } from './routes/organizations'
import { projectUpdateRoutes } from './routes/project-update'
import { projectsRoutes } from './routes/projects'
import { roleAssignmentsRoutes } from './routes/role-assignments'
import { serviceUsersRoutes } from './routes/service-users'
import { signInRoutes } from './routes/sign-in'
import { statusRoutes } from './routes/status'
import { usageRoutes } from './routes/usage'
import { userRoutes } from './routes/user'
import { vouchersRepository } from './repositories/vouchers'
import { vouchersRoutes } from './routes/vouchers'
import { API_GENERATIONS, DEFAULT_API_GENERATION, type ApiGeneration } from '../domain/generation'
import { componentSchemas } from './schemas/openapi'

export const API_PREFIX = '/v2.1'
export const DEFAULT_BODY_LIMIT = 64 * 1024
/** A whole request must arrive within this many milliseconds. */
export const REQUEST_TIMEOUT_MS = 30_000

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
    projects: projectsRepository(db),
    projectAccess: projectAccessRepository(db),
    serviceUsers: serviceUsersRepository(db),
    auditEvents: auditEventsRepository(db),
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
}

/** Answers smaller than this go uncompressed: they fit a packet or two anyway (@fastify/compress's default). */
export const COMPRESS_THRESHOLD = 1024

/**
 * Conditional requests and compression, from the ecosystem's plugins, for every answer:
 * - @fastify/etag tags each answer with a weak ETag, the SHA-1 of its bytes before compression
 *   (weak: the same tag for every encoding, RFC 9110 §8.8.1), and answers an If-None-Match that
 *   names it with a 304 and no body. Registered before compression, so it hashes the JSON itself.
 * - A successful GET (or HEAD) is marked `Cache-Control: private, no-cache` (a browser keeps it, and asks
 *   again with its tag each time) and varies by Authorization (each caller sees their own answer).
 *   Anything else loses its tag: no failure and no write can be revalidated into a 304.
 * - @fastify/compress sends answers of COMPRESS_THRESHOLD bytes or more as brotli (quality 4, text
 *   mode) or gzip (level 6), as Accept-Encoding allows, streamed through zlib off the event loop.
 */
async function installHttpCaching(app: FastifyInstance): Promise<void> {
  await app.register(etag, { weak: true })
  app.addHook('onSend', (request, reply, payload, done) => {
    const read = request.method === 'GET' || request.method === 'HEAD'
    if (read && (reply.statusCode === 200 || reply.statusCode === 304))
      void reply.header('Cache-Control', 'private, no-cache').header('Vary', 'Authorization')
    else reply.removeHeader('etag')
    done(null, payload)
  })
  await app.register(compress, {
    threshold: COMPRESS_THRESHOLD,
    encodings: ['br', 'gzip'],
    brotliOptions: {
      params: {
        [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT,
        [zlib.BROTLI_PARAM_QUALITY]: 4,
      },
    },
    zlibOptions: { level: 6 },
  })
}

/** The API as a Fastify app, not listening: server.ts listens, tests call `app.inject()`. */
export function buildApp(options: BuildAppOptions): FastifyInstance {
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT
  const apiGeneration = options.apiGeneration ?? DEFAULT_API_GENERATION
  if (!API_GENERATIONS.includes(apiGeneration))
    throw new Error(
      `apiGeneration: use one of ${API_GENERATIONS.join(', ')} (got "${String(apiGeneration)}").`,
    )
  const app = Fastify({
    // Request URLs are logged with their credentials redacted (lib/log-redaction.ts).
    logger: redactingLogger(options.logger ?? false),
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
    // Looked for often enough that a trickled request ends near the timeout, not up to 30 s after.
    requestTimeout: REQUEST_TIMEOUT_MS,
    http: {
      requireHostHeader: false,
      ...requestTimeoutOptions(REQUEST_TIMEOUT_MS),
    },
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

  // An Expect other than 100-continue: a 417 with a sentence, not Node's empty one.
  app.server.on('checkExpectation', refuseExpectation)
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
  // Before the routes, so that their answers go through the plugins' hooks.
  void app.register(fp(installHttpCaching))

  void app.register(
    async (api) => {
      await api.register(statusRoutes)
      await api.register(userRoutes)
      await api.register(organizationsRoutes)
      await api.register(membersRoutes)
      await api.register(usageRoutes)
      await api.register(projectsRoutes)
      await api.register(projectUpdateRoutes)
      await api.register(roleAssignmentsRoutes)
      await api.register(serviceUsersRoutes)
      await api.register(auditRoutes)
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
