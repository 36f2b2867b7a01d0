import { fireEvent, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { MouseEvent, ReactNode } from 'react'
import { MemoryRouter, Route, Routes, useLocation, useNavigationType } from 'react-router'
import { describe, expect, it, vi } from 'vitest'
import { Link } from './link'


function Where() {
  const { pathname, state } = useLocation()
  const navigationType = useNavigationType()
  return <p data-testid="where">{`${pathname} ${navigationType} ${JSON.stringify(state)}`}</p>
}

function renderAt(path: string, link: ReactNode) {
  const page = (
    <>
      {link}
      <Where />
    </>
  )
  return render(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/organizations" element={page} />
        <Route path="/organizations/:name" element={page} />
      </Routes>
    </MemoryRouter>,
  )
}

/** Clicks the element; says whether the app took the click (prevented the browser's own navigation). */
function isTakenByApp(element: Element, init?: MouseEventInit): boolean {
  let taken = false
  const record = (event: Event) => {
    taken = event.defaultPrevented
    // What the browser would do (open the address) jsdom cannot: stop it here.
    event.preventDefault()
  }
  window.addEventListener('click', record, { once: true })
  fireEvent.click(element, init)
  return taken
}

describe('Link', () => {
  it('is a real link to the address, resolved against the current route', () => {
    renderAt('/organizations/acme', <Link to="usage">Usage</Link>)
    expect(screen.getByRole('link', { name: 'Usage' })).toHaveAttribute('href', '/organizations/acme/usage')
  })

  it('navigates inside the app on a plain click, with its state, pushing a history entry', async () => {
    renderAt(
      '/organizations',
      <Link to="/organizations/acme" state={{ from: 'list' }}>
        acme
      </Link>,
    )
    await userEvent.setup().click(screen.getByRole('link', { name: 'acme' }))
    expect(screen.getByTestId('where')).toHaveTextContent('/organizations/acme PUSH {"from":"list"}')
  })

  it('replaces the history entry when asked to', async () => {
    renderAt(
      '/organizations',
      <Link to="/organizations/acme" replace>
        acme
      </Link>,
    )
    await userEvent.setup().click(screen.getByRole('link', { name: 'acme' }))
    expect(screen.getByTestId('where')).toHaveTextContent('/organizations/acme REPLACE')
  })

  it('runs its own onClick first, and does not navigate when that prevented the default', async () => {
    const onClick = vi.fn((event: MouseEvent) => event.preventDefault())
    renderAt(
      '/organizations',
      <Link to="/organizations/acme" onClick={onClick}>
        acme
      </Link>,
    )
    await userEvent.setup().click(screen.getByRole('link', { name: 'acme' }))
    expect(onClick).toHaveBeenCalledTimes(1)
    expect(screen.getByTestId('where')).toHaveTextContent('/organizations POP')
  })

  it('leaves a modified click (new tab) and another target to the browser', () => {
    renderAt(
      '/organizations',
      <>
        <Link to="/organizations/acme">acme</Link>
        <Link to="/organizations/beta" target="_blank">
          beta
        </Link>
      </>,
    )
    expect(isTakenByApp(screen.getByRole('link', { name: 'acme' }), { ctrlKey: true })).toBe(false)
    expect(isTakenByApp(screen.getByRole('link', { name: 'beta' }))).toBe(false)
    expect(screen.getByTestId('where')).toHaveTextContent('/organizations POP')
    // The same link, clicked plainly, is the app's.
    expect(isTakenByApp(screen.getByRole('link', { name: 'acme' }))).toBe(true)
    expect(screen.getByTestId('where')).toHaveTextContent('/organizations/acme PUSH')
  })

  it('passes the rest of its props and its ref to the <a>', () => {
    let anchor: HTMLAnchorElement | null = null
    renderAt(
      '/organizations',
      <Link
        to="/organizations/acme"
        className="row-link"
        aria-current="page"
        ref={(element) => {
          anchor = element
        }}
      >
        acme
      </Link>,
    )
    const link = screen.getByRole('link', { name: 'acme' })
    expect(link).toHaveClass('row-link')
    expect(link).toHaveAttribute('aria-current', 'page')
    expect(anchor).toBe(link)
  })
})
