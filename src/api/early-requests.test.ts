import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { withRouteFiles } from '../../vite-plugins/route-preloads'
import { apiRequest } from './client'

// Vitest runs from the project's root.
const script = readFileSync(join(process.cwd(), 'public/early-requests.js'), 'utf8')

/** Runs public/early-requests.js as the browser would, at `path`, and returns what it fetched. */
function runEarlyScript(path: string, token: string | null, source = script) {
  if (token) sessionStorage.setItem('ubiops.token', token)
  window.history.replaceState(null, '', path)
  const fetched: string[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string) => {
      fetched.push(url)
      return Promise.resolve(Response.json({ early: url }))
    }),
  )
  new Function(source)()
  return fetched
}

/** The script as the build writes it: each route's files filled in (vite-plugins/route-preloads.ts). */
const builtScript = withRouteFiles(script, {
  'sign-in': ['/assets/sign-in-1.js', '/assets/sign-in-1.css'],
  'app-layout': ['/assets/app-layout-1.js', '/assets/shared-1.js', '/assets/app-layout-1.css'],
  organizations: ['/assets/organizations-1.js', '/assets/shared-1.js'],
  'organization-layout': ['/assets/organization-layout-1.js'],
  members: ['/assets/members-1.js'],
  validate: ['/assets/validate-1.js'],
})

/** The files the script asked the browser to preload: `rel href`, in order. */
const preloaded = () =>
  [...document.head.querySelectorAll('link')].map((link) => `${link.rel} ${link.getAttribute('href')}`)

afterEach(() => {
  vi.unstubAllGlobals()
  sessionStorage.clear()
  delete window.__ubiopsEarlyRequests
  window.history.replaceState(null, '', '/')
  document.head.replaceChildren()
})

describe('early requests', () => {
  it("starts the organization list's requests with the stored token", () => {
    expect(runEarlyScript('/organizations', 'stored')).toEqual(['/api/user', '/api/organizations'])
    expect(window.__ubiopsEarlyRequests?.authorization).toBe('Token stored')
  })

  it("starts them with a person's stored access token as Bearer, and the client takes the answer", async () => {
    sessionStorage.setItem('ubiops.access', JSON.stringify({ access: 'person', email: 'a@example.com' }))
    expect(runEarlyScript('/organizations', null)).toEqual(['/api/user', '/api/organizations'])
    expect(window.__ubiopsEarlyRequests?.authorization).toBe('Bearer person')
    const later = vi.fn(() => Promise.resolve(Response.json({ later: true })))
    vi.stubGlobal('fetch', later)
    await expect(apiRequest('/organizations')).resolves.toEqual({ early: '/api/organizations' })
    expect(later).not.toHaveBeenCalled()
  })

  it("starts an organization's page requests, and none without a token or off the app's pages", () => {
    expect(runEarlyScript('/organizations/acme/members', 'stored')).toEqual([
      '/api/user',
      '/api/organizations/acme',
      '/api/organizations/acme/users',
    ])
    sessionStorage.clear()
    delete window.__ubiopsEarlyRequests
    expect(runEarlyScript('/organizations', null)).toEqual([])
    expect(runEarlyScript('/sign-in', 'stored')).toEqual([])
  })

  it('hands each early answer to the first matching GET, once', async () => {
    runEarlyScript('/organizations', 'stored')
    const later = vi.fn(() => Promise.resolve(Response.json({ later: true })))
    vi.stubGlobal('fetch', later)
    await expect(apiRequest('/organizations')).resolves.toEqual({ early: '/api/organizations' })
    expect(later).not.toHaveBeenCalled()
    await expect(apiRequest('/organizations')).resolves.toEqual({ later: true })
  })

  it('is not used for another token or a changing request', async () => {
    runEarlyScript('/organizations', 'stored')
    const later = vi.fn(() => Promise.resolve(Response.json({ later: true })))
    vi.stubGlobal('fetch', later)
    await expect(apiRequest('/organizations', { token: 'explicit' })).resolves.toEqual({ later: true })
    sessionStorage.setItem('ubiops.token', 'another')
    await expect(apiRequest('/user')).resolves.toEqual({ later: true })
    expect(later).toHaveBeenCalledTimes(2)
  })

  it('fetches again when the early request failed', async () => {
    runEarlyScript('/organizations', 'stored')
    window.__ubiopsEarlyRequests!.responses['/api/organizations'] = Promise.reject(new TypeError('offline'))
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(Response.json(['retried']))),
    )
    await expect(apiRequest('/organizations')).resolves.toEqual(['retried'])
  })

  it("preloads the code of the page's routes with its requests, each file once, CSS as a stylesheet", () => {
    expect(runEarlyScript('/organizations', 'stored', builtScript)).toEqual([
      '/api/user',
      '/api/organizations',
    ])
    expect(preloaded()).toEqual([
      'modulepreload /assets/app-layout-1.js',
      'modulepreload /assets/shared-1.js',
      'stylesheet /assets/app-layout-1.css',
      'modulepreload /assets/organizations-1.js',
      'modulepreload /assets/validate-1.js',
    ])
    // In CORS mode, as Vite's own preloads and the entry script: the browser uses what it fetched.
    for (const link of document.head.querySelectorAll('link'))
      expect(link.getAttribute('crossorigin')).toBe('')
  })

  it("preloads an organization page's routes, and sign-in's without a credential", () => {
    runEarlyScript('/organizations/acme/members/7', 'stored', builtScript)
    expect(preloaded()).toEqual([
      'modulepreload /assets/app-layout-1.js',
      'modulepreload /assets/shared-1.js',
      'stylesheet /assets/app-layout-1.css',
      'modulepreload /assets/organization-layout-1.js',
      'modulepreload /assets/members-1.js',
      'modulepreload /assets/validate-1.js',
    ])
    document.head.replaceChildren()
    sessionStorage.clear()
    expect(runEarlyScript('/organizations/acme', null, builtScript)).toEqual([])
    expect(preloaded()).toEqual(['modulepreload /assets/sign-in-1.js', 'stylesheet /assets/sign-in-1.css'])
  })

  it('preloads nothing from the source as it is (the dev server serves it unfilled)', () => {
    runEarlyScript('/organizations', 'stored')
    expect(preloaded()).toEqual([])
  })

  it.each([
    ['/sign-in', 'stored', ['sign-in']],
    ['/', 'stored', ['app-layout', 'organizations', 'validate']],
    [
      '/organizations/acme',
      'stored',
      ['app-layout', 'organization-layout', 'organization-overview', 'validate'],
    ],
    [
      '/organizations/acme/settings',
      'stored',
      ['app-layout', 'organization-layout', 'organization-settings', 'validate'],
    ],
    ['/organizations/acme/usage', 'stored', ['app-layout', 'organization-layout', 'usage', 'validate']],
    [
      '/organizations/acme/usage/report',
      'stored',
      ['app-layout', 'organization-layout', 'usage-report', 'validate'],
    ],
    ['/nowhere', 'stored', ['app-layout', 'not-found']],
    ['/organizations/acme/members', null, ['sign-in']],
  ])('at %s (token %s) preloads the routes %j, each a module of src/app/routes', (path, token, routes) => {
    // Each route module named after its file, as the build names them: a renamed route breaks this.
    const files = Object.fromEntries(
      readdirSync(join(process.cwd(), 'src/app/routes')).map((file) => {
        const name = file.replace(/\.tsx$/, '')
        return [name, [`/assets/${name}.js`]]
      }),
    )
    runEarlyScript(path, token, withRouteFiles(script, { ...files, validate: ['/assets/validate.js'] }))
    expect(preloaded()).toEqual(routes.map((route) => `modulepreload /assets/${route}.js`))
  })
})
