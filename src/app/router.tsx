import { useQueryClient } from '@tanstack/react-query'
import { Suspense, use, useDeferredValue } from 'react'
import {
  matchRoutes,
  Navigate,
  useLocation,
  useParams,
  useRoutes,
  useSearchParams,
  type RouteObject,
} from 'react-router'
import { HOME_PATH } from '../features/auth/lib/next-path'
import type { AppRoute } from './route-module'
import {
  prefetchMembers,
  prefetchOrganization,
  prefetchOrganizations,
  prefetchOverview,
  prefetchSignedIn,
  prefetchSignIn,
  prefetchUsage,
  requireToken,
} from './route-prefetch'
import { prepareRoute } from './route-preparation'
import { AppLoading } from './shell/app-loading'
import { RouteErrorBoundary } from './shell/route-error'

// Declarative routing (<BrowserRouter> + useRoutes): react-router's data router costs ~16 KB of
// gzipped JavaScript more on the first page. What its loaders did, route-preparation does: each
// page's chunk and its data start together, and <BrowserRouter>'s navigations are transitions,
// so the current page stays until the next one can show its data.
export const appRoutes: AppRoute[] = [
  {
    id: 'sign-in',
    path: '/sign-in',
    page: () => import('./routes/sign-in'),
    prefetch: prefetchSignIn,
  },
  {
    id: 'app',
    path: '/',
    page: () => import('./routes/app-layout'),
    prefetch: prefetchSignedIn,
    redirect: requireToken,
    children: [
      { id: 'home', index: true, redirect: () => HOME_PATH },
      {
        id: 'organizations',
        path: 'organizations',
        page: () => import('./routes/organizations'),
        prefetch: prefetchOrganizations,
      },
      {
        id: 'organization',
        path: 'organizations/:name',
        page: () => import('./routes/organization-layout'),
        prefetch: prefetchOrganization,
        children: [
          {
            id: 'overview',
            index: true,
            page: () => import('./routes/organization-overview'),
            prefetch: prefetchOverview,
          },
          { id: 'settings', path: 'settings', page: () => import('./routes/organization-settings') },
          {
            id: 'members',
            path: 'members/:userId?',
            page: () => import('./routes/members'),
            prefetch: prefetchMembers,
          },
          { id: 'usage', path: 'usage', page: () => import('./routes/usage'), prefetch: prefetchUsage },
        ],
      },
      { id: 'not-found', path: '*', page: () => import('./routes/not-found') },
    ],
  },
]

const routesById = new Map<string, AppRoute>()

function toRouteObjects(routes: AppRoute[], isPage: boolean): RouteObject[] {
  return routes.map((route) => {
    routesById.set(route.id, route)
    const element = <RouteElement route={route} isPage={isPage} />
    const children = route.children && toRouteObjects(route.children, false)
    return route.index
      ? { id: route.id, index: true, element }
      : { id: route.id, path: route.path, element, children }
  })
}

const routeObjects = toRouteObjects(appRoutes, true)

/** One route's page: its redirect, its error boundary, and the wait for its chunk and data. */
function RouteElement({ route, isPage }: { route: AppRoute; isPage: boolean }) {
  const location = useLocation()
  const redirectTo = route.redirect?.(location)
  if (redirectTo) return <Navigate to={redirectTo} replace />
  return (
    <RouteErrorBoundary resetKey={location.key} isPage={isPage}>
      <PreparedPage route={route} />
    </RouteErrorBoundary>
  )
}

function PreparedPage({ route }: { route: AppRoute }) {
  const queryClient = useQueryClient()
  const { key } = useLocation()
  const params = useParams()
  const [searchParams] = useSearchParams()
  const { Page, data } = use(prepareRoute(route, key, queryClient, { params, searchParams }))
  return <Page data={data as never} />
}

/**
 * The route table. Every route of the address is prepared here, before the outermost one
 * suspends, so that nested pages load side by side rather than one after another.
 */
export function AppRoutes() {
  const queryClient = useQueryClient()
  const location = useLocation()
  const [searchParams] = useSearchParams()
  for (const { route, params } of matchRoutes(routeObjects, location) ?? []) {
    const appRoute = routesById.get(route.id!)!
    if (appRoute.redirect?.(location)) break
    void prepareRoute(appRoute, location.key, queryClient, { params, searchParams }).catch(() => undefined)
  }
  const page = useRoutes(routeObjects, location)
  // The first load shows the loading screen as content, not as the boundary's fallback, and
  // renders the page in the deferred (transition) render that follows: a transition keeps showing
  // that screen until the page's chunk and data are in, then commits. Had the first render
  // suspended instead, React would hold the revealed page back until 300 ms after the fallback
  // appeared (its throttle for nested Suspense reveals: there is only one boundary here), ~270 ms
  // with everything already in (bench: organization list rows). The fallback is still what a
  // later, urgent update that suspends shows.
  const isFirstRender = !useDeferredValue(true, false)
  return <Suspense fallback={<AppLoading />}>{isFirstRender ? <AppLoading /> : page}</Suspense>
}
