import { useCallback, useMemo } from 'react'
import { useSearchParams } from 'react-router'
import { readListView, writeListView, type ListView } from '../lib/member-list'

/** The list's search, filter and sort, read from and written to the URL (replace: no history spam). */
export function useListView(): [ListView, (change: Partial<ListView>) => void] {
  const [params, setParams] = useSearchParams()
  const view = useMemo(() => readListView(params), [params])
  const update = useCallback(
    (change: Partial<ListView>) => setParams((current) => writeListView(current, change), { replace: true }),
    [setParams],
  )
  return [view, update]
}
