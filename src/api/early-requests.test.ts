import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { apiRequest } from './client'

// Vitest runs from the project's root.
const script = readFileSync(join(process.cwd(), 'public/early-requests.js'), 'utf8')

/** Runs public/early-requests.js as the browser would, at `path`, and returns what it fetched. */
function runEarlyScript(path: string, token: string | null) {
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
  new Function(script)()
  return fetched
}

afterEach(() => {
  vi.unstubAllGlobals()
  sessionStorage.clear()
  delete window.__ubiopsEarlyRequests
  window.history.replaceState(null, '', '/')
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
})
