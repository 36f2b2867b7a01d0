import { useSyncExternalStore } from 'react'

// Phone-width screens get fewer axis labels. Read from matchMedia (no resize listener per chart).
const NARROW = '(max-width: 40rem)'

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(NARROW)
  query.addEventListener('change', onChange)
  return () => query.removeEventListener('change', onChange)
}

export function useIsNarrow(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(NARROW).matches,
    () => false,
  )
}
