import type { QueryClient } from '@tanstack/react-query'
import type { ComponentType } from 'react'
import type { LoaderFunction } from 'react-router'

/**
 * What every file in src/app/routes exports: the page as its default export, and optionally a
 * loader factory that receives the QueryClient (so loaders can `ensureQueryData` with the very
 * same query options the page reads) and an error boundary.
 */
export interface RouteModule {
  default: ComponentType
  loader?: (queryClient: QueryClient) => LoaderFunction
  ErrorBoundary?: ComponentType
}

/** Turns a route module import into react-router's `lazy`, so each route is its own chunk. */
export function lazyRoute(queryClient: QueryClient, load: () => Promise<RouteModule>) {
  return async () => {
    const module = await load()
    return {
      Component: module.default,
      loader: module.loader?.(queryClient),
      ErrorBoundary: module.ErrorBoundary,
    }
  }
}
