import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { MemoryRouter } from 'react-router'
import { describe, expect, it, vi } from 'vitest'
import { RouteErrorBoundary } from './route-error'

let shouldCrash = true
function Flaky() {
  if (shouldCrash) throw new Error('Boom')
  return <p>The page</p>
}

function renderBoundary(resetKey: string, isPage = false) {
  return (
    <MemoryRouter>
      <RouteErrorBoundary resetKey={resetKey} isPage={isPage}>
        <Flaky />
      </RouteErrorBoundary>
    </MemoryRouter>
  )
}

describe('RouteErrorBoundary', () => {
  it('shows what went wrong, and Try again renders the page again', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    shouldCrash = true
    render(renderBoundary('a'))
    expect(screen.getByRole('alert')).toHaveTextContent('Something went wrong')
    expect(screen.getByRole('alert')).toHaveTextContent('Boom')
    expect(screen.getByRole('link', { name: 'Go to your organizations' })).toHaveAttribute(
      'href',
      '/organizations',
    )
    shouldCrash = false
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try again' }))
    expect(screen.getByText('The page')).toBeInTheDocument()
  })

  it('clears the error on another address, and is the main region when it stands for the whole page', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    shouldCrash = true
    const { rerender } = render(renderBoundary('a', true))
    expect(screen.getByRole('main')).toContainElement(screen.getByRole('alert'))
    shouldCrash = false
    rerender(renderBoundary('b', true))
    expect(screen.getByText('The page')).toBeInTheDocument()
  })
})
