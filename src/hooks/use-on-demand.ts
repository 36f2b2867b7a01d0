// Code a page loads on demand (a panel on its choice, columns beside the rows), held as a plain value
// once it is in. React.lazy would do the loading, but its first render suspends even when the chunk
// was fetched beforehand (its promise settles a microtask later), and React then holds back what
// the Suspense boundary reveals for a while (its fallback throttle): a prefetched panel would still
// show late. Here a prefetched module renders at once.
import { useEffect, useState } from 'react'

/** A module (or the part of it a page uses) fetched once, on first need, and kept. */
export interface OnDemand<T> {
  /** Starts the fetch now (on a hover, a focus, a link that will need it); failures wait for use. */
  preload: () => void
  /** The value if it is in, else undefined. */
  current: () => T | undefined
  /** The value, fetched if needed; after a failure, the next call fetches again. */
  fetch: () => Promise<T>
}

/** `load` (typically `() => import('./x').then((module) => module.X)`) as an {@link OnDemand}. */
export function onDemand<T>(load: () => Promise<T>): OnDemand<T> {
  let value: T | undefined
  let pending: Promise<T> | undefined
  const fetch = () =>
    (pending ??= load().then(
      (loaded) => (value = loaded),
      (error: unknown) => {
        pending = undefined
        throw error
      },
    ))
  return {
    preload: () => void fetch().catch(() => undefined),
    current: () => value,
    fetch,
  }
}

/**
 * The module's value once it is in (at once when it already is), or the error that kept it out,
 * with `retry`. Fetching starts when the component mounts.
 */
export function useOnDemand<T>(module: OnDemand<T>): {
  value: T | undefined
  error: unknown
  retry: () => void
} {
  const [state, setState] = useState<{ value?: T; error?: unknown; attempt: number }>(() => ({
    value: module.current(),
    attempt: 0,
  }))
  const { value, attempt } = state
  useEffect(() => {
    if (value !== undefined) return
    let isCurrent = true
    module.fetch().then(
      (loaded) => isCurrent && setState((now) => ({ ...now, value: loaded, error: undefined })),
      (error: unknown) => isCurrent && setState((now) => ({ ...now, error })),
    )
    return () => {
      isCurrent = false
    }
  }, [module, value, attempt])
  return {
    value,
    error: state.error,
    retry: () => setState((now) => ({ attempt: now.attempt + 1 })),
  }
}
