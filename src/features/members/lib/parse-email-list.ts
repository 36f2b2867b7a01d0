// Turns what an admin pastes or drops (a list of addresses, or a CSV export with `email,admin`)
// into rows they can review before anything is sent. Pure, so every rule is unit-tested.
import Papa from 'papaparse'
import { emailProblem } from '../../../../domain/email'

export type BulkRowStatus = 'valid' | 'malformed' | 'duplicate' | 'member'

export interface BulkRow {
  /** 1-based line of the input the address came from, to point the admin back at it */
  line: number
  /** normalised (trimmed, lowercase) address, or the raw text when it is not an address */
  email: string
  admin: boolean
  status: BulkRowStatus
  /** what is wrong, in a sentence; null for valid rows */
  problem: string | null
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
function readRows(text: string, delimiter?: string): Row[] {
  const input = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
  const { data } = Papa.parse<string[]>(input, {
    delimiter: delimiter ?? '',
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

/** Column positions when the first line is a header naming an `email` column (and maybe `admin`). */
function readHeader(cells: string[]): { email: number; admin: number } | null {
  const names = cells.map((cell) => cell.toLowerCase())
  const email = names.findIndex((name) => name === 'email' || name === 'e-mail' || name === 'email address')
  if (email === -1) return null
  return {
    email,
    admin: names.findIndex((name) => name === 'admin' || name === 'is_admin' || name === 'role'),
  }
}

function entriesFromColumns(rows: Row[], columns: { email: number; admin: number }): Entry[] {
  const entries: Entry[] = []
  for (const { line, cells } of rows) {
    if (cells.every((cell) => cell === '')) continue
    const rawAdmin = columns.admin === -1 ? '' : (cells[columns.admin] ?? '')
    const admin = parseAdminValue(rawAdmin)
    entries.push({
      line,
      raw: cells[columns.email] ?? '',
      admin: admin ?? false,
      adminProblem:
        admin === null ? `"${rawAdmin}" in the admin column is not one of true/false, yes/no or 1/0.` : null,
    })
  }
  return entries
}

/**
 * One entry of free text: up to the next comma, semicolon or tab, except inside double quotes or
 * angle brackets (`Jane <jane;x@x.com>` stays one, to be marked malformed as a whole). A lone
 * quote or bracket is an ordinary character.
 */
const FREE_TEXT_ENTRY = /(?:"[^"]*"|<[^<>]*>|[^,;\t])+/g

/**
 * Free text may mix separators on a line, and an e-mail client's To field gives
 * `Dave <dave@x.com>; Erin <erin@x.com>;`: each `Name <address>` is an entry of its own.
 */
const freeTextCells = (cell: string): string[] =>
  (cell.match(FREE_TEXT_ENTRY) ?? []).map((part) => part.trim())

/**
 * Free-form input: addresses separated by newlines, commas, semicolons or tabs. An admin value
 * right after an address (`ann@x.com,true`) belongs to that address, so header-less CSV works too.
 */
function entriesFromFreeText(rows: Row[]): Entry[] {
  const entries: Entry[] = []
  for (const { line, cells } of rows) {
    for (const cell of cells.flatMap(freeTextCells)) {
      if (cell === '') continue
      const previous = entries.at(-1)
      const admin = parseAdminValue(cell)
      if (admin !== null && previous && previous.line === line && !cell.includes('@')) {
        previous.admin = admin
        continue
      }
      entries.push({ line, raw: cell, admin: false, adminProblem: null })
    }
  }
  return entries
}

/**
 * Parses pasted text or a CSV file into reviewable rows, in input order. Every non-empty entry
 * becomes a row, so nothing the admin gave is dropped silently: bad ones are marked, not removed.
 */
export function parseEmailList(text: string, existingMembers: Iterable<string> = []): BulkRow[] {
  const rows = readRows(text)
  const first = rows.findIndex((row) => row.cells.some((cell) => cell !== ''))
  const header = first === -1 ? null : readHeader(rows[first]!.cells)
  const entries = header
    ? entriesFromColumns(rows.slice(first + 1), header)
    : // Not a CSV with a header: read every separator on every line.
      entriesFromFreeText(readRows(text, ','))

  const members = new Set([...existingMembers].map((email) => email.toLowerCase()))
  const seen = new Map<string, number>()
  return entries.map((entry): BulkRow => {
    const email = normalizeEmail(entry.raw)
    const base = { line: entry.line, email, admin: entry.admin }
    const malformed = email === '' ? 'This line has no email address.' : emailProblem(email)
    if (malformed) return { ...base, email: entry.raw.trim(), status: 'malformed', problem: malformed }
    if (entry.adminProblem) return { ...base, status: 'malformed', problem: entry.adminProblem }
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
  duplicate: number
  member: number
}

export function summarizeRows(rows: readonly BulkRow[]): BulkSummary {
  const summary: BulkSummary = { valid: 0, malformed: 0, duplicate: 0, member: 0 }
  for (const row of rows) summary[row.status] += 1
  return summary
}
