import { useEffect, useRef, useState } from 'react'

const URL_WRITE_DELAY_MS = 250

/**
 * The search box's text. It changes on every keystroke without waiting for the router; the URL
 * follows once typing pauses (one history entry, not one per key). When the URL's `q` changes
 * from outside (back button, a shared link), the text follows it.
 */
export function useSearchText(urlQuery: string, writeUrlQuery: (query: string) => void) {
  const [text, setText] = useState(urlQuery)
  const written = useRef(urlQuery)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)

  useEffect(() => {
    if (urlQuery === written.current) return
    written.current = urlQuery
    clearTimeout(timer.current)
    setText(urlQuery) // follow an outside change of the URL
  }, [urlQuery])

  useEffect(() => () => clearTimeout(timer.current), [])

  const change = (next: string) => {
    setText(next)
    written.current = next
    clearTimeout(timer.current)
    timer.current = setTimeout(() => writeUrlQuery(next), URL_WRITE_DELAY_MS)
  }
  return [text, change] as const
}
