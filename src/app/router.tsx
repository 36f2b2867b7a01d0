import type { QueryClient } from '@tanstack/react-query'
import type { ComponentType } from 'react'
import {
  createBrowserRouter,
  redirect,
  type DataRouter,
  type LoaderFunction,
  type RouteObject,
  type ShouldRevalidateFunction,
} from 'react-router'
import type { CrumbHandle } from '../components/ui/breadcrumbs'
import { pageList, pages, paths, type PageFrame, type PageId } from '../lib/paths'
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

/** The search params without `except`, in order, to compare two addresses by what a loader reads. */
const searchWithout = (url: URL, except: readonly string[]) => {
  const params = new URLSearchParams(url.search)
  for (const name of except) params.delete(name)
  return params.toString()
}

/** A page's loader that reads the search params but `except` these: a change of only those loads nothing. */
const unlessOnlyUnreadSearchChanged =
  (except: readonly string[]): ShouldRevalidateFunction =>
  ({ currentUrl, nextUrl, defaultShouldRevalidate }) =>
    currentUrl.pathname === nextUrl.pathname &&
    currentUrl.search !== nextUrl.search &&
    searchWithout(currentUrl, except) === searchWithout(nextUrl, except)
      ? false
      : defaultShouldRevalidate

/** The route modules of src/app/routes/, each a chunk of its own loaded on first visit; named by file. */
const routeModules = import.meta.glob<{ default: ComponentType }>('./routes/*.tsx')

/** The lazily loaded module `name` of src/app/routes/; a manifest entry naming no such file fails here, at start. */
function routeModule(name: string): RouteObject['lazy'] {
  const load = routeModules[`./routes/${name}.tsx`]
  if (!load) throw new Error(`src/app/routes/${name}.tsx: no such route module (src/lib/paths.ts names it)`)
  return lazyPage(load)
}

/** `pattern` relative to `base` ('' when it is the base itself, which makes an index route). */
function relativeTo(base: string, pattern: string): string {
  if (pattern === base) return ''
  if (!pattern.startsWith(`${base}/`)) throw new Error(`${pattern} does not lie under ${base}`)
  return pattern.slice(base.length + 1)
}

/**
 * The route table, from the manifest of pages (src/lib/paths.ts). Layouts first: the signed-in
 * frame (header, skip link, <main>), then the organization's frame (breadcrumbs, name, tabs). An
 * error is shown by the closest route's error element, inside the frames that still work; the
 * loaders are in ./loaders.ts, by page id (a page without one only checks the caller is signed in).
 */
export function createAppRoutes(queryClient: QueryClient): RouteObject[] {
  const load = createLoaders(queryClient)
  const routesOf = (frame: PageFrame, base: string): RouteObject[] =>
    pageList
      .filter((entry) => entry.frame === frame)
      .map((entry) => {
        const path = relativeTo(base, entry.pattern)
        return {
          id: entry.id,
          ...(path === '' ? { index: true as const } : { path }),
          loader:
            (load as Partial<Record<PageId, LoaderFunction>>)[entry.id] ??
            (frame === 'public' ? undefined : load.other),
          lazy: routeModule(entry.module),
          ErrorBoundary: RouteError,
          // A page whose data depends on the search params loads again on each change of them.
          ...(!entry.loadsSearch
            ? { shouldRevalidate: unlessOnlySearchChanged }
            : entry.loadsSearch === true
              ? {}
              : { shouldRevalidate: unlessOnlyUnreadSearchChanged(entry.loadsSearch.except) }),
          ...(entry.crumb
            ? {
                handle: {
                  crumb: entry.crumb,
                  ...(entry.below ? { tab: entry.below } : {}),
                } satisfies CrumbHandle,
              }
            : {}),
        }
      })
  const organizationBase = pages.organization.pattern
  return [
    {
      id: 'root',
      HydrateFallback: AppLoading,
      ErrorBoundary: PageError,
      children: [
        ...routesOf('public', ''),
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
            ...routesOf('app', ''),
            {
              id: 'organization-frame',
              path: relativeTo('', organizationBase),
              loader: load.organizationFrame,
              lazy: lazyPage(() => import('./routes/organization-layout')),
              ErrorBoundary: RouteError,
              shouldRevalidate: unlessOnlySearchChanged,
              children: routesOf('organization', organizationBase),
            },
            {
              id: 'not-found',
              path: '*',
              loader: load.other,
              lazy: lazyPage(() => import('./routes/not-found')),
              ErrorBoundary: RouteError,
              shouldRevalidate: unlessOnlySearchChanged,
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
