import type { Organization } from '../../../api/model'

// The organization list's filter and sort live in the URL (?q=…&sort=…), so a link shows what
// its sender saw. These pure helpers read, write and apply them. A sort is a column, ascending, or
// `-` and the column, descending.

/** The columns the list sorts by: its own two, and the at-a-glance facts a route adds (issue 14). */
export const SORT_COLUMNS = {
  name: { header: 'Name', ascending: 'Name (A–Z)', descending: 'Name (Z–A)' },
  created: { header: 'Created', ascending: 'Oldest first', descending: 'Newest first' },
  subscription: {
    header: 'Subscription',
    ascending: 'Subscription (A–Z)',
    descending: 'Subscription (Z–A)',
  },
  'days-left': { header: 'Days left', ascending: 'Fewest days left', descending: 'Most days left' },
  members: { header: 'Members', ascending: 'Fewest members', descending: 'Most members' },
  credits: { header: 'Credits used', ascending: 'Least credits used', descending: 'Most credits used' },
  projection: {
    header: 'Projected',
    ascending: 'Lowest projection',
    descending: 'Highest projection',
  },
} as const
export type SortColumn = keyof typeof SORT_COLUMNS
/** The columns whose values come from each organization's own requests, not from the list. */
export type GlanceColumn = Exclude<SortColumn, 'name' | 'created'>
export const GLANCE_COLUMNS = Object.keys(SORT_COLUMNS).filter(
  (column) => column !== 'name' && column !== 'created',
) as GlanceColumn[]

export type Sort = SortColumn | `-${SortColumn}`
export const DEFAULT_SORT: Sort = 'name'

/** Every sort, in the order of the columns, with the select's wording: `name`, `-name`, … */
export const SORTS = Object.fromEntries(
  Object.entries(SORT_COLUMNS).flatMap(([column, { ascending, descending }]) => [
    [column, { label: ascending }],
    [`-${column}`, { label: descending }],
  ]),
) as Record<Sort, { label: string }>

export interface ListView {
  query: string
  sort: Sort
}

const isSort = (value: string | null): value is Sort => value !== null && Object.hasOwn(SORTS, value)

/** The column a sort orders by, and whether it is descending. */
export function sortParts(sort: Sort): { column: SortColumn; descending: boolean } {
  return sort.startsWith('-')
    ? { column: sort.slice(1) as SortColumn, descending: true }
    : { column: sort as SortColumn, descending: false }
}

/** The sort a click on a column's header asks for: ascending first, then the other way. */
export function nextSort(current: Sort, column: SortColumn): Sort {
  return current === column ? `-${column}` : column
}

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

/**
 * An organization's value in a glance column, as far as it is known: still loading, failed, or
 * in (`value` null when there is nothing to show, e.g. no projection outside the period).
 */
export type GlanceValue =
  { status: 'pending' } | { status: 'error' } | { status: 'ready'; value: number | string | null }

export type GlanceValueOf = (organization: Organization, column: GlanceColumn) => GlanceValue

const PENDING: GlanceValue = { status: 'pending' }

// Whatever the direction, values come first, then rows with nothing to show, then failed rows,
// then rows still loading: the rows to read are at the top, the ones to wait for at the bottom.
const rankOf = (value: GlanceValue) =>
  value.status === 'pending' ? 3 : value.status === 'error' ? 2 : value.value === null ? 1 : 0

const compareValues = (a: number | string, b: number | string) =>
  typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b))

/**
 * Orders two glance values in `descending` order or not; pending, failed and empty values go last
 * in either direction (see rankOf). 0 when they tie.
 */
export function compareGlanceValues(a: GlanceValue, b: GlanceValue, descending: boolean): number {
  const rank = rankOf(a) - rankOf(b)
  if (rank !== 0 || a.status !== 'ready' || b.status !== 'ready' || a.value === null || b.value === null)
    return rank
  const order = compareValues(a.value, b.value)
  return descending ? 0 - order : order
}

/** The organizations whose name contains `query` (case-insensitive, surrounding spaces ignored). */
export function filterOrganizations(organizations: readonly Organization[], query: string): Organization[] {
  const needle = query.trim().toLowerCase()
  return needle ? organizations.filter((org) => org.name.toLowerCase().includes(needle)) : [...organizations]
}

/**
 * A sorted copy. A glance column is read through `valueOf` (every value pending without it); ties,
 * and every row of a glance sort that has no value yet, are in name order.
 */
export function sortOrganizations(
  organizations: readonly Organization[],
  sort: Sort,
  valueOf: GlanceValueOf = () => PENDING,
): Organization[] {
  const sorted = [...organizations]
  const { column, descending } = sortParts(sort)
  const direction = descending ? -1 : 1
  const byName = (a: Organization, b: Organization) => a.name.localeCompare(b.name)
  if (column === 'name') return sorted.sort((a, b) => byName(a, b) * direction)
  if (column === 'created')
    return sorted.sort(
      (a, b) => (Date.parse(a.creation_date) - Date.parse(b.creation_date) || byName(a, b)) * direction,
    )
  // Each value read once, not once per comparison.
  const values = new Map(sorted.map((org) => [org, valueOf(org, column)]))
  return sorted.sort(
    (a, b) => compareGlanceValues(values.get(a)!, values.get(b)!, descending) || byName(a, b),
  )
}

/** Filters by name (filterOrganizations), then sorts (sortOrganizations). */
export function applyListView(
  organizations: readonly Organization[],
  { query, sort }: ListView,
  valueOf?: GlanceValueOf,
): Organization[] {
  return sortOrganizations(filterOrganizations(organizations, query), sort, valueOf)
}

/** Whether a sort orders by a glance column (every organization's requests are then needed). */
export const isGlanceSort = (sort: Sort) => (GLANCE_COLUMNS as string[]).includes(sortParts(sort).column)
