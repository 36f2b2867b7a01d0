// `npm run build && npm run serve`: the built dashboard (dist/) with the same `/api` proxy as the
// dev server, for real deployments (the app itself is server/serve-app.ts). UBIOPS_API_URL says
// where the API is; without it the local API is started in this process (seeded on first start),
// like `npm start` does, and it trusts this proxy's X-Forwarded-For through a secret made here.
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { PROXY_SECRET_ENV } from '../auth/client-address'
import { DEFAULT_DATABASE_PATH } from '../db/open'
import { buildServeApp, precompress } from '../serve-app'
import { apiGenerationFrom } from '../generation'
import { startApiServer, type RunningApiServer } from '../start-api-server'
import { apiTarget } from './api-target'

const DIST = resolve(process.env.DIST_DIR || 'dist')
const HOST = process.env.WEB_HOST || '127.0.0.1'
const PORT = Number(process.env.WEB_PORT || 4173)

async function main() {
  if (!existsSync(resolve(DIST, 'index.html'))) {
    console.error(`No build found in ${DIST}. Run \`npm run build\` first.`)
    process.exit(1)
  }
  precompress(DIST)

  let localApi: RunningApiServer | null = null
  // A local API started here trusts a secret made here; a separate one, the secret it was given.
  let proxySecret = process.env[PROXY_SECRET_ENV] || undefined
  if (!process.env.UBIOPS_API_URL) {
    proxySecret = randomBytes(32).toString('base64url')
    localApi = await startApiServer({
      dbPath: process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH,
      port: Number(process.env.PORT || 8787),
      proxySecret,
      apiGeneration: apiGenerationFrom(),
    })
  }
  const target = apiTarget(localApi?.url ?? process.env.UBIOPS_API_URL)

  const app = await buildServeApp({
    dist: DIST,
    target,
    proxySecret,
    logger: { level: process.env.LOG_LEVEL || 'info' },
  })
  await app.listen({ host: HOST, port: PORT })
  console.log(`\n  Dashboard:  http://${HOST}:${PORT}/`)
  console.log(`  API:        ${target.origin}${target.basePath}${localApi ? ' (local)' : ''}\n`)

  const stop = async () => {
    await app.close()
    await localApi?.close()
    process.exit(0)
  }
  process.once('SIGINT', () => void stop())
  process.once('SIGTERM', () => void stop())
}

await main()
