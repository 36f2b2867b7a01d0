// `npm start`: the local API (seeded on first start) and the Vite dev server in one process, and
// a one-click sign-in link as the demo admin. With UBIOPS_API_URL set (say, the hosted API) only
// the dev server starts, and its /api proxy goes there.
import { randomBytes } from 'node:crypto'
import { createServer, type ViteDevServer } from 'vite'
import { PROXY_SECRET_ENV } from '../auth/client-address'
import { issueToken } from '../auth/issue-token'
import { DEFAULT_DATABASE_PATH } from '../db/open'
import { DEMO } from '../db/seed'
import { demoSignInLines } from '../db/seed-sign-in'
import { apiGenerationFrom } from '../generation'
import { startApiServer, type RunningApiServer } from '../start-api-server'

const WEB_HOST = process.env.WEB_HOST || '127.0.0.1'
const WEB_PORT = Number(process.env.WEB_PORT || 5173)

async function startLocalApi(): Promise<{ api: RunningApiServer; token: string }> {
  const dbPath = process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH
  // The dev server's /api proxy sends each browser's address with this secret (vite.config.ts), and
  // only it: so one person's wrong tokens do not lock out everyone behind the proxy.
  const proxySecret = randomBytes(32).toString('base64url')
  process.env[PROXY_SECRET_ENV] = proxySecret
  const api = await startApiServer({
    dbPath,
    host: '127.0.0.1',
    port: Number(process.env.PORT || 8787),
    proxySecret,
    // `npm start -- --api-generation current`, or API_GENERATION=current.
    apiGeneration: apiGenerationFrom(),
  })
  // A fresh token on every start: only hashes are stored, so an old one cannot be printed again.
  const token = api.seeded?.adminToken ?? issueToken(dbPath, DEMO.adminEmail)
  if (api.seeded) console.log(`Seeded the demo data in ${dbPath} (${api.seeded.durationMs} ms).`)
  return { api, token }
}

function explainStartFailure(error: unknown): string {
  const code = (error as { code?: string }).code
  if (code === 'EADDRINUSE')
    return `A port is already in use (${(error as Error).message}). Stop the other server, or choose other ports with PORT=… (API) and WEB_PORT=… (dashboard).`
  return error instanceof Error ? error.message : String(error)
}

async function main(): Promise<void> {
  let local: { api: RunningApiServer; token: string } | null = null
  let vite: ViteDevServer | null = null

  const stop = async (signal: string) => {
    console.log(`\n${signal}: stopping`)
    await vite?.close()
    await local?.api.close()
    process.exit(0)
  }
  process.once('SIGINT', () => void stop('SIGINT'))
  process.once('SIGTERM', () => void stop('SIGTERM'))

  try {
    if (!process.env.UBIOPS_API_URL) {
      local = await startLocalApi()
      // vite.config.ts reads this to point the /api proxy at the server that just started.
      process.env.UBIOPS_API_URL = local.api.url
    }
    vite = await createServer({ server: { host: WEB_HOST, port: WEB_PORT, strictPort: true } })
    await vite.listen()
  } catch (error) {
    console.error(`Could not start: ${explainStartFailure(error)}`)
    await vite?.close()
    await local?.api.close()
    process.exit(1)
  }

  const webUrl = `http://${WEB_HOST}:${WEB_PORT}`
  console.log('')
  console.log(`  Dashboard:  ${webUrl}/`)
  console.log(
    `  API:        ${process.env.UBIOPS_API_URL}${local ? ` (local, the ${local.api.apiGeneration} generation)` : ''}`,
  )
  if (local) {
    console.log('')
    console.log(`  Sign in as the demo admin (${DEMO.adminEmail}) in one click:`)
    console.log(`  ${webUrl}/sign-in#token=${local.token}`)
    if (local.api.demoSignIn)
      for (const line of demoSignInLines(local.api.demoSignIn)) console.log(`  ${line}`)
    console.log(`  Platform staff token: npm run api:token -- --email ${DEMO.staffEmail} --staff`)
  } else {
    console.log('  Sign in with an API token of that API.')
  }
  console.log('')
  console.log('  Press Ctrl-C to stop.')
}

await main()
