import { useCallback, useEffect, useMemo, useRef } from 'react'
import { useSearchParams } from 'react-router'
import { readListView, writeListView, type ListView } from '../lib/member-list'

/**
 * The list's search, filter and sort, read from and written to the URL (replace: no history spam).
 * Writes build on the last params we asked for, not on those of the last render: a debounced
 * search write that lands just after a role change must not undo it (react-router's functional
 * setSearchParams sees the params of its render, and a newer navigation cancels a pending one).
 */
export function useListView(): [ListView, (change: Partial<ListView>) => void] {
  const [params, setParams] = useSearchParams()
  const view = useMemo(() => readListView(params), [params])
  const requested = useRef(params)

  useEffect(() => {
    // The URL has caught up (or was changed elsewhere, e.g. the back button): that is the base now.
    requested.current = params
  }, [params])

  const update = useCallback(
    (change: Partial<ListView>) => {
      const next = writeListView(requested.current, change)
      requested.current = next
      setParams(next, { replace: true })
    },
    [setParams],
  )
  return [view, update]
}
