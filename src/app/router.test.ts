import { QueryClient } from '@tanstack/react-query'
import { render } from '@testing-library/react'
import { createElement } from 'react'
import { createMemoryRouter, matchRoutes, RouterProvider } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { pageCrumb } from '../components/ui/breadcrumbs'
import { organizationQueries } from '../features/organizations/queries'
import { createAppRoutes } from './router'

const ME = { id: 'u-1', email: 'ada@example.com', name: 'Ada', surname: 'L', staff: false }
const ACME = {
  id: 'o-1',
  name: 'acme',
  creation_date: '2024-01-01T00:00:00Z',
  subscription: 'free',
  subscription_self_service: true,
  status: 'active',
}

/** The local API as the loaders see it: a few answers by path; records every request. */
function stubApi(answers: Record<string, [number, unknown]>) {
  const requests: string[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string) => {
      const path = new URL(url, 'http://app.invalid').pathname.replace(/^\/api/, '')
      requests.push(path)
      const [status, body] = answers[path] ?? [404, { error: `no answer for ${path}` }]
      return Promise.resolve(Response.json(body, { status }))
    }),
  )
  return requests
}

/** Navigates a router built from the app's own route table to `path`, until its loaders are done. */
async function visit(path: string, queryClient = new QueryClient()) {
  const router = createMemoryRouter(createAppRoutes(queryClient), { initialEntries: [path] })
  await vi.waitFor(() => expect(router.state.initialized).toBe(true), { timeout: 10_000 })
  return { router, queryClient }
}

afterEach(() => {
  vi.unstubAllGlobals()
  sessionStorage.clear()
})

describe('the route table', () => {
  it('sends a signed-out visit to sign-in, with the way back', async () => {
    const requests = stubApi({})
    const { router } = await visit('/organizations/acme/members?role=admin')
    expect(router.state.location.pathname).toBe('/sign-in')
    expect(router.state.location.search).toBe(
      `?next=${encodeURIComponent('/organizations/acme/members?role=admin')}`,
    )
    expect(requests).toEqual([])
  })

  it("has the organization's detail in the cache, under the page's own key, before the page shows", async () => {
    sessionStorage.setItem('ubiops.token', 'token')
    stubApi({
      '/user': [200, ME],
      '/organizations/acme': [200, ACME],
      '/organizations/acme/resources': [200, {}],
    })
    const { router, queryClient } = await visit('/organizations/acme')
    expect(router.state.location.pathname).toBe('/organizations/acme')
    expect(queryClient.getQueryData(organizationQueries.detail('acme').queryKey)).toEqual(ACME)
  })

  it("asks whether the caller is an admin of the settings' organization, without the member list", async () => {
    sessionStorage.setItem('ubiops.token', 'token')
    const requests = stubApi({
      '/user': [200, ME],
      '/organizations/acme': [200, ACME],
      '/organizations/acme/users/u-1': [403, { error: 'Only admins of acme may do this.' }],
    })
    const { queryClient } = await visit('/organizations/acme/settings')
    expect(queryClient.getQueryData(organizationQueries.adminRight('acme', 'u-1').queryKey)).toBe(false)
    expect(requests).toContain('/organizations/acme/users/u-1')
    expect(requests).not.toContain('/organizations/acme/users')
  })

  it('sends the bare address to the organization list', async () => {
    sessionStorage.setItem('ubiops.token', 'token')
    stubApi({ '/user': [200, ME], '/organizations': [200, [ACME]] })
    const { router } = await visit('/')
    expect(router.state.location.pathname).toBe('/organizations')
  })

  it('names the pages below a tab for the breadcrumbs: the monthly report below Usage', () => {
    const routes = createAppRoutes(new QueryClient())
    const crumbAt = (path: string) =>
      pageCrumb(
        (matchRoutes(routes, path) ?? []).map(({ route, params, pathname }) => ({
          id: route.id ?? '',
          pathname,
          params,
          data: undefined,
          loaderData: undefined,
          handle: route.handle,
        })),
      )
    expect(crumbAt('/organizations/acme/usage/report')).toBe('Monthly report')
    expect(crumbAt('/organizations/acme/usage')).toBeUndefined()
    expect(crumbAt('/organizations/acme/members/u-1')).toBeUndefined()
  })

  it('renders the bare address without a warning about its redirecting index route', async () => {
    sessionStorage.setItem('ubiops.token', 'token')
    stubApi({ '/user': [200, ME], '/organizations': [200, [ACME]] })
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const router = createMemoryRouter(createAppRoutes(new QueryClient()), { initialEntries: ['/'] })
    render(createElement(RouterProvider, { router }))
    await vi.waitFor(() => expect(router.state.location.pathname).toBe('/organizations'), { timeout: 10_000 })
    // react-router warns while it renders `/` before the index route's loader has redirected.
    const warnings = warn.mock.calls.map((args) => args.join(' '))
    expect(warnings.filter((line) => line.includes('Matched leaf route'))).toEqual([])
  })
})
