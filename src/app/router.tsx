import type { QueryClient } from '@tanstack/react-query'
import {
  createBrowserRouter,
  redirect,
  type DataRouter,
  type RouteObject,
  type ShouldRevalidateFunction,
} from 'react-router'
import type { CrumbHandle } from '../components/ui/breadcrumbs'
import { paths } from '../lib/paths'
import { lazyPage } from './lazy-page'
import { createLoaders } from './loaders'
import { AppLoading } from './shell/app-loading'
import { PageError, RouteError } from './shell/route-error'

/**
 * Filters, sort, the selected member's search and the like live in the search params; a change
 * of only those re-runs no loader that does not read them (all but the usage page's). The same
 * address again (Try again) and other paths keep react-router's default.
 */
const unlessOnlySearchChanged: ShouldRevalidateFunction = ({
  currentUrl,
  nextUrl,
  defaultShouldRevalidate,
}) =>
  currentUrl.pathname === nextUrl.pathname && currentUrl.search !== nextUrl.search
    ? false
    : defaultShouldRevalidate

/**
 * The route table. Layouts first: the signed-in frame (header, skip link, <main>), then the
 * organization's frame (breadcrumbs, name, tabs). An error is shown by the closest route's error
 * element, inside the frames that still work; the loaders are in ./loaders.ts.
 */
export function createAppRoutes(queryClient: QueryClient): RouteObject[] {
  const load = createLoaders(queryClient)
  const inFrame = { ErrorBoundary: RouteError, shouldRevalidate: unlessOnlySearchChanged }
  return [
    {
      id: 'root',
      HydrateFallback: AppLoading,
      ErrorBoundary: PageError,
      children: [
        {
          id: 'sign-in',
          path: paths.signIn(),
          loader: load.signIn,
          lazy: lazyPage(() => import('./routes/sign-in')),
        },
        {
          id: 'app',
          path: '/',
          loader: load.signedIn,
          shouldRevalidate: unlessOnlySearchChanged,
          lazy: lazyPage(() => import('./routes/app-layout')),
          children: [
            // `/` only redirects, from its loader. Until the loader has run, react-router renders the
            // matched route anyway: `element: null` says that it draws nothing on purpose (an absent
            // element is taken for a mistake, with a console warning; react-router 7 `useRoutes`).
            { id: 'home', index: true, loader: () => redirect(paths.organizations()), element: null },
            {
              id: 'organizations',
              path: 'organizations',
              loader: load.organizations,
              lazy: lazyPage(() => import('./routes/organizations')),
              ...inFrame,
            },
            {
              id: 'organization',
              path: 'organizations/:name',
              loader: load.organization,
              lazy: lazyPage(() => import('./routes/organization-layout')),
              ...inFrame,
              children: [
                {
                  id: 'overview',
                  index: true,
                  loader: load.overview,
                  lazy: lazyPage(() => import('./routes/organization-overview')),
                  ...inFrame,
                },
                {
                  id: 'settings',
                  path: 'settings',
                  loader: load.settings,
                  lazy: lazyPage(() => import('./routes/organization-settings')),
                  ...inFrame,
                },
                {
                  id: 'members',
                  path: 'members/:userId?',
                  loader: load.members,
                  lazy: lazyPage(() => import('./routes/members')),
                  ...inFrame,
                },
                {
                  id: 'projects',
                  path: 'projects',
                  loader: load.projects,
                  lazy: lazyPage(() => import('./routes/projects')),
                  ...inFrame,
                },
                {
                  id: 'project',
                  path: 'projects/:project',
                  loader: load.project,
                  lazy: lazyPage(() => import('./routes/project')),
                  // Its breadcrumbs: Organizations › name › Projects › the project.
                  handle: { crumb: (params) => params.project ?? '' } satisfies CrumbHandle,
                  ...inFrame,
                },
                {
                  id: 'usage',
                  path: 'usage',
                  loader: load.usage,
                  lazy: lazyPage(() => import('./routes/usage')),
                  // The range and the interval are in the search params: each change loads its data.
                  ErrorBoundary: RouteError,
                },
                {
                  id: 'usage-report',
                  path: 'usage/report',
                  loader: load.usageReport,
                  lazy: lazyPage(() => import('./routes/usage-report')),
                  // Its breadcrumbs: Organizations › name › Usage › Monthly report.
                  handle: { crumb: 'Monthly report' } satisfies CrumbHandle,
                  // The period is in the search params: each change loads its data.
                  ErrorBoundary: RouteError,
                },
              ],
            },
            {
              id: 'not-found',
              path: '*',
              loader: load.other,
              lazy: lazyPage(() => import('./routes/not-found')),
              ...inFrame,
            },
          ],
        },
      ],
    },
  ]
}

/** The app's router: one per page load, created outside React (it starts loading at once). */
export function createAppRouter(queryClient: QueryClient): DataRouter {
  return createBrowserRouter(createAppRoutes(queryClient))
}
