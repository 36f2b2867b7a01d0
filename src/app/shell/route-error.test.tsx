import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '../../api/client'
import { lazyPage } from '../lazy-page'
import { PageError, RouteError } from './route-error'

let shouldCrash = true
function Flaky() {
  if (shouldCrash) throw new Error('Boom')
  return <p>The page</p>
}

function renderRoutes(routes: RouteObject[], path: string) {
  const router = createMemoryRouter(routes, { initialEntries: [path] })
  render(<RouterProvider router={router} />)
  return router
}

describe('RouteError', () => {
  it('shows what went wrong, and Try again renders the page again', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    shouldCrash = true
    renderRoutes([{ path: '/a', Component: Flaky, ErrorBoundary: RouteError }], '/a')
    expect(await screen.findByRole('alert')).toHaveTextContent('Something went wrong')
    expect(screen.getByRole('alert')).toHaveTextContent('Boom')
    expect(screen.getByRole('link', { name: 'Go to your organizations' })).toHaveAttribute(
      'href',
      '/organizations',
    )
    shouldCrash = false
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try again' }))
    expect(await screen.findByText('The page')).toBeInTheDocument()
  })

  it('clears the error on another address, and is the main region when it stands for the whole page', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    shouldCrash = true
    const router = renderRoutes(
      [
        { path: '/a', Component: Flaky, ErrorBoundary: PageError },
        { path: '/b', Component: Flaky, ErrorBoundary: PageError },
      ],
      '/a',
    )
    expect(screen.getByRole('main')).toContainElement(await screen.findByRole('alert'))
    shouldCrash = false
    await act(() => router.navigate('/b'))
    expect(await screen.findByText('The page')).toBeInTheDocument()
  })

  it('says when the page’s code could not be downloaded, and Try again then reloads the page', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const reload = vi.fn()
    vi.stubGlobal('location', { ...window.location, reload })
    renderRoutes(
      [
        {
          path: '/a',
          // As in the app: every lazy route has a loader, and the navigation waits for both.
          loader: () => null,
          lazy: lazyPage(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module'))),
          ErrorBoundary: RouteError,
        },
      ],
      '/a',
    )
    expect(await screen.findByRole('alert')).toHaveTextContent('the page’s code could not be downloaded')
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try again' }))
    expect(reload).toHaveBeenCalledOnce()
    vi.unstubAllGlobals()
  })

  it("shows an organization's two-factor requirement as what to do, not as a crash; another 403 stays an error", async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const sentence =
      '"acme" requires two-factor authentication: set up two-factor authentication for your account, then sign in again with your code.'
    const router = createMemoryRouter(
      [
        {
          path: '/organizations/acme',
          loader: () => {
            throw new ApiError(403, sentence)
          },
          Component: () => null,
          ErrorBoundary: RouteError,
        },
        {
          path: '/organizations/other',
          loader: () => {
            throw new ApiError(
              403,
              'Only admins of the organization "other" can do this. Ask one of its admins.',
            )
          },
          Component: () => null,
          ErrorBoundary: RouteError,
        },
      ],
      { initialEntries: ['/organizations/acme'] },
    )
    render(
      <QueryClientProvider client={new QueryClient()}>
        <RouterProvider router={router} />
      </QueryClientProvider>,
    )
    expect(
      await screen.findByRole('heading', { name: 'Two-factor authentication required' }),
    ).toBeInTheDocument()
    expect(screen.getByText(sentence)).toBeInTheDocument()
    expect(screen.queryByRole('alert')).toBeNull()
    expect(screen.getByRole('button', { name: 'Sign out to sign in with a code' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Go to your organizations' })).toHaveAttribute(
      'href',
      '/organizations',
    )
    await act(() => router.navigate('/organizations/other'))
    expect(await screen.findByRole('alert')).toHaveTextContent('Only admins of the organization "other"')
  })
})
