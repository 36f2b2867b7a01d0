import { useEffect } from 'react'
import { useLocation, useNavigate, type NavigateFunction } from 'react-router'

interface Waiting {
  /** The history entry shown when the navigation was asked for; null before the first commit. */
  from: string | null
  resolve: () => void
}

/**
 * Navigation for code outside the component tree (the query cache's 401 handler). The bridge
 * component, rendered inside <BrowserRouter>, lends it the router's navigate; `replace` resolves
 * once another page has been committed, so that what follows (clearing the cache) cannot make
 * the page being left refetch.
 */
export function createNavigationBridge() {
  let navigate: NavigateFunction | null = null
  let shownKey: string | null = null
  let pending: string | null = null
  let waiting: Waiting[] = []

  function replace(to: string): Promise<void> {
    const committed = new Promise<void>((resolve) => waiting.push({ from: shownKey, resolve }))
    if (navigate) void navigate(to, { replace: true })
    else pending = to
    return committed
  }

  function NavigationBridge() {
    const routerNavigate = useNavigate()
    const { key } = useLocation()
    useEffect(() => {
      navigate = routerNavigate
    }, [routerNavigate])
    useEffect(() => {
      if (pending !== null) {
        // Asked for before the router was there: leave the first page now.
        for (const entry of waiting) entry.from ??= key
        void routerNavigate(pending, { replace: true })
        pending = null
      }
      shownKey = key
      const done = waiting.filter((entry) => entry.from !== null && entry.from !== key)
      waiting = waiting.filter((entry) => !done.includes(entry))
      for (const entry of done) entry.resolve()
    }, [key, routerNavigate])
    return null
  }

  return { replace, NavigationBridge }
}
