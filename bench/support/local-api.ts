// Our API server as people run it (`npm run api`): its own process, a fresh seeded database in a
// temporary folder, a loopback port; plus a token of the demo admin.
import { join } from 'node:path'
import { issueToken } from '../../server/auth/issue-token'
import { DEMO } from '../../server/db/seed'
import { freePort, spawnService, temporaryFolder } from './processes'

export interface LocalApi {
  /** e.g. http://127.0.0.1:40123/v2.1 */
  url: string
  /** the demo admin's token, admin of every demo organization */
  token: string
  dbPath: string
  stop: () => Promise<void>
}

export async function startLocalApi(): Promise<LocalApi> {
  const folder = temporaryFolder('ubiops-bench-api-')
  const dbPath = join(folder.path, 'bench.db')
  const port = await freePort()
  const url = `http://127.0.0.1:${port}/v2.1`
  const service = await spawnService({
    name: 'local API',
    command: process.execPath,
    args: ['--import', 'tsx', 'server/server.ts'],
    env: { DATABASE_PATH: dbPath, PORT: String(port), HOST: '127.0.0.1' },
    readyUrl: `${url}/status`,
    timeoutMs: 120_000,
  })
  const token = issueToken(dbPath, DEMO.adminEmail)
  return {
    url,
    token,
    dbPath,
    stop: async () => {
      await service.stop()
      folder.remove()
    },
  }
}
