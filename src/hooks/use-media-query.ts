import { useCallback, useSyncExternalStore } from 'react'

/** Phone-width screens: the members grid stacks its rows and charts show fewer axis labels. */
export const NARROW_SCREEN = '(max-width: 40rem)'

/**
 * Whether a CSS media query (e.g. `NARROW_SCREEN`) matches now; follows changes (rotation,
 * resizing) through matchMedia, with no resize listener per component. False outside a browser.
 */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const list = window.matchMedia(query)
      list.addEventListener('change', onChange)
      return () => list.removeEventListener('change', onChange)
    },
    [query],
  )
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(query).matches,
    () => false,
  )
}
