// `npm run api`: serves the API at http://$HOST:$PORT/v2.1 with its database at $DATABASE_PATH,
// in the generation of `--api-generation <g>` or $API_GENERATION (2022 or current; default 2022).
import { PROXY_SECRET_ENV } from './auth/client-address'
import { DEFAULT_DATABASE_PATH } from './db/open'
import { apiGenerationFrom } from './generation'
import { signInInstructions, startApiServer, type RunningApiServer } from './start-api-server'

let apiGeneration
try {
  apiGeneration = apiGenerationFrom()
} catch (error) {
  console.error((error as Error).message)
  process.exit(2)
}
const skipSeed = process.env.SKIP_SEED === '1' || process.argv.includes('--no-seed')

// Set once listening; the signal handlers below may run before that.
const running: { server?: RunningApiServer } = {}
let closing = false

async function shutDown(signal: string): Promise<void> {
  if (closing) return
  closing = true
  console.log(`${signal}: closing the API server`)
  // Finishes in-flight requests, then closes the database (checkpointing the WAL). During start-up
  // there is nothing to finish: an unfinished seed transaction is rolled back by SQLite.
  if (running.server) await running.server.close()
  process.exit(0)
}
// Installed before anything else, so that a signal during start-up also ends cleanly.
process.once('SIGINT', () => void shutDown('SIGINT'))
process.once('SIGTERM', () => void shutDown('SIGTERM'))

const server = await startApiServer({
  dbPath: process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH,
  host: process.env.HOST || '127.0.0.1',
  port: Number(process.env.PORT || 8787),
  seed: !skipSeed,
  // Set it, and give the same value to `npm run serve`, for the API to see each user's own address.
  proxySecret: process.env[PROXY_SECRET_ENV] || undefined,
  apiGeneration,
})
running.server = server
for (const line of signInInstructions(server)) console.log(line)
