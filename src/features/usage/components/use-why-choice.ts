// Choosing a bucket for the "why this day" panel and closing it, with focus where the admin expects
// it: on the panel's heading once chosen, and back on what chose it (the chart or the table row's
// button) once closed. The choice itself lives in the address (`day=`, ./use-usage-address.ts).
import { useCallback, useRef, useState } from 'react'
import type { IsoDate } from '../../../../domain/dates'

export interface WhyChoice {
  choose: (day: IsoDate, opener: HTMLElement) => void
  close: () => void
  /** The panel was opened by the admin here (not by a shared link): its heading takes focus. */
  shouldFocus: boolean
}

export function useWhyChoice(chosen: IsoDate | null, onChange: (day: IsoDate | null) => void): WhyChoice {
  const opener = useRef<HTMLElement | null>(null)
  const [shouldFocus, setShouldFocus] = useState(false)
  const choose = useCallback(
    (day: IsoDate, from: HTMLElement) => {
      opener.current = from
      setShouldFocus(true)
      onChange(day)
    },
    [onChange],
  )
  const close = useCallback(() => {
    onChange(null)
    // Opened from a shared link there is no opener: the first chart (or table) takes focus instead.
    const target =
      opener.current?.isConnected === true
        ? opener.current
        : document.querySelector<HTMLElement>('.usage-chart__plot[tabindex], .usage-table-wrap')
    requestAnimationFrame(() => target?.focus())
  }, [onChange])
  return { choose, close, shouldFocus: shouldFocus && chosen !== null }
}
