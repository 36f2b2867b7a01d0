// Playwright's API server: a fresh, seeded database on every run (`node --import tsx e2e/start-api.ts`).
import { rmSync } from 'node:fs'
import { PROXY_SECRET_ENV } from '../server/auth/client-address'
import { apiGenerationFrom } from '../server/generation'
import { signInInstructions, startApiServer } from '../server/start-api-server'
import { e2eEnvironment } from './environment'

const { apiPort, databasePath: defaultPath } = e2eEnvironment()
const databasePath = process.env.DATABASE_PATH || defaultPath
for (const suffix of ['', '-wal', '-shm']) rmSync(databasePath + suffix, { force: true })

const server = await startApiServer({
  dbPath: databasePath,
  port: Number(process.env.PORT || apiPort),
  // Shared with the run's `npm run serve` (playwright.config.ts), which sends each browser's address.
  proxySecret: process.env[PROXY_SECRET_ENV] || undefined,
  // API_GENERATION=2022|current (or --api-generation) chooses the generation the journeys run against.
  apiGeneration: apiGenerationFrom(),
})
for (const line of signInInstructions(server)) console.log(line)

const stop = () => void server.close().then(() => process.exit(0))
process.once('SIGINT', stop)
process.once('SIGTERM', stop)
