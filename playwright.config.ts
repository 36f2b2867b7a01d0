import { defineConfig, devices, type PlaywrightTestConfig } from '@playwright/test'
import { randomBytes } from 'node:crypto'
import { chromiumLaunchOptions } from './e2e/chromium'
import { API_GENERATIONS, type ApiGeneration } from './domain/generation'
import { e2eEnvironment } from './e2e/environment'

/** The run's API trusts X-Forwarded-For from the run's `npm run serve` only (server/auth/client-address.ts). */
const proxySecret = process.env.UBIOPS_PROXY_SECRET || randomBytes(32).toString('base64url')

/**
 * The dashboard as people get it: the production build behind `npm run serve`, with its
 * Content-Security-Policy, so every journey also proves the pages run under that policy.
 * E2E_DEV_SERVER=1 uses the Vite dev server instead, for quick iteration while writing tests.
 */
type WebServer = Exclude<PlaywrightTestConfig['webServer'], unknown[] | undefined>

/**
 * The dashboard in front of one generation's API. The 2022 one builds; the current one (started
 * after it, as Playwright starts web servers in order) serves the same build.
 */
function e2eWebServer(generation: ApiGeneration): WebServer {
  const { webPort, apiUrl, webUrl, distDir, usesDevServer } = e2eEnvironment(generation)
  if (usesDevServer)
    return {
      command: `npx vite --port ${webPort} --strictPort --host 127.0.0.1`,
      url: webUrl,
      env: { UBIOPS_API_URL: apiUrl, VITE_NO_WATCH: '1' },
      reuseExistingServer: false,
      timeout: 60_000,
    }
  const build = `npx vite build --outDir ${distDir} --emptyOutDir --logLevel warn && `
  return {
    command: `${generation === '2022' ? build : ''}node --import tsx server/cli/serve.ts`,
    url: webUrl,
    env: {
      UBIOPS_API_URL: apiUrl,
      WEB_PORT: String(webPort),
      DIST_DIR: distDir,
      LOG_LEVEL: 'warn',
      UBIOPS_PROXY_SECRET: proxySecret,
    },
    reuseExistingServer: false,
    timeout: 180_000,
  }
}

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: process.env.CI ? 2 : undefined,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    trace: 'retain-on-failure',
    ...devices['Desktop Chrome'],
    // Dates are written in the reader's locale (src/lib/format-date.ts): the journeys read en-US.
    locale: 'en-US',
    launchOptions: chromiumLaunchOptions,
  },
  // One project per API generation (server/generation.ts), each with its own API and web server.
  // The organization and usage journeys run against both (usage per generation: its pages differ);
  // the credit budget, the usage comparison, the monthly report and the list at a glance against
  // both, the member panel's facts and the phone layout against both; `*.current.spec.ts` only against the current one; every other journey against 2022.
  projects: [
    {
      name: '2022',
      testIgnore: /\.current\.spec\.ts$/,
      use: { baseURL: e2eEnvironment('2022').webUrl },
      metadata: { generation: '2022' },
    },
    {
      name: 'current',
      testMatch: [
        /organizations\.spec\.ts$/,
        /organization-glance\.spec\.ts$/,
        /credit-budget\.spec\.ts$/,
        /usage-report\.spec\.ts$/,
        /usage-compare\.spec\.ts$/,
        /usage-drill\.spec\.ts$/,
        /projects\.spec\.ts$/,
        /member-details\.spec\.ts$/,
        /access\.spec\.ts$/,
        /credit-limits\.spec\.ts$/,
        /service-users\.spec\.ts$/,
        /audit\.spec\.ts$/,
        /phone\.spec\.ts$/,
        /usage-why\.spec\.ts$/,
        /locale\.spec\.ts$/,
        /\.current\.spec\.ts$/,
      ],
      use: { baseURL: e2eEnvironment('current').webUrl },
      metadata: { generation: 'current' },
    },
  ],
  webServer: [
    ...API_GENERATIONS.map((generation) => {
      const { apiPort, apiUrl, databasePath } = e2eEnvironment(generation)
      return {
        // A fresh, seeded database for every run: tests create their own data beside the demo data.
        command: `node --import tsx e2e/start-api.ts`,
        url: `${apiUrl}/status`,
        env: {
          PORT: String(apiPort),
          DATABASE_PATH: databasePath,
          API_GENERATION: generation,
          UBIOPS_PROXY_SECRET: proxySecret,
        },
        reuseExistingServer: false,
        timeout: 120_000,
        stdout: 'ignore' as const,
      }
    }),
    ...API_GENERATIONS.map(e2eWebServer),
  ],
})
