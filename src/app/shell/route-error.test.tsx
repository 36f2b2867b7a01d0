import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router'
import { describe, expect, it, vi } from 'vitest'
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
})
