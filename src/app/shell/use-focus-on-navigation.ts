import { useEffect, useRef, type RefObject } from 'react'
import { useLocation, useNavigationType } from 'react-router'

/**
 * After a navigation to another page, focus moves to `target` (the main region), so that keyboard
 * and screen-reader users start on the new page rather than on a link that may no longer exist.
 * Replace navigations (filters, a rename following itself, the return to sign-in) keep focus
 * where the code that made them put it.
 */
export function useFocusOnNavigation(target: RefObject<HTMLElement | null>) {
  const { pathname } = useLocation()
  const navigationType = useNavigationType()
  const previous = useRef(pathname)
  useEffect(() => {
    if (previous.current === pathname) return
    previous.current = pathname
    if (navigationType !== 'REPLACE') target.current?.focus({ preventScroll: false })
  }, [pathname, navigationType, target])
}
