import { useCallback, useEffect, useMemo, useRef } from 'react'
import { useSearchParams } from 'react-router'

/**
 * A page's view (search, filters, sort) read from and written to the address's search params
 * (replace: no history spam), by the page's own `read` and `write` (module-level functions, so
 * that they stay the same between renders). Writes build on the last params asked for, not on
 * those of the last render: a debounced search write that lands just after a filter change must
 * not undo it (react-router's functional setSearchParams sees the params of its render, and a
 * newer navigation cancels a pending one).
 */
export function useSearchParamView<View>(
  read: (params: URLSearchParams) => View,
  write: (params: URLSearchParams, change: Partial<View>) => URLSearchParams,
): [View, (change: Partial<View>) => void] {
  const [params, setParams] = useSearchParams()
  const view = useMemo(() => read(params), [read, params])
  const requested = useRef(params)

  useEffect(() => {
    // The URL has caught up (or was changed elsewhere, e.g. the back button): that is the base now.
    requested.current = params
  }, [params])

  const update = useCallback(
    (change: Partial<View>) => {
      const next = write(requested.current, change)
      requested.current = next
      setParams(next, { replace: true })
    },
    [setParams, write],
  )
  return [view, update]
}
