import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { RouterProvider } from 'react-router'
import { clearToken } from '../api/auth-token'
import { ToastProvider } from '../components/ui/toast'
import { SIGN_IN_PATH, signInPathFor } from '../features/auth/lib/next-path'
import { createQueryClient } from './query-client'
import { createRouter } from './router'

type Router = ReturnType<typeof createRouter>

/**
 * A 401 from any request: forget the token and everything cached with it, and go to sign-in
 * with the way back. Only the first 401 of a burst navigates; the rest find us on sign-in.
 */
function returnToSignIn(queryClient: QueryClient, router: Router) {
  clearToken()
  const { pathname, search } = router.state.location
  if (pathname !== SIGN_IN_PATH) {
    void router.navigate(signInPathFor(pathname + search), { replace: true }).then(() => queryClient.clear())
  } else {
    queryClient.clear()
  }
}

function createAppState() {
  // The router needs the query client (loaders) and the client's 401 handler needs the router.
  const state = {} as { queryClient: QueryClient; router: Router }
  state.queryClient = createQueryClient({
    onUnauthorized: () => returnToSignIn(state.queryClient, state.router),
  })
  state.router = createRouter(state.queryClient)
  return state
}

// One per page load, outside React: StrictMode calls state initialisers twice, and a second
// router would run the first page's loaders again (the one-click sign-in link, for one).
let appState: ReturnType<typeof createAppState> | undefined

export function App() {
  appState ??= createAppState()
  const { queryClient, router } = appState
  return (
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <RouterProvider router={router} />
      </ToastProvider>
    </QueryClientProvider>
  )
}
