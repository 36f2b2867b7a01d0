import { act, render } from '@testing-library/react'
import { MemoryRouter, Route, Routes } from 'react-router'
import { describe, expect, it } from 'vitest'
import { useSettledNavigate } from './use-settled-navigate'


describe('useSettledNavigate', () => {
  it('resolves once the new page is committed, also when the caller leaves the screen', async () => {
    let navigate: ReturnType<typeof useSettledNavigate> = () => Promise.resolve()
    function Caller() {
      navigate = useSettledNavigate()
      return <p>Settings</p>
    }
    render(
      <MemoryRouter initialEntries={['/settings']}>
        <Routes>
          <Route path="/settings" element={<Caller />} />
          <Route path="/elsewhere" element={<p>Elsewhere</p>} />
        </Routes>
      </MemoryRouter>,
    )
    let seenOnResolve: string | null = null
    let settled: Promise<void> = Promise.resolve()
    // act() flushes React's work when its callback returns: the promise is awaited after it.
    act(() => {
      settled = navigate('/elsewhere', { replace: true }).then(() => {
        seenOnResolve = document.body.textContent
      })
    })
    await settled
    expect(seenOnResolve).toBe('Elsewhere')
  })
})
