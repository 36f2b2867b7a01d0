// The one owner of the usage page's search params (../lib/usage-address.ts): the view, how it is
// shown and the series filter, read once and changed through named setters, so that no other
// code reads or writes those params.
import { useMemo } from 'react'
import { useLatestSearchParams } from '../../../hooks/use-latest-search-params'
import {
  VIEW_PARAMS,
  parseUsageAddress,
  parseUsageView,
  usageAddressSearch,
  type UsageAddress,
  type UsageDisplay,
  type UsageView,
} from '../lib/usage-address'
import type { UsageScope } from '../model/usage-model'

export interface UsageAddressControls extends UsageAddress {
  /** A new range or interval (a new entry in the history); the comparison, display and filter stay. */
  changeView: (view: UsageView) => void
  /** Ticks or unticks the comparison with the range before, in place. */
  changeCompare: (compare: boolean) => void
  /** Charts or table, in place. */
  changeDisplay: (display: UsageDisplay) => void
  /** A part's name, `deleted`, or null for all (a new entry in the history); the chosen bucket goes. */
  changeSeries: (series: string | null) => void
  /**
   * Opens the "why this day" panel of the bucket starting on `day`, or closes it (null): a new entry
   * in the history, so that Back closes it again and the link shares it.
   */
  changeDay: (day: string | null) => void
}

/** The address of the usage page of `scope` (the organization's, or a project's: its series filter's param differs). */
export function useUsageAddress(scope: UsageScope): UsageAddressControls {
  const [searchParams, setSearchParams] = useLatestSearchParams()
  const search = searchParams.toString()
  const parsed = useMemo(() => parseUsageAddress(new URLSearchParams(search), scope), [search, scope])
  // The view keeps its identity while only the other params change (a day chosen, the table shown):
  // what the page works out from it (the requests, the models, the charts' rows) is then kept too.
  const viewParams = new URLSearchParams(
    VIEW_PARAMS.flatMap((name) => searchParams.getAll(name).map((value) => [name, value])),
  ).toString()
  const view = useMemo(() => parseUsageView(new URLSearchParams(viewParams)), [viewParams])
  const address = useMemo(() => ({ ...parsed, view }), [parsed, view])
  const go = (next: UsageAddress, replace = false) =>
    setSearchParams(usageAddressSearch(next, scope), { replace })
  return {
    ...address,
    // Another range has other buckets: the chosen one goes with the old range.
    changeView: (next) =>
      go({ ...address, day: null, view: { ...next, ...(view.compare ? { compare: true } : {}) } }),
    changeCompare: (compare) => {
      const { compare: _, ...rest } = view
      go({ ...address, view: compare ? { ...rest, compare: true } : rest }, true)
    },
    changeDisplay: (display) => go({ ...address, display }, true),
    changeSeries: (series) => go({ ...address, series, day: null }),
    changeDay: (day) => go({ ...address, day }),
  }
}
