import { useSearchParamView } from '../../../hooks/use-search-param-view'
import { readListView, writeListView, type ListView } from '../lib/member-list'

/** The list's search, filter and sort, kept in the address (src/hooks/use-search-param-view.ts). */
export function useListView(): [ListView, (change: Partial<ListView>) => void] {
  return useSearchParamView(readListView, writeListView)
}
