import { useRef } from 'react'
import { Outlet, useLocation, useNavigation } from 'react-router'
import { OfflineBanner } from '../../components/ui/offline-banner'
import { AppHeader } from '../shell/app-header'
import { NavigationProgress } from '../shell/navigation-progress'
import { useFocusOnNavigation } from '../shell/use-focus-on-navigation'

// The token check and the caller's prefetch are this route's loader (src/app/loaders.ts).
export default function AppLayoutRoute() {
  const main = useRef<HTMLElement>(null)
  useFocusOnNavigation(main)
  const navigation = useNavigation()
  const { pathname } = useLocation()
  // The page stays on screen while the next one loads its code and data; a change of filters
  // only (same path) is quick and shows nothing.
  const isLoadingPage = navigation.state === 'loading' && navigation.location.pathname !== pathname
  return (
    <div className="app-shell">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <AppHeader />
      <NavigationProgress isActive={isLoadingPage} />
      <OfflineBanner />
      <main id="main" ref={main} className="app-main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  )
}
