import type { QueryClient } from '@tanstack/react-query'
import { createBrowserRouter, redirect } from 'react-router'
import { lazyRoute } from './route-module'
import { AppLoading } from './shell/app-loading'
import { RouteError } from './shell/route-error'

export function createRouter(queryClient: QueryClient) {
  const lazy = (load: Parameters<typeof lazyRoute>[1]) => lazyRoute(queryClient, load)

  return createBrowserRouter([
    {
      path: '/sign-in',
      HydrateFallback: AppLoading,
      ErrorBoundary: RouteError,
      lazy: lazy(() => import('./routes/sign-in')),
    },
    {
      path: '/',
      HydrateFallback: AppLoading,
      ErrorBoundary: RouteError,
      lazy: lazy(() => import('./routes/app-layout')),
      children: [
        { index: true, loader: () => redirect('/organizations') },
        { path: 'organizations', lazy: lazy(() => import('./routes/organizations')) },
        {
          path: 'organizations/:name',
          lazy: lazy(() => import('./routes/organization-layout')),
          children: [
            { index: true, lazy: lazy(() => import('./routes/organization-overview')) },
            { path: 'settings', lazy: lazy(() => import('./routes/organization-settings')) },
            { path: 'members/:userId?', lazy: lazy(() => import('./routes/members')) },
            { path: 'usage', lazy: lazy(() => import('./routes/usage')) },
          ],
        },
        { path: '*', lazy: lazy(() => import('./routes/not-found')) },
      ],
    },
  ])
}
