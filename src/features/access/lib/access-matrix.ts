// The organization's access on one screen: members × projects with the role(s) in each cell, the
// filters that live in the address, the two flags (members who cannot do anything yet, projects
// whose only project admins are organization admins) and the CSV of what is shown. Pure, so that
// 10,000 members × 40 projects can be measured and tested without a browser.
import { PROJECT_ADMIN } from '../../../../domain/project'
import type { RoleAssignment } from '../../../api/model'
import type { Member } from '../../../api/types'
import { csvText } from '../../../lib/csv'

/** The role that lets its holder manage the project's people, from domain/project.ts. */
export { PROJECT_ADMIN }

/** One member's row: their assignments per project name, and whether they hold any role at all. */
export interface AccessRow {
  member: Member
  /** project name → the member's project-wide role assignments there (most often one) */
  cells: ReadonlyMap<string, readonly RoleAssignment[]>
  /** no role in any project of the organization: "cannot do anything yet" */
  hasNoRole: boolean
  /** email, name and surname lowercased once, so a keystroke does no string work per row */
  searchKey: string
}

/** A project's column: its name and whether only organization admins hold project-admin there. */
export interface AccessColumn {
  project: string
  /** nobody but organization admins (or nobody at all) holds project-admin in it */
  lacksProjectAdmin: boolean
}

export interface AccessMatrix {
  rows: AccessRow[]
  columns: AccessColumn[]
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })

/**
 * The matrix's row order: by email as a person reads it (any case, numbers as numbers). Members
 * sorted with it once are sorted again in linear time (V8's TimSort on sorted input), so a caller
 * that rebuilds the matrix for every answer sorts them once beforehand.
 */
export const compareMembers = (a: Member, b: Member): number => collator.compare(a.email, b.email)

/**
 * Builds the matrix from the organization's members, its project names and every project's
 * role assignments (of users; those of unknown users, e.g. removed meanwhile, are left out). Rows
 * are in email order, columns in the order of `projects`. O(members + assignments).
 */
export function buildAccessMatrix(
  members: readonly Member[],
  projects: readonly string[],
  assignments: readonly RoleAssignment[],
): AccessMatrix {
  const byUser = new Map<string, Map<string, RoleAssignment[]>>()
  const memberIds = new Set(members.map((member) => member.id))
  const admins = new Set(members.filter((member) => member.admin).map((member) => member.id))
  const projectsWithOwnAdmin = new Set<string>()
  for (const assignment of assignments) {
    if (!memberIds.has(assignment.userId)) continue
    let cells = byUser.get(assignment.userId)
    if (!cells) byUser.set(assignment.userId, (cells = new Map()))
    const cell = cells.get(assignment.projectName)
    if (cell) cell.push(assignment)
    else cells.set(assignment.projectName, [assignment])
    if (assignment.role === PROJECT_ADMIN && !admins.has(assignment.userId))
      projectsWithOwnAdmin.add(assignment.projectName)
  }
  const shown = new Set(projects)
  const rows = [...members].sort(compareMembers).map((member): AccessRow => {
    const cells = byUser.get(member.id) ?? new Map<string, RoleAssignment[]>()
    return {
      member,
      cells,
      hasNoRole: ![...cells.keys()].some((project) => shown.has(project)),
      searchKey: `${member.email}\n${member.name} ${member.surname}`.toLowerCase(),
    }
  })
  const columns = projects.map((project) => ({
    project,
    lacksProjectAdmin: !projectsWithOwnAdmin.has(project),
  }))
  return { rows, columns }
}

/** "No role anywhere": the role filter that shows the members who cannot do anything yet. */
export const NO_ROLE = 'none'

/** The matrix's filters as they are in the address (`?q=&project=&role=`); empty: no filter. */
export interface AccessFilter {
  q: string
  project: string
  role: string
}

export const NO_FILTER: AccessFilter = { q: '', project: '', role: '' }

/** Reads the filters from search params; absent ones are no filter. */
export function readAccessFilter(params: URLSearchParams): AccessFilter {
  return {
    q: params.get('q') ?? '',
    project: params.get('project') ?? '',
    role: params.get('role') ?? '',
  }
}

/** Writes a change of the filters into search params, leaving empty ones out; other params are kept. */
export function writeAccessFilter(params: URLSearchParams, change: Partial<AccessFilter>): URLSearchParams {
  const next = new URLSearchParams(params)
  const filter = { ...readAccessFilter(params), ...change }
  for (const key of ['q', 'project', 'role'] as const) {
    if (filter[key]) next.set(key, filter[key])
    else next.delete(key)
  }
  return next
}

/** What the matrix shows for a filter: the rows and columns kept, and the roles shown in a cell. */
export interface AccessView {
  rows: AccessRow[]
  columns: AccessColumn[]
  /** The assignments of `row` shown in the cell of `project` (a role filter shows only that role). */
  cellOf: (row: AccessRow, project: string) => readonly RoleAssignment[]
}

const EMPTY: readonly RoleAssignment[] = []

// One cellOf per role shown and one column list per matrix and project, so that a view made for
// the next keystroke hands the grid the same ones (its memoized header and rows keep them).
const cellReaders = new Map<string, AccessView['cellOf']>()
const projectColumns = new WeakMap<AccessMatrix, Map<string, AccessColumn[]>>()

function cellReaderOf(role: string): AccessView['cellOf'] {
  let read = cellReaders.get(role)
  if (!read) {
    read = (row, project) => {
      const cell = row.cells.get(project) ?? EMPTY
      return role ? cell.filter((assignment) => assignment.role === role) : cell
    }
    cellReaders.set(role, read)
  }
  return read
}

function columnsOf(matrix: AccessMatrix, project: string): AccessColumn[] {
  if (!project) return matrix.columns
  let byProject = projectColumns.get(matrix)
  if (!byProject) projectColumns.set(matrix, (byProject = new Map()))
  let columns = byProject.get(project)
  if (!columns)
    byProject.set(project, (columns = matrix.columns.filter((column) => column.project === project)))
  return columns
}

/**
 * Applies the filters: the search keeps members whose email or name contains it (any case); the
 * project keeps its column only (an unknown project: no column); a role keeps the members who hold
 * it in a shown project and shows only that role in the cells; `none` keeps the members without
 * any role. One pass over the rows, looking only at the cells a member has (a few, not one per
 * project), no allocation per row that is dropped. The same filter of the same matrix gives the
 * same `columns` and `cellOf`.
 */
export function filterAccessMatrix(matrix: AccessMatrix, filter: AccessFilter): AccessView {
  const query = filter.q.trim().toLowerCase()
  const columns = columnsOf(matrix, filter.project)
  const role = filter.role === NO_ROLE ? '' : filter.role
  // Whether the cell shows anything, without building its filtered list.
  const showsAny = (cell: readonly RoleAssignment[] | undefined) =>
    cell !== undefined && (role ? cell.some((assignment) => assignment.role === role) : cell.length > 0)
  const shownProjects = new Set(columns.map((column) => column.project))
  const holdsShownRole = (row: AccessRow) => {
    if (filter.project) return showsAny(row.cells.get(filter.project))
    for (const [project, cell] of row.cells) if (shownProjects.has(project) && showsAny(cell)) return true
    return false
  }
  const rows: AccessRow[] = []
  for (const row of matrix.rows) {
    if (query && !row.searchKey.includes(query)) continue
    if (filter.role === NO_ROLE) {
      if (!row.hasNoRole) continue
    } else if (role || filter.project) {
      // A member without the role (or without any role in the one project) is not what was asked for.
      if (!holdsShownRole(row)) continue
    }
    rows.push(row)
  }
  return { rows, columns, cellOf: cellReaderOf(role) }
}

/** The CSV's columns, in order. */
export const ACCESS_CSV_COLUMNS = ['email', 'project', 'role'] as const

/**
 * The rows of the CSV of a view: one per role shown (email, project, role), members in the view's
 * order, projects in the columns' order; a member shown without any role gets one row with an
 * empty project and role, so that the file holds every member the screen shows.
 */
export function accessCsvRows(view: AccessView): string[][] {
  const out: string[][] = []
  for (const row of view.rows) {
    let hasAny = false
    for (const column of view.columns)
      for (const assignment of view.cellOf(row, column.project)) {
        hasAny = true
        out.push([row.member.email, column.project, assignment.role])
      }
    if (!hasAny) out.push([row.member.email, '', ''])
  }
  return out
}

/** The view as CSV text: header, then accessCsvRows, by the dashboard's one CSV writer (src/lib/csv.ts). */
export function accessToCsv(view: AccessView): string {
  return csvText([[...ACCESS_CSV_COLUMNS], ...accessCsvRows(view)])
}

/** A role as a cell shows it: `project-editor` → `editor`; a project's own role keeps its name. */
export const roleShortName = (role: string): string =>
  role.startsWith('project-') ? role.slice('project-'.length) : role

/** The download's name: `access-<organization>.csv`, `-filtered` when any filter applies. */
export function accessCsvFileName(organization: string, filter: AccessFilter): string {
  const isFiltered = Boolean(filter.q.trim() || filter.project || filter.role)
  return `access-${organization}${isFiltered ? '-filtered' : ''}.csv`
}
