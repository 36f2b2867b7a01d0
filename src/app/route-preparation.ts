import type { QueryClient } from '@tanstack/react-query'
import type { ComponentType } from 'react'
import type { AppRoute, PrefetchArgs, RouteModule } from './route-module'

export interface PreparedRoute {
  Page: RouteModule['default']
  data: unknown
}

/** A promise React's `use()` reads synchronously when it is marked fulfilled: no suspension at all. */
function settled<T>(value: T): Promise<T> {
  return Object.assign(Promise.resolve(value), { status: 'fulfilled', value })
}

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  typeof (value as PromiseLike<unknown> | null)?.then === 'function'

const loadedPages = new Map<string, ComponentType<{ data: never }>>()
const loadingPages = new Map<string, Promise<RouteModule['default']>>()

/** Offline, a chunk cannot come: the navigation waits for the connection instead of failing. */
async function importWhenOnline(load: () => Promise<RouteModule>): Promise<RouteModule> {
  try {
    return await load()
  } catch (error) {
    if (navigator.onLine) throw error
    await new Promise((resolve) => window.addEventListener('online', resolve, { once: true }))
    return load()
  }
}

/** The page's chunk, imported once; a failed import (a new deployment, a dropped connection) may be retried. */
export function loadPage(route: AppRoute): Promise<RouteModule['default']> {
  let loading = loadingPages.get(route.id)
  if (!loading) {
    if (!route.page) throw new Error(`The route ${route.id} has no page`)
    loading = importWhenOnline(route.page).then(
      (module) => {
        loadedPages.set(route.id, module.default)
        return module.default
      },
      (error: unknown) => {
        loadingPages.delete(route.id)
        throw error
      },
    )
    loadingPages.set(route.id, loading)
  }
  return loading
}

// One preparation per route and history entry (location.key): re-renders, StrictMode's double
// render and the nested routes of one navigation all share it, and Back finds it again.
const preparations = new Map<string, Promise<PreparedRoute>>()
const failed = new Set<string>()
const MAX_PREPARATIONS = 200

/**
 * Starts a route's chunk and its prefetch at the same time and returns the promise its element
 * waits for. When the chunk is already here and the prefetch need not be waited for, the promise
 * is already settled, so that e.g. a filter typed into the URL never suspends the page.
 */
export function prepareRoute(
  route: AppRoute,
  entryKey: string,
  queryClient: QueryClient,
  args: PrefetchArgs,
): Promise<PreparedRoute> {
  const key = `${entryKey} ${route.id}`
  const existing = preparations.get(key)
  if (existing) return existing

  const data = route.prefetch?.(queryClient, args)
  const Page = loadedPages.get(route.id)
  const preparation =
    Page && !isThenable(data)
      ? settled({ Page, data })
      : Promise.all([loadPage(route), data]).then(([Page, data]) => ({ Page, data }))
  preparation.catch(() => failed.add(key))

  preparations.set(key, preparation)
  if (preparations.size > MAX_PREPARATIONS) preparations.delete(preparations.keys().next().value!)
  return preparation
}

/** Before "Try again": forget what failed, so that the next render starts it afresh. */
export function forgetFailedPreparations(): void {
  for (const key of failed) preparations.delete(key)
  failed.clear()
}
