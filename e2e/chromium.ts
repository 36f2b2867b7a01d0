import { existsSync } from 'node:fs'

/**
 * How every browser of this project is launched (the e2e tests and the benchmarks alike): Debian's
 * Chromium where it is installed (Playwright cannot download its own browser on every machine),
 * CHROMIUM_PATH to choose another, Playwright's own browser everywhere else. The flags keep a
 * headless Chromium from reaching out to the network, which these machines do not have.
 */
export const chromiumLaunchOptions = {
  executablePath:
    process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined),
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
}
