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
    // Chromium's new headless mode is the whole browser: every new window (each Playwright context)
    // builds its omnibox popups, WebUI pages in a renderer of their own, at the moment the page under
    // test loads. On a 2-core machine that took the page's CPU: the organization list's cold rows came
    // 100 ms later (a cold-load benchmark measured 389 ms with them, 287 ms without). A person's
    // browser builds them once per window, not per navigation; tests and benchmarks never open them.
    '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup',
  ],
}
