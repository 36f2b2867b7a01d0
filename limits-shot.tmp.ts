import { chromium } from '@playwright/test'
const [base, token, org] = process.argv.slice(2)
async function main() {
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' })
for (const scheme of ['light', 'dark'] as const)
  for (const width of [1280, 360]) {
    const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme })
    await page.addInitScript((t) => window.sessionStorage.setItem('ubiops.token', t), token)
    await page.goto(`${base}/organizations/${org}/projects`)
    await page.getByRole('table', { name: /Credit limits/ }).waitFor()
    await page.waitForTimeout(1500)
    await page.getByRole('heading', { name: 'Credit limits' }).scrollIntoViewIfNeeded()
    await page.screenshot({ path: `/tmp/limits-${scheme}-${width}.png`, fullPage: false })
    await page.close()
  }
await browser.close()
}
main().catch((e) => { console.error(e); process.exit(1) })
