import type { Organization } from '../../../api/model'

// The organization list's filter and sort live in the URL (?q=…&sort=…), so a link shows what
// its sender saw. These pure helpers read, write and apply them.

export const SORTS = {
  name: { label: 'Name (A–Z)' },
  '-name': { label: 'Name (Z–A)' },
  '-created': { label: 'Newest first' },
  created: { label: 'Oldest first' },
} as const
export type Sort = keyof typeof SORTS
export const DEFAULT_SORT: Sort = 'name'

export interface ListView {
  query: string
  sort: Sort
}

const isSort = (value: string | null): value is Sort => value !== null && Object.hasOwn(SORTS, value)

export function readListView(params: URLSearchParams): ListView {
  const sort = params.get('sort')
  return { query: params.get('q') ?? '', sort: isSort(sort) ? sort : DEFAULT_SORT }
}

/** The search params for `view`, keeping unrelated ones; defaults are left out of the URL. */
export function writeListView(params: URLSearchParams, view: Partial<ListView>): URLSearchParams {
  const next = new URLSearchParams(params)
  if (view.query !== undefined) {
    if (view.query) next.set('q', view.query)
    else next.delete('q')
  }
  if (view.sort !== undefined) {
    if (view.sort === DEFAULT_SORT) next.delete('sort')
    else next.set('sort', view.sort)
  }
  return next
}

/** Filters by name (case-insensitive, ignoring surrounding spaces), then sorts. */
export function applyListView(
  organizations: readonly Organization[],
  { query, sort }: ListView,
): Organization[] {
  const needle = query.trim().toLowerCase()
  const matching = needle
    ? organizations.filter((org) => org.name.toLowerCase().includes(needle))
    : [...organizations]
  const direction = sort.startsWith('-') ? -1 : 1
  const byCreated = sort.endsWith('created')
  return matching.sort((a, b) => {
    const order = byCreated
      ? Date.parse(a.creation_date) - Date.parse(b.creation_date) || a.name.localeCompare(b.name)
      : a.name.localeCompare(b.name)
    return order * direction
  })
}
