import type { QueryClient } from '@tanstack/react-query'
import { useRef } from 'react'
import { Outlet, redirect, type LoaderFunctionArgs } from 'react-router'
import { readToken } from '../../api/auth-token'
import { userQueries } from '../../features/auth/queries'
import { signInPathFor } from '../../features/auth/lib/next-path'
import { AppHeader } from '../shell/app-header'
import { useFocusOnNavigation } from '../shell/use-focus-on-navigation'

/** Every page but sign-in needs a token; without one, go sign in and come back. */
export function loader(queryClient: QueryClient) {
  return ({ request }: LoaderFunctionArgs) => {
    const url = new URL(request.url)
    if (!readToken()) throw redirect(signInPathFor(url.pathname + url.search))
    // The header's "signed in as" and the admin checks need the caller; no need to wait for it.
    void queryClient.prefetchQuery(userQueries.me())
    return null
  }
}

export default function AppLayoutRoute() {
  const main = useRef<HTMLElement>(null)
  useFocusOnNavigation(main)
  return (
    <div className="app-shell">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <AppHeader />
      <main id="main" ref={main} className="app-main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  )
}
