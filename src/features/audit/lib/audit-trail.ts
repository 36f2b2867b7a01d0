// The organization's audit trail as one list: every project's events (each project answering its
// own, newest first, a page at a time) merged newest first, without ever showing an event before
// one that a project not yet read further could still put above it.

/** The actions the API gives an event (the official clients' AuditList). */
export const AUDIT_ACTIONS = ['create', 'update', 'delete', 'info'] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

/** One audit event of one project, as the trail shows it. */
export interface AuditEvent {
  id: string
  /** ISO 8601 UTC timestamp, as the API writes it */
  date: string
  action: string
  /** who made the change (their e-mail address), null for the server */
  user: string | null
  event: string
  objectType: string
  objectName: string | null
  project: string
}

/** The trail's filters, kept in the address: all optional, '' for none. */
export interface AuditFilter {
  /** part of the e-mail address of who made the change, any case */
  person: string
  project: string
  action: AuditAction | ''
  /** first UTC day shown, YYYY-MM-DD */
  from: string
  /** last UTC day shown, YYYY-MM-DD (inclusive) */
  to: string
}

export const NO_FILTER: AuditFilter = { person: '', project: '', action: '', from: '', to: '' }
const FILTER_KEYS = Object.keys(NO_FILTER) as (keyof AuditFilter)[]
const DAY = /^\d{4}-\d\d-\d\d$/

/** The filter in `params`; a value of the wrong shape counts as none. */
export function readAuditFilter(params: URLSearchParams): AuditFilter {
  const action = params.get('action') ?? ''
  const day = (key: 'from' | 'to') => {
    const value = params.get(key) ?? ''
    return DAY.test(value) ? value : ''
  }
  return {
    person: params.get('person') ?? '',
    project: params.get('project') ?? '',
    action: (AUDIT_ACTIONS as readonly string[]).includes(action) ? (action as AuditAction) : '',
    from: day('from'),
    to: day('to'),
  }
}

/** `params` with `change` written in, empty values left out; other params are kept. */
export function writeAuditFilter(params: URLSearchParams, change: Partial<AuditFilter>): URLSearchParams {
  const next = new URLSearchParams(params)
  const filter = { ...readAuditFilter(params), ...change }
  for (const key of FILTER_KEYS) {
    if (filter[key] === '') next.delete(key)
    else next.set(key, filter[key])
  }
  return next
}

/**
 * Events in a project's first page. Small, because no row can show before every project's first
 * page has answered (any of them may hold the newest event): forty short answers come back much
 * sooner than forty long ones, six at a time, and the first screen needs few rows.
 */
export const AUDIT_FIRST_PAGE_SIZE = 15
/** Events in each later page, read as the admin scrolls: one answer fills a few screens. */
export const AUDIT_PAGE_SIZE = 100

/**
 * Page `index` (0, 1, …) of a project's events as a slice, newest first: the first page
 * {@link AUDIT_FIRST_PAGE_SIZE} events from offset 0, each later one {@link AUDIT_PAGE_SIZE} events
 * right after the one before. Fixed slices, so a page once read stays in the cache under its index.
 */
export function auditPageSlice(index: number): { offset: number; limit: number } {
  if (index === 0) return { offset: 0, limit: AUDIT_FIRST_PAGE_SIZE }
  return { offset: AUDIT_FIRST_PAGE_SIZE + (index - 1) * AUDIT_PAGE_SIZE, limit: AUDIT_PAGE_SIZE }
}

/** What is read so far of one project's events, newest first. */
export interface ProjectEvents {
  project: string
  events: readonly AuditEvent[]
  /** the project has no events beyond these (its last page came back short) */
  isComplete: boolean
}

export interface MergedTrail {
  /** the events that pass the filter and that no unread event could precede, newest first */
  rows: AuditEvent[]
  /** nothing more can be shown: every project is read to its end or past the filter's first day */
  isComplete: boolean
  /** projects whose next page would let more rows show, the most needed first */
  toRead: string[]
}

/** Whether `event` is within the filter's person and days (its project and action are asked of the API). */
function passes(event: AuditEvent, person: string, filter: AuditFilter): boolean {
  if (person && !(event.user ?? '').toLowerCase().includes(person)) return false
  const day = event.date.slice(0, 10)
  if (filter.from && day < filter.from) return false
  if (filter.to && day > filter.to) return false
  return true
}

/**
 * Merges the projects' events newest first. An event shows only once it is at least as new as the
 * oldest event read of every project that may have more: those could still have an event between.
 * A project read back past `filter.from` has nothing more to show. Timestamps of one format compare
 * as strings (the API writes UTC with the same number of digits).
 */
export function mergeTrail(projects: readonly ProjectEvents[], filter: AuditFilter): MergedTrail {
  const person = filter.person.trim().toLowerCase()
  const open = projects.filter((project) => {
    if (project.isComplete) return false
    const last = project.events.at(-1)
    return !(filter.from && last && last.date.slice(0, 10) < filter.from)
  })
  // The newest of the open projects' oldest events read: nothing older is certain yet.
  let frontier = ''
  for (const project of open) {
    const last = project.events.at(-1)?.date ?? '\uffff'
    if (last > frontier) frontier = last
  }
  const rows: AuditEvent[] = []
  for (const project of projects)
    for (const event of project.events)
      if (event.date >= frontier && passes(event, person, filter)) rows.push(event)
  rows.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.id < b.id ? 1 : -1))
  const toRead = open
    .map((project) => ({ project: project.project, last: project.events.at(-1)?.date ?? '\uffff' }))
    .sort((a, b) => (a.last < b.last ? 1 : a.last > b.last ? -1 : 0))
    .map((entry) => entry.project)
  return { rows, isComplete: open.length === 0, toRead }
}

/** `audit-<organization>.csv`, with `-filtered` when any filter applies, so exports differ by name. */
export function auditCsvFileName(organization: string, filter: AuditFilter): string {
  const isFiltered = FILTER_KEYS.some((key) => filter[key] !== '')
  return `audit-${organization}${isFiltered ? '-filtered' : ''}.csv`
}

/** The e-mail address an event names as its object, when that object is a person in the project. */
export function memberNamed(event: AuditEvent): string | null {
  if (event.objectType !== 'user' && event.objectType !== 'role_assignment') return null
  return event.objectName && event.objectName.includes('@') ? event.objectName : null
}
