// CSV text for every download of the dashboard (members, usage): one quoting rule and one guard.
import Papa from 'papaparse'

/**
 * `rows` (the header first) as CSV text: quoting by papaparse's `unparse` (RFC 4180), CRLF line
 * ends. Every cell a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage
 * return), headers included, is prefixed with `'` (`escapeFormulae`, OWASP's advice on CSV
 * injection): names of members, projects and versions come from users, not from admins.
 * `finalNewline` ends the last row with CRLF too.
 */
export function csvText(rows: readonly (readonly string[])[], { finalNewline = false } = {}): string {
  const text = Papa.unparse(
    rows.map((row) => [...row]),
    { newline: '\r\n', escapeFormulae: true },
  )
  return finalNewline ? `${text}\r\n` : text
}
