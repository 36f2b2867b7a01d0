// Turns what an admin pastes or drops (a list of addresses, or a CSV export with `email,admin`,
// maybe with project roles) into rows they can review before anything is sent. Pure, so every
// rule is unit-tested.
import Papa from 'papaparse'
import { emailProblem } from '../../../../domain/email'
import type { Grant } from './grants'

export type BulkRowStatus = 'valid' | 'malformed' | 'access' | 'duplicate' | 'member'

export interface BulkRow {
  /** 1-based line of the input the address came from, to point the admin back at it */
  line: number
  /** every line the row was read from: one, or several in the `email,project,role` form */
  lines: number[]
  /** normalised (trimmed, lowercase) address, or the raw text when it is not an address */
  email: string
  admin: boolean
  /** the project roles to give once they are a member, each pair once */
  grants: Grant[]
  status: BulkRowStatus
  /** what is wrong, in a sentence; null for valid rows */
  problem: string | null
}

/** What project roles can be checked against: the organization's projects and the roles they offer. */
export interface KnownAccess {
  projects: readonly string[]
  roles: readonly string[]
}

/**
 * The two ways a list carries project roles, as the dialog says them: a `projects` column with
 * `project:role` pairs separated by `;` or `|` (`proj-a:viewer; proj-b:editor`), or a `project`
 * and a `role` column, one role a line (an address on several lines gets every role of them).
 * A role is written in full (`project-viewer`) or short (`viewer`).
 */
export const PROJECTS_COLUMN_EXAMPLE = 'email,admin,projects\nann@example.com,no,proj-a:viewer; proj-b:editor'
export const PROJECT_ROLE_COLUMNS_EXAMPLE = 'email,project,role\nann@example.com,proj-a,viewer'

/** `viewer` → `project-viewer`; a full name, or a project's own role, as written (trimmed, lowercase). */
export function normalizeRole(raw: string): string {
  const role = raw.trim().toLowerCase()
  return ['admin', 'editor', 'viewer'].includes(role) ? `project-${role}` : role
}

/** The problem with one project role, or null; `known` null: the projects could not be loaded. */
function grantProblem({ project, role }: Grant, known: KnownAccess | null): string | null {
  if (!project) return `"${role}" names no project: write project:role.`
  if (!role) return `"${project}" needs a role: write ${project}:viewer, editor or admin.`
  if (!known)
    return 'The organization’s projects could not be loaded, so its project roles cannot be checked.'
  if (!known.projects.includes(project))
    return `Unknown project "${project}": it is not a project of this organization.`
  if (!known.roles.includes(role))
    return `Unknown role "${role}" in ${project}: use ${known.roles.map((name) => name.replace(/^project-/, '')).join(', ')}.`
  return null
}

/** `proj-a:viewer; proj-b:editor` (or `|` between pairs) → its pairs; an empty cell → none. */
export function parseGrants(cell: string): Grant[] {
  return cell
    .split(/[;|]/)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const colon = part.indexOf(':')
      if (colon === -1) return { project: part, role: '' }
      return { project: part.slice(0, colon).trim(), role: normalizeRole(part.slice(colon + 1)) }
    })
}

const TRUE_VALUES = new Set(['true', 'yes', 'y', '1', 'admin'])
const FALSE_VALUES = new Set(['false', 'no', 'n', '0', 'member', ''])

/** `true`/`yes`/`1` → true, `false`/`no`/`0`/empty → false, anything else → null (not an admin value). */
export function parseAdminValue(value: string): boolean | null {
  const normalized = value.trim().toLowerCase()
  if (TRUE_VALUES.has(normalized)) return true
  if (FALSE_VALUES.has(normalized)) return false
  return null
}

/** `"Jane Doe" <Jane@Example.com>` → `jane@example.com`; quotes from CSV exports are dropped. */
export function normalizeEmail(raw: string): string {
  let value = raw
    .trim()
    .replace(/^"(.*)"$/s, '$1')
    .trim()
  const angled = /<([^<>]+)>\s*$/.exec(value)
  if (angled) value = angled[1]!.trim()
  return value.replace(/^mailto:/i, '').toLowerCase()
}

interface Entry {
  line: number
  raw: string
  admin: boolean
  /** set when the admin column held something we cannot read */
  adminProblem: string | null
  grants: Grant[]
}

const SEPARATORS = [',', ';', '\t']

interface Row {
  /** 1-based line of the input the row starts on */
  line: number
  cells: string[]
}

/**
 * The input's rows and cells, read by papaparse (RFC 4180 quotes, quoted separators and line
 * breaks, the delimiter guessed among comma, semicolon and tab). A leading BOM is dropped, and
 * every line break style becomes one (a paste can mix CRLF, CR and LF, and papaparse assumes one
 * style per input). Blank lines are kept as rows, so that each row knows its line.
 */
function readRows(text: string): Row[] {
  const input = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
  const { data } = Papa.parse<string[]>(input, {
    delimiter: '',
    delimitersToGuess: SEPARATORS,
    newline: '\n',
    skipEmptyLines: false,
  })
  let line = 1
  return data.map((cells) => {
    const row = { line, cells: cells.map((cell) => cell.trim()) }
    // A quoted cell may hold line breaks: the next row starts that many lines further down.
    line += 1 + cells.reduce((breaks, cell) => breaks + (cell.match(/\n/g)?.length ?? 0), 0)
    return row
  })
}

/** Where a header's columns are; -1 for a column it does not have. */
interface Columns {
  email: number
  admin: number
  /** `project:role` pairs */
  projects: number
  /** one project and its role a line */
  project: number
  role: number
}

/** Column positions when the first line is a header naming an `email` column (and maybe others). */
function readHeader(cells: string[]): Columns | null {
  const names = cells.map((cell) => cell.toLowerCase())
  const find = (...wanted: string[]) => names.findIndex((name) => wanted.includes(name))
  const email = find('email', 'e-mail', 'email address')
  if (email === -1) return null
  const project = find('project')
  return {
    email,
    // Without a project column, `role` is the organization role (the members' own export says admin/member).
    admin: project === -1 ? find('admin', 'is_admin', 'role') : find('admin', 'is_admin'),
    projects: find('projects', 'project roles'),
    project,
    role: project === -1 ? -1 : find('role', 'project role'),
  }
}

function entriesFromColumns(rows: Row[], columns: Columns): Entry[] {
  const entries: Entry[] = []
  const cellOf = (cells: string[], column: number) => (column === -1 ? '' : (cells[column] ?? ''))
  for (const { line, cells } of rows) {
    if (cells.every((cell) => cell === '')) continue
    const rawAdmin = cellOf(cells, columns.admin)
    const admin = parseAdminValue(rawAdmin)
    const project = cellOf(cells, columns.project)
    const role = cellOf(cells, columns.role)
    entries.push({
      line,
      raw: cells[columns.email] ?? '',
      admin: admin ?? false,
      adminProblem:
        admin === null ? `"${rawAdmin}" in the admin column is not one of true/false, yes/no or 1/0.` : null,
      grants: [
        ...parseGrants(cellOf(cells, columns.projects)),
        ...(project || role ? [{ project, role: normalizeRole(role) }] : []),
      ],
    })
  }
  return entries
}

/**
 * One entry of free text: up to the next comma, semicolon, tab or line break, except inside double
 * quotes or angle brackets on its line (`"Doe, Jane" <jane@x.com>` is one entry, and so is
 * `Jane <jane;x@x.com>`, to be marked malformed as a whole). A lone quote or bracket is an
 * ordinary character.
 */
const FREE_TEXT_ENTRY = /(?:"[^"\n]*"|<[^<>\n]*>|[^,;\t\n])+/g

/**
 * Free-form input: addresses separated by line breaks, commas, semicolons or tabs, mixed as they
 * come (an e-mail client's To field gives `"Doe, Jane" <jane@x.com>; Erin <erin@x.com>;`). It is
 * read as entries directly, not as CSV first: a CSV reader splits a display name's comma inside
 * its quotes when an address follows the closing quote, which made one person two malformed
 * entries on the same line. An admin value right after an address (`ann@x.com,true`) belongs to
 * that address, so header-less CSV works too.
 */
function entriesFromFreeText(text: string): Entry[] {
  const input = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
  const entries: Entry[] = []
  let line = 1
  let counted = 0
  for (const match of input.matchAll(FREE_TEXT_ENTRY)) {
    for (; counted < match.index; counted += 1) if (input[counted] === '\n') line += 1
    const cell = match[0].trim()
    if (cell === '') continue
    const previous = entries.at(-1)
    const admin = parseAdminValue(cell)
    if (admin !== null && previous && previous.line === line && !cell.includes('@')) {
      previous.admin = admin
      continue
    }
    entries.push({ line, raw: cell, admin: false, adminProblem: null, grants: [] })
  }
  return entries
}

/**
 * In the `email,project,role` form an address comes once per role: its later lines join its first
 * (their roles added, admin if any line says so), so that it is one member with every role.
 */
function mergeRoleLines(entries: Entry[]): (Entry & { lines: number[] })[] {
  const byEmail = new Map<string, Entry & { lines: number[] }>()
  const merged: (Entry & { lines: number[] })[] = []
  for (const entry of entries) {
    const email = normalizeEmail(entry.raw)
    const earlier = email ? byEmail.get(email) : undefined
    if (earlier && !entry.adminProblem && !earlier.adminProblem) {
      earlier.lines.push(entry.line)
      earlier.grants.push(...entry.grants)
      earlier.admin ||= entry.admin
      continue
    }
    const row = { ...entry, grants: [...entry.grants], lines: [entry.line] }
    if (email && !earlier) byEmail.set(email, row)
    merged.push(row)
  }
  return merged
}

/** Each project+role pair once, in the order written. */
function uniqueGrants(grants: readonly Grant[]): Grant[] {
  const seen = new Set<string>()
  return grants.filter(({ project, role }) => {
    const key = `${project}\n${role}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/**
 * Parses pasted text or a CSV file into reviewable rows, in input order. Every non-empty entry
 * becomes a row, so nothing the admin gave is dropped silently: bad ones are marked, not removed.
 * Project roles (see PROJECTS_COLUMN_EXAMPLE) are checked against `known`: an unknown project or
 * role marks its row (status `access`), which is then not sent.
 */
export function parseEmailList(
  text: string,
  existingMembers: Iterable<string> = [],
  known: KnownAccess | null = null,
): BulkRow[] {
  const rows = readRows(text)
  const first = rows.findIndex((row) => row.cells.some((cell) => cell !== ''))
  const header = first === -1 ? null : readHeader(rows[first]!.cells)
  const read = header
    ? entriesFromColumns(rows.slice(first + 1), header)
    : // Not a CSV with a header: read every separator on every line.
      entriesFromFreeText(text)
  const entries =
    header && header.project !== -1
      ? mergeRoleLines(read)
      : read.map((entry) => ({ ...entry, lines: [entry.line] }))

  const members = new Set([...existingMembers].map((email) => email.toLowerCase()))
  const seen = new Map<string, number>()
  return entries.map((entry): BulkRow => {
    const email = normalizeEmail(entry.raw)
    const grants = uniqueGrants(entry.grants)
    const base = { line: entry.line, lines: entry.lines, email, admin: entry.admin, grants }
    const malformed = email === '' ? 'This line has no email address.' : emailProblem(email)
    if (malformed) return { ...base, email: entry.raw.trim(), status: 'malformed', problem: malformed }
    if (entry.adminProblem) return { ...base, status: 'malformed', problem: entry.adminProblem }
    const accessProblem = grants.map((grant) => grantProblem(grant, known)).find((problem) => problem)
    if (accessProblem) return { ...base, status: 'access', problem: accessProblem }
    const firstSeen = seen.get(email)
    if (firstSeen !== undefined)
      return { ...base, status: 'duplicate', problem: `Already in this list on line ${firstSeen}.` }
    seen.set(email, entry.line)
    if (members.has(email))
      return { ...base, status: 'member', problem: 'Already a member of this organization.' }
    return { ...base, status: 'valid', problem: null }
  })
}

export interface BulkSummary {
  valid: number
  malformed: number
  access: number
  duplicate: number
  member: number
  /** project roles the valid rows will be given */
  grants: number
}

export function summarizeRows(rows: readonly BulkRow[]): BulkSummary {
  const summary: BulkSummary = { valid: 0, malformed: 0, access: 0, duplicate: 0, member: 0, grants: 0 }
  for (const row of rows) {
    summary[row.status] += 1
    if (row.status === 'valid') summary.grants += row.grants.length
  }
  return summary
}
