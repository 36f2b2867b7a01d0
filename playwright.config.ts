import { defineConfig, devices } from '@playwright/test'
import { existsSync } from 'node:fs'
import { e2eEnvironment } from './e2e/environment'

// Debian's Chromium where it is installed (Playwright cannot download its own browser on every
// machine), CHROMIUM_PATH to choose another, Playwright's own browser everywhere else.
const chromiumPath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined)

const { apiPort, webPort, databasePath, apiUrl, webUrl } = e2eEnvironment()

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
    baseURL: webUrl,
    trace: 'retain-on-failure',
    ...devices['Desktop Chrome'],
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: [
    {
      // A fresh, seeded database for every run: tests create their own data beside the demo data.
      command: `node --import tsx e2e/start-api.ts`,
      url: `${apiUrl}/status`,
      env: { PORT: String(apiPort), DATABASE_PATH: databasePath },
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'ignore',
    },
    {
      command: `npx vite --port ${webPort} --strictPort --host 127.0.0.1 --bypass-lock`,
      url: webUrl,
      env: { UBIOPS_API_URL: apiUrl },
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
})
