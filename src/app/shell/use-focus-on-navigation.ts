import { useEffect, useRef, type RefObject } from 'react'
import { useLocation, useMatches, useNavigationType } from 'react-router'

/**
 * After a navigation to another page, focus moves to `target` (the main region), so that keyboard
 * and screen-reader users start on the new page rather than on a link that may no longer exist.
 * An address with a fragment naming an element on the new page (a section such as
 * `#credit-budget`) focuses that element instead. Replace navigations (filters, a rename following
 * itself, the return to sign-in) and a change of address within the same page (a member's side
 * panel opened or closed by its address) keep focus where the code that made them put it: the
 * panel's opener gets it back when the panel closes.
 */
export function useFocusOnNavigation(target: RefObject<HTMLElement | null>) {
  const { pathname, hash } = useLocation()
  const navigationType = useNavigationType()
  const pageId = useMatches().at(-1)?.id
  const previous = useRef({ pathname, hash, pageId })
  useEffect(() => {
    const before = previous.current
    if (before.pathname === pathname && before.hash === hash) return
    previous.current = { pathname, hash, pageId }
    if (navigationType === 'REPLACE') return
    const section = hash.length > 1 ? document.getElementById(decodeURIComponent(hash.slice(1))) : null
    if (section) {
      section.focus({ preventScroll: true })
      section.scrollIntoView({ block: 'start' })
    } else if (before.pathname !== pathname && before.pageId !== pageId)
      target.current?.focus({ preventScroll: false })
  }, [pathname, hash, pageId, navigationType, target])
}
