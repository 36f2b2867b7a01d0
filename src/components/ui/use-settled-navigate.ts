import { useCallback, useEffect, useRef } from 'react'
import { useLocation, useNavigate, type NavigateOptions, type To } from 'react-router'

/**
 * react-router's navigate, returning a promise that resolves once the new page is committed (or
 * this component has left the screen). Declarative routing navigates in a transition and its
 * navigate returns nothing to wait for; code that must act after the page changed (drop the old
 * name's cache after a rename, forget everything after sign-out, focus a field of the new page)
 * awaits this instead.
 */
export function useSettledNavigate(): (to: To, options?: NavigateOptions) => Promise<void> {
  const navigate = useNavigate()
  const { key } = useLocation()
  const waiting = useRef<Array<() => void>>([])

  useEffect(() => {
    const settled = waiting.current
    waiting.current = []
    for (const resolve of settled) resolve()
  }, [key])
  useEffect(
    () => () => {
      for (const resolve of waiting.current) resolve()
      waiting.current = []
    },
    [],
  )

  return useCallback(
    (to: To, options?: NavigateOptions) =>
      new Promise<void>((resolve) => {
        waiting.current.push(resolve)
        void navigate(to, options)
      }),
    [navigate],
  )
}
