import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { lazy, Suspense } from 'react'
import { BrowserRouter } from 'react-router'
import { clearToken, readCredential } from '../api/auth-token'
import { ToastProvider } from '../components/ui/toast'
import { SIGN_IN_PATH, signInPathFor } from '../features/auth/lib/next-path'
import { userQueries } from '../features/auth/queries'
import { sessionExpiry, useExpiredSession } from '../features/auth/session-expiry'
import { createNavigationBridge } from './navigation-bridge'
import { createQueryClient } from './query-client'
import { forgetFailedPreparations } from './route-preparation'
import { AppRoutes } from './router'

type Navigation = ReturnType<typeof createNavigationBridge>

let isReturning = false

/**
 * A 401 from any request: forget the token and everything cached with it, and go to sign-in
 * with the way back. Only the first 401 of a burst navigates; the cache is cleared once sign-in
 * is on screen, so that the page being left does not refetch without a token.
 */
function returnToSignIn(queryClient: QueryClient, navigation: Navigation) {
  clearToken()
  sessionExpiry.settle()
  if (isReturning) return
  const { pathname, search } = window.location
  if (pathname === SIGN_IN_PATH) {
    queryClient.clear()
    return
  }
  isReturning = true
  void navigation.replace(signInPathFor(pathname + search)).then(() => {
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
function handleUnauthorized(queryClient: QueryClient, navigation: Navigation) {
  const credential = readCredential()
  const hasPage = queryClient.getQueryData(userQueries.me().queryKey) !== undefined
  if (credential?.scheme === 'Bearer' && hasPage && window.location.pathname !== SIGN_IN_PATH)
    sessionExpiry.expire(credential.email)
  else returnToSignIn(queryClient, navigation)
}

function createAppState() {
  const navigation = createNavigationBridge()
  const queryClient: QueryClient = createQueryClient({
    onUnauthorized: () => handleUnauthorized(queryClient, navigation),
  })
  return { queryClient, navigation }
}

// One per page load, outside React: StrictMode calls state initialisers twice, and a second
// client would start the first page's requests again (the one-click sign-in link, for one).
let appState: ReturnType<typeof createAppState> | undefined

// Loaded only when a session ends: the first pages do not carry it.
const SessionExpiredDialog = lazy(() => import('../features/auth/components/session-expired-dialog'))

function SessionRenewal({ queryClient, navigation }: NonNullable<typeof appState>) {
  const expired = useExpiredSession()
  if (!expired) return null
  return (
    <Suspense fallback={null}>
      <SessionExpiredDialog
        session={expired}
        onRenewed={() => {
          sessionExpiry.settle()
          // What failed meanwhile is fetched again with the new token; what was typed stays.
          forgetFailedPreparations()
          void queryClient.invalidateQueries({ predicate: (query) => query.state.status === 'error' })
        }}
        onSignInElsewhere={() => returnToSignIn(queryClient, navigation)}
      />
    </Suspense>
  )
}

export function App() {
  appState ??= createAppState()
  const { queryClient, navigation } = appState
  return (
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <BrowserRouter>
          <navigation.NavigationBridge />
          <AppRoutes />
          <SessionRenewal queryClient={queryClient} navigation={navigation} />
        </BrowserRouter>
      </ToastProvider>
    </QueryClientProvider>
  )
}
