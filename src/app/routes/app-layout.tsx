import { useRef } from 'react'
import { Outlet } from 'react-router'
import { OfflineBanner } from '../../components/ui/offline-banner'
import { AppHeader } from '../shell/app-header'
import { useFocusOnNavigation } from '../shell/use-focus-on-navigation'

// The token check and the caller's prefetch are in route-prefetch.ts (they run before this loads).
export default function AppLayoutRoute() {
  const main = useRef<HTMLElement>(null)
  useFocusOnNavigation(main)
  return (
    <div className="app-shell">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <AppHeader />
      <OfflineBanner />
      <main id="main" ref={main} className="app-main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  )
}
