import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * Ports and database of one e2e run. E2E_API_PORT and E2E_WEB_PORT let several runs share a
 * machine; the database file is named after the API port so runs never share one.
 */
export function e2eEnvironment() {
  const apiPort = Number(process.env.E2E_API_PORT ?? 8790)
  const webPort = Number(process.env.E2E_WEB_PORT ?? 5190)
  const databasePath = process.env.E2E_DATABASE_PATH ?? join(tmpdir(), `ubiops-dashboard-e2e-${apiPort}.db`)
  return {
    apiPort,
    webPort,
    databasePath,
    // Where the production build for this run goes (one folder per web port, so runs never share).
    distDir: join(tmpdir(), `ubiops-dashboard-e2e-dist-${webPort}`),
    usesDevServer: process.env.E2E_DEV_SERVER === '1',
    apiUrl: `http://127.0.0.1:${apiPort}/v2.1`,
    webUrl: `http://127.0.0.1:${webPort}`,
  }
}
