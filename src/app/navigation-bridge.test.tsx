import { act, render, screen } from '@testing-library/react'
import { MemoryRouter, Route, Routes } from 'react-router'
import { describe, expect, it } from 'vitest'
import { createNavigationBridge } from './navigation-bridge'

describe('createNavigationBridge', () => {
  it('navigates from outside React and resolves once the new page is on screen', async () => {
    const { replace, NavigationBridge } = createNavigationBridge()
    render(
      <MemoryRouter initialEntries={['/organizations/acme']}>
        <NavigationBridge />
        <Routes>
          <Route path="/organizations/acme" element={<p>Acme</p>} />
          <Route path="/sign-in" element={<p>Sign in</p>} />
        </Routes>
      </MemoryRouter>,
    )
    let seenOnResolve: string | null = null
    let committed: Promise<void> = Promise.resolve()
    // act() flushes React's work when its callback returns: the promise is awaited after it.
    act(() => {
      committed = replace('/sign-in').then(() => {
        seenOnResolve = document.body.textContent
      })
    })
    await committed
    expect(seenOnResolve).toBe('Sign in')
    expect(screen.queryByText('Acme')).toBeNull()
  })

  it('keeps a navigation asked for before the router was there', async () => {
    const { replace, NavigationBridge } = createNavigationBridge()
    const committed = replace('/sign-in')
    render(
      <MemoryRouter initialEntries={['/organizations/acme']}>
        <NavigationBridge />
        <Routes>
          <Route path="/organizations/acme" element={<p>Acme</p>} />
          <Route path="/sign-in" element={<p>Sign in</p>} />
        </Routes>
      </MemoryRouter>,
    )
    await committed
    expect(screen.getByText('Sign in')).toBeInTheDocument()
  })
})
