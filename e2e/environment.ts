import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ApiGeneration } from '../domain/generation'

/**
 * Ports and database of one e2e run, for one API generation. E2E_API_PORT and E2E_WEB_PORT let
 * several runs share a machine; the `current` generation's API and web server listen 10 ports
 * above them. The database file is named after the API port so runs never share one.
 */
export function e2eEnvironment(generation: ApiGeneration = '2022') {
  const offset = generation === 'current' ? 10 : 0
  const basePort = Number(process.env.E2E_API_PORT ?? 8790)
  const baseWebPort = Number(process.env.E2E_WEB_PORT ?? 5190)
  const apiPort = basePort + offset
  const webPort = baseWebPort + offset
  const databasePath =
    generation === '2022' && process.env.E2E_DATABASE_PATH
      ? process.env.E2E_DATABASE_PATH
      : join(tmpdir(), `ubiops-dashboard-e2e-${apiPort}.db`)
  return {
    generation,
    apiPort,
    webPort,
    databasePath,
    // Where the production build for this run goes (one folder per web port, so runs never share);
    // both generations' web servers serve the one build.
    distDir: join(tmpdir(), `ubiops-dashboard-e2e-dist-${baseWebPort}`),
    usesDevServer: process.env.E2E_DEV_SERVER === '1',
    apiUrl: `http://127.0.0.1:${apiPort}/v2.1`,
    webUrl: `http://127.0.0.1:${webPort}`,
  }
}
