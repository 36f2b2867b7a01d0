import { useCallback, useState } from 'react'

/**
 * Which elements have been on screen (or within `rootMargin` of it) at least once, by key: one
 * IntersectionObserver for all of them, so a long list asks for the data of the rows one sees
 * (everr-labs/everr#271 gates its panels' queries the same way). An element takes part through
 * `observe` as its ref and its key in `data-seen-key`; once seen it stays seen and is no longer
 * watched. Without IntersectionObserver (jsdom), everything counts as seen.
 */
export function useSeenOnScreen(rootMargin = '200px 0px'): {
  isSeen: (key: string) => boolean
  observe: (element: HTMLElement | null) => (() => void) | undefined
} {
  const [seen, setSeen] = useState<ReadonlySet<string>>(() => new Set())
  const [observer] = useState(() =>
    typeof IntersectionObserver === 'undefined'
      ? null
      : new IntersectionObserver(
          (entries, self) => {
            const fresh: string[] = []
            for (const entry of entries) {
              if (!entry.isIntersecting) continue
              const key = (entry.target as HTMLElement).dataset.seenKey
              if (key !== undefined) fresh.push(key)
              self.unobserve(entry.target)
            }
            if (fresh.length)
              setSeen((previous) =>
                fresh.every((key) => previous.has(key)) ? previous : new Set([...previous, ...fresh]),
              )
          },
          { rootMargin },
        ),
  )
  // A stable ref callback: React 19 calls its cleanup when the element goes, so nothing leaks and
  // the observer needs no disconnect (which StrictMode's second mount would leave disconnected).
  const observe = useCallback(
    (element: HTMLElement | null) => {
      if (!element || !observer) return undefined
      observer.observe(element)
      return () => observer.unobserve(element)
    },
    [observer],
  )
  const isSeen = useCallback((key: string) => observer === null || seen.has(key), [observer, seen])
  return { isSeen, observe }
}
