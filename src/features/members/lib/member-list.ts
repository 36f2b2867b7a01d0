// The list's view state (search, role filter, sort) as it lives in the URL, and the pure
// filtering and sorting behind it. Kept out of components so 10,000 rows can be tested quickly.
import type { Member } from '../../../api/types'

export const ROLE_FILTERS = ['all', 'admin', 'member'] as const
export type RoleFilter = (typeof ROLE_FILTERS)[number]

export const SORT_KEYS = ['email', 'name', 'surname', 'role'] as const
export type SortKey = (typeof SORT_KEYS)[number]
export type SortDirection = 'asc' | 'desc'

export interface ListView {
  q: string
  role: RoleFilter
  sort: SortKey
  dir: SortDirection
}

export const DEFAULT_VIEW: ListView = { q: '', role: 'all', sort: 'email', dir: 'asc' }

const isOneOf = <T extends string>(values: readonly T[], value: string | null): value is T =>
  value !== null && (values as readonly string[]).includes(value)

/** Reads the view from search params; anything unknown falls back to the default, never throws. */
export function readListView(params: URLSearchParams): ListView {
  const role = params.get('role')
  const sort = params.get('sort')
  const dir = params.get('dir')
  return {
    q: params.get('q') ?? '',
    role: isOneOf(ROLE_FILTERS, role) ? role : DEFAULT_VIEW.role,
    sort: isOneOf(SORT_KEYS, sort) ? sort : DEFAULT_VIEW.sort,
    dir: dir === 'desc' ? 'desc' : 'asc',
  }
}

/** Writes a change into search params, leaving defaults out so links stay short. Other params are kept. */
export function writeListView(params: URLSearchParams, change: Partial<ListView>): URLSearchParams {
  const next = new URLSearchParams(params)
  const view = { ...readListView(params), ...change }
  for (const key of ['q', 'role', 'sort', 'dir'] as const) {
    if (view[key] === DEFAULT_VIEW[key]) next.delete(key)
    else next.set(key, view[key])
  }
  return next
}

export interface IndexedMember {
  member: Member
  /** email, name and surname lowercased once, so a keystroke does no string work per row but `includes` */
  searchKey: string
}

export function indexMembers(members: readonly Member[]): IndexedMember[] {
  return members.map((member) => ({
    member,
    searchKey:
      `${member.email}\n${member.name} ${member.surname}\n${member.surname} ${member.name}`.toLowerCase(),
  }))
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })

function compare(a: Member, b: Member, sort: SortKey): number {
  if (sort === 'role') return Number(b.admin) - Number(a.admin) // admins first when ascending
  if (sort === 'email') return collator.compare(a.email, b.email)
  return collator.compare(a[sort], b[sort])
}

/**
 * Sorts once per sort change (not per keystroke): filtering a sorted list keeps its order.
 * Ties are broken by email so the order is stable; members without a name or surname go last
 * in either direction, so the named ones are easy to scan.
 */
export function sortIndex(
  index: readonly IndexedMember[],
  sort: SortKey,
  dir: SortDirection,
): IndexedMember[] {
  const direction = dir === 'asc' ? 1 : -1
  const blankLast = sort === 'name' || sort === 'surname'
  return [...index].sort(({ member: a }, { member: b }) => {
    if (blankLast && !a[sort] !== !b[sort]) return a[sort] ? -1 : 1
    return direction * (compare(a, b, sort) || collator.compare(a.email, b.email))
  })
}

/** The rows of a (sorted) index that match the search and the role filter, in order. */
export function filterIndex(sorted: readonly IndexedMember[], q: string, role: RoleFilter): Member[] {
  const query = q.trim().toLowerCase()
  const rows: Member[] = []
  for (const { member, searchKey } of sorted) {
    if (role === 'admin' && !member.admin) continue
    if (role === 'member' && member.admin) continue
    if (query && !searchKey.includes(query)) continue
    rows.push(member)
  }
  return rows
}

/** The rows to show for a view: filtered by search and role, sorted. */
export function selectMembers(index: readonly IndexedMember[], view: ListView): Member[] {
  return filterIndex(sortIndex(index, view.sort, view.dir), view.q, view.role)
}

export function displayName(member: Pick<Member, 'name' | 'surname' | 'email'>): string {
  const full = `${member.name} ${member.surname}`.trim()
  return full || member.email
}

/** The only admin (the rule is domain/members.ts's). */
export { onlyAdminId } from '../../../../domain/members'
