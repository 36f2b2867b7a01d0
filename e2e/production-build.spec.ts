// The built app behind `npm run serve`: strict CSP with nothing blocked, the /api proxy, caching
// headers, compression, and the JavaScript the first page loads.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { e2eEnvironment } from './environment'
import { createOrganization, createUser, expect, test } from './fixtures'

const { apiUrl, webPort, webUrl, usesDevServer } = e2eEnvironment()
// The run's web server already is the built app behind serve.ts, unless the run uses the Vite dev
// server (E2E_DEV_SERVER=1): then this file builds and serves its own copy beside it.
const servePort = webPort + 1000
const baseURL = usesDevServer ? `http://127.0.0.1:${servePort}` : webUrl
let server: ChildProcess | undefined

test.describe.configure({ mode: 'serial' })

test.beforeAll(async () => {
  if (!usesDevServer) return
  test.setTimeout(120_000)
  const distDir = mkdtempSync(join(tmpdir(), 'ubiops-dist-'))
  const build = spawnSync('npx', ['vite', 'build', '--outDir', distDir, '--emptyOutDir'], {
    encoding: 'utf8',
  })
  if (build.status !== 0) throw new Error(`vite build failed:\n${build.stderr}`)
  // node itself, not npx: so that kill() below stops the server and not only a wrapper.
  server = spawn(process.execPath, ['--import', 'tsx', 'server/cli/serve.ts'], {
    env: {
      ...process.env,
      UBIOPS_API_URL: apiUrl,
      WEB_PORT: String(servePort),
      DIST_DIR: distDir,
      LOG_LEVEL: 'warn',
    },
    stdio: 'ignore',
  })
  for (let attempt = 0; attempt < 100; attempt++) {
    const ready = await fetch(`${baseURL}/api/status`).then(
      (r) => r.ok,
      () => false,
    )
    if (ready) return
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error('npm run serve did not start')
})

test.afterAll(() => {
  server?.kill('SIGTERM')
})

test('serves the app with security and caching headers, compressed', async ({ request }) => {
  const page = await request.get(`${baseURL}/organizations/some-deep-link`)
  expect(page.status()).toBe(200)
  const headers = page.headers()
  expect(headers['content-security-policy']).toContain("script-src 'self'")
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'")
  expect(headers['x-content-type-options']).toBe('nosniff')
  expect(headers['referrer-policy']).toBe('no-referrer')
  expect(headers['cache-control']).toBe('no-cache')
  const html = await page.text()
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/) // no inline script

  const script = html.match(/src="(\/assets\/[^"]+\.js)"/)![1]!
  const asset = await request.get(`${baseURL}${script}`, { headers: { 'Accept-Encoding': 'gzip' } })
  expect(asset.headers()['cache-control']).toBe('public, max-age=31536000, immutable')
  expect(asset.headers()['content-encoding']).toBe('gzip')
  expect((await request.get(`${baseURL}/assets/missing-abc123.js`)).status()).toBe(404)
})

test('the built app works under its CSP, through the /api proxy', async ({ page, request }) => {
  const violations: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/.test(message.text())) violations.push(message.text())
  })
  const user = createUser()
  const name = await createOrganization(request, user)
  const scripts = new Map<string, number>()
  page.on('response', async (response) => {
    if (response.request().resourceType() === 'script')
      scripts.set(response.url(), gzipSync(await response.body(), { level: 9 }).length)
  })

  await page.goto(`${baseURL}/sign-in`)
  await page.getByRole('button', { name: 'Use an API token instead' }).click()
  await page.getByLabel('API token').fill(user.token)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('link', { name })).toBeVisible()
  await page.getByRole('link', { name }).click()
  await expect(page.getByRole('heading', { name: 'Resources' })).toBeVisible()
  expect(violations).toEqual([])

  // What the sign-in page and the list load together, gzip-compressed as they leave the server.
  const firstPageKb = [...scripts.values()].reduce((sum, size) => sum + size, 0) / 1024
  test
    .info()
    .annotations.push({ type: 'scripts up to the overview (gzip KB)', description: firstPageKb.toFixed(1) })
})
