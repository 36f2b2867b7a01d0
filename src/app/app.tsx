import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { BrowserRouter } from 'react-router'
import { clearToken } from '../api/auth-token'
import { ToastProvider } from '../components/ui/toast'
import { SIGN_IN_PATH, signInPathFor } from '../features/auth/lib/next-path'
import { createNavigationBridge } from './navigation-bridge'
import { createQueryClient } from './query-client'
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

function createAppState() {
  const navigation = createNavigationBridge()
  const queryClient: QueryClient = createQueryClient({
    onUnauthorized: () => returnToSignIn(queryClient, navigation),
  })
  return { queryClient, navigation }
}

// One per page load, outside React: StrictMode calls state initialisers twice, and a second
// client would start the first page's requests again (the one-click sign-in link, for one).
let appState: ReturnType<typeof createAppState> | undefined

export function App() {
  appState ??= createAppState()
  const { queryClient, navigation } = appState
  return (
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <BrowserRouter>
          <navigation.NavigationBridge />
          <AppRoutes />
        </BrowserRouter>
      </ToastProvider>
    </QueryClientProvider>
  )
}
