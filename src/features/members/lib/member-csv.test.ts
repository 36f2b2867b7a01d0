import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import type { Member } from '../../../api/types'
import { memberCsvFileName, membersToCsv } from './member-csv'

const member = (email: string, name: string, surname: string, admin = false): Member =>
  ({ id: email, email, name, surname, admin }) as Member

describe('membersToCsv', () => {
  it('writes a header and one row per member, in the given order, with CRLF line ends', () => {
    const csv = membersToCsv([member('b@x.io', 'Bo', 'Berg', true), member('a@x.io', 'Al', 'Ash')])
    expect(csv).toBe('email,name,surname,role\r\nb@x.io,Bo,Berg,admin\r\na@x.io,Al,Ash,member')
  })

  it('writes only the header for no members', () => {
    expect(membersToCsv([])).toBe('email,name,surname,role')
  })

  it('quotes commas, quotes and line breaks so the cells read back unchanged', () => {
    const odd = member('q@x.io', 'Anne, "Jr"', 'van\nDam')
    const parsed = Papa.parse<string[]>(membersToCsv([odd]), { newline: '\r\n' })
    expect(parsed.data[1]).toEqual(['q@x.io', 'Anne, "Jr"', 'van\nDam', 'member'])
  })

  it('defuses cells a spreadsheet would run as a formula', () => {
    const csv = membersToCsv([member('f@x.io', '=HYPERLINK("x")', '+1')])
    const parsed = Papa.parse<string[]>(csv, { newline: '\r\n' })
    expect(parsed.data[1]).toEqual(['f@x.io', `'=HYPERLINK("x")`, "'+1", 'member'])
  })
})

describe('memberCsvFileName', () => {
  it('names the organization, and the filter and search when they apply', () => {
    expect(memberCsvFileName('acme', { q: '', role: 'all' })).toBe('members-acme.csv')
    expect(memberCsvFileName('acme', { q: ' ', role: 'admin' })).toBe('members-acme-admin.csv')
    expect(memberCsvFileName('acme', { q: 'bo', role: 'member' })).toBe('members-acme-member-filtered.csv')
  })
})
