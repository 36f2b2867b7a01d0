import { useEffect, useRef, useState } from 'react'

const URL_WRITE_DELAY_MS = 250

/**
 * The search box's text. It changes on every keystroke without waiting for the router; the URL
 * follows once typing pauses (one write, not one per key). When the URL's `q` changes to
 * something we did not send (back button, a link), the text follows it.
 */
export function useSearchText(urlQuery: string, writeUrlQuery: (query: string) => void) {
  const [text, setText] = useState(urlQuery)
  /** the last value sent to the URL: its arrival there, however late, is not an outside change */
  const sent = useRef(urlQuery)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)

  useEffect(() => {
    if (urlQuery === sent.current) return
    sent.current = urlQuery
    clearTimeout(timer.current)
    setText(urlQuery) // follow an outside change of the URL
  }, [urlQuery])

  useEffect(() => () => clearTimeout(timer.current), [])

  const change = (next: string) => {
    setText(next)
    clearTimeout(timer.current)
    timer.current = setTimeout(() => {
      sent.current = next
      writeUrlQuery(next)
    }, URL_WRITE_DELAY_MS)
  }
  return [text, change] as const
}
