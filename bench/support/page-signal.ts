// Waiting for a moment an in-page instrument has noted, without running anything in the page while
// it is measured: Playwright's waitForFunction polls by evaluating in the page, and its first call
// installs Playwright's own script there (tens of milliseconds on these machines), which then
// lands inside the very interval being measured. The instrument writes a line to the console
// instead, and Node listens for it.
import type { Page } from '@playwright/test'

/**
 * Resolves when the page writes `signal` to its console (`console.debug(signal)` in an init script).
 * Start waiting before the action that leads to it, then await. Rejects after `timeoutMs`.
 */
export async function pageSignal(page: Page, signal: string, timeoutMs = 60_000): Promise<void> {
  await page.waitForEvent('console', {
    predicate: (message) => message.text() === signal,
    timeout: timeoutMs,
  })
}
