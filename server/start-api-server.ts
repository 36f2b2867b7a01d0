import type { FastifyInstance, FastifyServerOptions } from 'fastify'
import { API_PREFIX, buildApp } from './app'
import { DEMO, seedIfEmpty, type SeedResult } from './db/seed'
import { demoSignIn, demoSignInLines, seedDemoSignIn, type DemoSignIn } from './db/seed-sign-in'
import { DEFAULT_API_GENERATION, type ApiGeneration } from '../domain/generation'

export interface StartApiServerOptions {
  dbPath: string
  host?: string
  port?: number
  /** Seed the demo data when the database has no organization yet (default true). */
  seed?: boolean
  logger?: FastifyServerOptions['logger']
  /** The secret of the proxy in front whose X-Forwarded-For is trusted (server/auth/client-address.ts). */
  proxySecret?: string
  /** Which generation of API v2.1 to speak (server/generation.ts); default `2022`. */
  apiGeneration?: ApiGeneration
}

export interface RunningApiServer {
  app: FastifyInstance
  /** `http://127.0.0.1:8787/v2.1` */
  url: string
  apiGeneration: ApiGeneration
  /** Set when this start seeded the demo data. */
  seeded: SeedResult | null
  /** The demo accounts' passwords and two-factor secret, when the database has the demo data. */
  demoSignIn: DemoSignIn | null
  close: () => Promise<void>
}

/** Opens and migrates the database, seeds it when empty, and listens. */
export async function startApiServer(options: StartApiServerOptions): Promise<RunningApiServer> {
  const apiGeneration = options.apiGeneration ?? DEFAULT_API_GENERATION
  const app = buildApp({
    dbPath: options.dbPath,
    logger: options.logger ?? { level: 'warn' },
    auth: options.proxySecret ? { proxySecret: options.proxySecret } : undefined,
    apiGeneration,
  })
  const seeded = options.seed === false ? null : seedIfEmpty(app.db)
  if (seeded) await seedDemoSignIn(app.db)
  const demo = options.seed === false ? null : await demoSignIn(app.db)
  const host = options.host ?? '127.0.0.1'
  await app.listen({ host, port: options.port ?? 8787 })
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : options.port
  const shownHost = host.includes(':') ? `[${host}]` : host
  return {
    app,
    url: `http://${shownHost}:${port}${API_PREFIX}`,
    apiGeneration,
    seeded,
    demoSignIn: demo,
    close: () => app.close(),
  }
}

/** What to print so that a person can sign in to the dashboard as the demo admin. */
export function signInInstructions(server: RunningApiServer): string[] {
  const lines = [
    `UbiOps Organizations API listening on ${server.url} (the ${server.apiGeneration} generation of v2.1)`,
  ]
  if (server.seeded) {
    lines.push(
      `Seeded demo data in ${server.seeded.durationMs} ms: ${DEMO.organizations.join(', ')}.`,
      `Sign in as the demo admin (${DEMO.adminEmail}) with this API token:`,
      `  ${server.seeded.adminToken}`,
    )
  } else {
    lines.push(
      `To sign in as the demo admin, get a token with: npm run api:token -- --email ${DEMO.adminEmail}`,
    )
  }
  if (server.demoSignIn) lines.push(...demoSignInLines(server.demoSignIn))
  lines.push(`Platform staff: npm run api:token -- --email ${DEMO.staffEmail} --staff`)
  return lines
}
