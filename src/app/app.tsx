import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { flushSync } from 'react-dom'
import { RouterProvider, type DataRouter } from 'react-router'
import { clearToken } from '../api/auth-token'
import { ToastProvider } from '../components/ui/toast'
import { SIGN_IN_PATH, signInPathFor } from '../features/auth/lib/next-path'
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

function createAppState() {
  // The query cache's 401 handler needs the router, and the router's loaders the query client:
  // the handler reads `router` only when a request fails, by when it is there.
  const queryClient: QueryClient = createQueryClient({
    onUnauthorized: () => returnToSignIn(queryClient, router),
  })
  const router = createAppRouter(queryClient)
  return { queryClient, router }
}

// One per page load, outside React: StrictMode calls state initialisers twice, and a second
// router would start the first page's loaders again (the one-click sign-in link, for one).
let appState: ReturnType<typeof createAppState> | undefined

export function App() {
  appState ??= createAppState()
  const { queryClient, router } = appState
  return (
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <RouterProvider router={router} flushSync={flushUpdates} />
      </ToastProvider>
    </QueryClientProvider>
  )
}
