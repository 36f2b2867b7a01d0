import { chromium } from '@playwright/test'
import { chromiumLaunchOptions } from '../../e2e/chromium'
import type { BrowserBenchEnvironment, Figure } from '../figures'

/**
 * Runs one browser benchmark on its own, against servers that are already running:
 * WEB_URL (the dashboard), API_URL (the API base URL) and TOKEN (the demo admin's token).
 */
export async function runBrowserBenchAlone(
  bench: (env: BrowserBenchEnvironment) => Promise<Figure[]>,
): Promise<void> {
  const { WEB_URL, API_URL, TOKEN } = process.env
  if (!WEB_URL || !API_URL || !TOKEN) {
    console.error(
      "Set WEB_URL, API_URL and TOKEN (the demo admin's token: npm run api:token -- --email admin@example.com).",
    )
    process.exit(1)
  }
  const browser = await chromium.launch(chromiumLaunchOptions)
  try {
    for (const figure of await bench({ browser, webUrl: WEB_URL, apiUrl: API_URL, token: TOKEN })) {
      const runs = figure.runs ? ` (median of ${figure.runs})` : ''
      const target = figure.target
        ? `; target ${figure.target.better === 'lower' ? '≤' : '≥'} ${figure.target.value} ${figure.unit}`
        : ''
      console.log(
        `${figure.name}: ${figure.value} ${figure.unit}${runs}${target}; ${figure.comparedWith ?? ''}`,
      )
    }
  } finally {
    await browser.close()
  }
}
