import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { lazy, Suspense } from 'react'
import { flushSync } from 'react-dom'
import { RouterProvider, type DataRouter } from 'react-router'
import { clearToken, readCredential } from '../api/auth-token'
import { ToastProvider } from '../components/ui/toast'
import { SIGN_IN_PATH, signInPathFor } from '../features/auth/lib/next-path'
import { userQueries } from '../features/auth/queries'
import { sessionExpiry, useExpiredSession } from '../features/auth/session-expiry'
import { createQueryClient } from './query-client'
import { createAppRouter } from './router'

let isReturning = false

/** What `navigate(…, { flushSync: true })` uses (react-router/dom's RouterProvider passes the same). */
const flushUpdates = (update: () => unknown): undefined => {
  flushSync(update)
}

/**
 * A 401 from any request: forget the token and everything cached with it, and go to sign-in
 * with the way back to the page being shown, or being navigated to when the 401 came from its
 * loader. Only the first 401 of a burst navigates; the cache is cleared once sign-in is on screen
 * (flushSync), so that the page being left does not refetch without a token.
 */
function returnToSignIn(queryClient: QueryClient, router: DataRouter) {
  clearToken()
  sessionExpiry.settle()
  if (isReturning) return
  const { pathname, search } = router.state.navigation.location ?? router.state.location
  if (pathname === SIGN_IN_PATH) {
    queryClient.clear()
    return
  }
  isReturning = true
  void router.navigate(signInPathFor(pathname + search), { replace: true, flushSync: true }).then(() => {
    isReturning = false
    queryClient.clear()
  })
}

/**
 * A person's session (Bearer) that ends while a page is on screen is renewed in a dialog over
 * that page (session-expired-dialog.tsx): leaving for the sign-in page would unmount whatever
 * they were typing. An API token that stops working, or a session that ends before anything was
 * shown (a deep link opened with an expired session), goes to sign-in and back as before.
 */
function handleUnauthorized(queryClient: QueryClient, router: DataRouter) {
  const credential = readCredential()
  const hasPage = queryClient.getQueryData(userQueries.me().queryKey) !== undefined
  if (credential?.scheme === 'Bearer' && hasPage && router.state.location.pathname !== SIGN_IN_PATH)
    sessionExpiry.expire(credential.email)
  else returnToSignIn(queryClient, router)
}

function createAppState() {
  // The query cache's 401 handler needs the router, and the router's loaders the query client:
  // the handler reads `router` only when a request fails, by when it is there.
  const queryClient: QueryClient = createQueryClient({
    onUnauthorized: () => handleUnauthorized(queryClient, router),
  })
  const router = createAppRouter(queryClient)
  return { queryClient, router }
}

// One per page load, outside React: StrictMode calls state initialisers twice, and a second
// router would start the first page's loaders again (the one-click sign-in link, for one).
let appState: ReturnType<typeof createAppState> | undefined

// Loaded only when a session ends: the first pages do not carry it.
const SessionExpiredDialog = lazy(() => import('../features/auth/components/session-expired-dialog'))

function SessionRenewal({ queryClient, router }: NonNullable<typeof appState>) {
  const expired = useExpiredSession()
  if (!expired) return null
  return (
    <Suspense fallback={null}>
      <SessionExpiredDialog
        session={expired}
        onRenewed={() => {
          sessionExpiry.settle()
          // What failed meanwhile is fetched again with the new token; what was typed stays.
          void queryClient.invalidateQueries({ predicate: (query) => query.state.status === 'error' })
        }}
        onSignInElsewhere={() => returnToSignIn(queryClient, router)}
      />
    </Suspense>
  )
}

export function App() {
  appState ??= createAppState()
  const { queryClient, router } = appState
  return (
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <RouterProvider router={router} flushSync={flushUpdates} />
        <SessionRenewal queryClient={queryClient} router={router} />
      </ToastProvider>
    </QueryClientProvider>
  )
}
