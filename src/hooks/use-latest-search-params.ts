import { useLocation, useNavigation, useSearchParams, type SetURLSearchParams } from 'react-router'

/**
 * The page's search params as the user last chose them, with react-router's setter:
 * `[params, setSearchParams]`, as `useSearchParams` gives them.
 *
 * A data router keeps the old address until the loaders of a navigation are done, and the usage
 * and report routes load data for every change of their search params. While such a navigation
 * to the same path is loading, this gives the params of the address being loaded: the controls
 * show a change at once, and a second change made meanwhile (tick "compare" while a new range
 * loads) builds on the first instead of on the old address, which would undo it.
 */
export function useLatestSearchParams(): [URLSearchParams, SetURLSearchParams] {
  const [current, setSearchParams] = useSearchParams()
  const { pathname } = useLocation()
  const navigation = useNavigation()
  const pending =
    navigation.location?.pathname === pathname ? new URLSearchParams(navigation.location.search) : null
  return [pending ?? current, setSearchParams]
}
