import { useCallback, useState } from 'react'

/**
 * The series hidden through the charts' legends (none at first): `toggleSeries` hides a shown one
 * and shows a hidden one, `showAllSeries` shows them all. The callbacks are stable, so memoized
 * charts do not redraw when another chart's legend is used.
 */
export function useHiddenSeries() {
  const [hidden, setHidden] = useState<ReadonlySet<string>>(() => new Set())
  const toggleSeries = useCallback(
    (key: string) =>
      setHidden((current) => {
        const next = new Set(current)
        if (!next.delete(key)) next.add(key)
        return next
      }),
    [],
  )
  const showAllSeries = useCallback(() => setHidden(new Set()), [])
  return { hidden, toggleSeries, showAllSeries }
}
