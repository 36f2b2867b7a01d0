// The production build as people serve it: `npm run serve` (server/cli/serve.ts) with the build's
// folder, starting the local API in the same process on a fresh seeded database.
import { join } from 'node:path'
import { issueToken } from '../../server/auth/issue-token'
import { DEMO } from '../../server/db/seed'
import { freePort, spawnService, temporaryFolder } from './processes'

export interface ServedBuild {
  webUrl: string
  apiUrl: string
  token: string
  /** the served API's database (a bench may add rows the API has no endpoint for) */
  dbPath: string
  stop: () => Promise<void>
}

/** `apiGeneration`: which generation the local API speaks (server/generation.ts; default 2022). */
export async function serveBuild(outDir: string, apiGeneration = '2022'): Promise<ServedBuild> {
  const folder = temporaryFolder('ubiops-bench-web-')
  const dbPath = join(folder.path, 'bench.db')
  const [webPort, apiPort] = [await freePort(), await freePort()]
  const webUrl = `http://127.0.0.1:${webPort}`
  const apiUrl = `http://127.0.0.1:${apiPort}/v2.1`
  const service = await spawnService({
    name: 'npm run serve',
    command: process.execPath,
    args: ['--import', 'tsx', 'server/cli/serve.ts'],
    env: {
      DIST_DIR: outDir,
      WEB_HOST: '127.0.0.1',
      WEB_PORT: String(webPort),
      PORT: String(apiPort),
      DATABASE_PATH: dbPath,
      UBIOPS_API_URL: '',
      API_GENERATION: apiGeneration,
      LOG_LEVEL: 'warn',
    },
    // serve.ts starts (and seeds) the API before it listens: the page answering means both are up.
    readyUrl: `${webUrl}/`,
    timeoutMs: 120_000,
  })
  return {
    webUrl,
    apiUrl,
    token: issueToken(dbPath, DEMO.adminEmail),
    dbPath,
    stop: async () => {
      await service.stop()
      folder.remove()
    },
  }
}
