import type { ComponentType } from 'react'
import type { RouteObject } from 'react-router'

/**
 * A page's code could not be downloaded: a dropped connection, or a new release whose files
 * replaced the ones this tab knows. react-router keeps a route's failed `lazy` for the life of
 * the page, so only reloading the page fetches the code afresh (src/app/shell/route-error.tsx).
 */
export class ChunkLoadError extends Error {
  constructor(cause: unknown) {
    super('the page’s code could not be downloaded', { cause })
    this.name = 'ChunkLoadError'
  }
}

/** Offline, a chunk cannot come: the navigation waits for the connection instead of failing. */
async function importWhenOnline<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load()
  } catch (error) {
    if (navigator.onLine) throw new ChunkLoadError(error)
    await new Promise((resolve) => window.addEventListener('online', resolve, { once: true }))
    return load().catch((retryError: unknown) => {
      throw new ChunkLoadError(retryError)
    })
  }
}

/**
 * A route module of src/app/routes (its page is the default export), loaded on first visit.
 * Lazy `Component` only: the loader stays in the first download, so that react-router starts the
 * page's data and its chunk at the same time.
 */
export const lazyPage = (load: () => Promise<{ default: ComponentType }>): RouteObject['lazy'] => ({
  Component: async () => (await importWhenOnline(load)).default,
})
