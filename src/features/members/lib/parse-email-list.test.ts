import { describe, expect, it } from 'vitest'
import { normalizeEmail, parseAdminValue, parseEmailList, summarizeRows } from './parse-email-list'

const emails = (text: string) => parseEmailList(text).map((row) => row.email)

describe('parseEmailList: separators', () => {
  it('splits on newlines, commas, semicolons and tabs alike', () => {
    expect(emails('a@x.com\nb@x.com, c@x.com;d@x.com\te@x.com')).toEqual([
      'a@x.com',
      'b@x.com',
      'c@x.com',
      'd@x.com',
      'e@x.com',
    ])
  })

  it('handles Windows and old Mac line endings and skips blank lines and empty cells', () => {
    expect(emails('a@x.com\r\n\r\nb@x.com\rc@x.com,,;\n')).toEqual(['a@x.com', 'b@x.com', 'c@x.com'])
  })

  it('returns no rows for empty or blank input', () => {
    expect(parseEmailList('')).toEqual([])
    expect(parseEmailList(' \n ,; \n')).toEqual([])
  })

  it("reads a line copied from an e-mail client's To field: names in front, a semicolon after each", () => {
    const rows = parseEmailList('Dave Example <dave@example.com>; Erin Example <erin@example.com>;')
    expect(rows.map(({ email, status, line }) => ({ email, status, line }))).toEqual([
      { email: 'dave@example.com', status: 'valid', line: 1 },
      { email: 'erin@example.com', status: 'valid', line: 1 },
    ])
    expect(emails('ann@x.com; Bob <bob@x.com>\tCarol <carol@x.com>, dan@x.com')).toEqual([
      'ann@x.com',
      'bob@x.com',
      'carol@x.com',
      'dan@x.com',
    ])
  })

  it('reads a quoted display name holding a comma ("Doe, Jane" <jane@x.com>) as one person, on their own line', () => {
    const rows = parseEmailList(
      '"Doe, Jane" <jane@example.com>, "Roe, Bob" <bob@example.com>\n"Poe, Ed" <ed@example.com>',
    )
    expect(rows.map(({ email, status, line }) => ({ email, status, line }))).toEqual([
      { email: 'jane@example.com', status: 'valid', line: 1 },
      { email: 'bob@example.com', status: 'valid', line: 1 },
      { email: 'ed@example.com', status: 'valid', line: 2 },
    ])
    // A lone quote is an ordinary character and does not join the next line to this one.
    expect(parseEmailList('"ann@x.com\nbob@x.com').map(({ line, status }) => ({ line, status }))).toEqual([
      { line: 1, status: 'malformed' },
      { line: 2, status: 'valid' },
    ])
  })

  it('records the line each address came from', () => {
    expect(parseEmailList('a@x.com\n\nb@x.com, c@x.com').map((row) => row.line)).toEqual([1, 3, 3])
  })
})

describe('normalizeEmail', () => {
  it('trims, lowercases and unwraps quoted or angled addresses', () => {
    expect(normalizeEmail('  Ann@Example.COM ')).toBe('ann@example.com')
    expect(normalizeEmail('"ann@example.com"')).toBe('ann@example.com')
    expect(normalizeEmail('Ann Smith <Ann@Example.com>')).toBe('ann@example.com')
    expect(normalizeEmail('mailto:ann@example.com')).toBe('ann@example.com')
  })
})

describe('parseAdminValue', () => {
  it.each([
    ['true', true],
    ['TRUE', true],
    ['yes', true],
    ['1', true],
    ['false', false],
    ['No', false],
    ['0', false],
    ['', false],
    ['maybe', null],
    ['2', null],
  ])('%j → %j', (value, expected) => {
    expect(parseAdminValue(value)).toBe(expected)
  })
})

describe('parseEmailList: CSV', () => {
  it('reads an email,admin header and its admin column', () => {
    const rows = parseEmailList('email,admin\nann@x.com,true\nbob@x.com,no\ncat@x.com,1\ndan@x.com,')
    expect(rows.map((row) => [row.email, row.admin, row.status])).toEqual([
      ['ann@x.com', true, 'valid'],
      ['bob@x.com', false, 'valid'],
      ['cat@x.com', true, 'valid'],
      ['dan@x.com', false, 'valid'],
    ])
    expect(rows.map((row) => row.line)).toEqual([2, 3, 4, 5])
  })

  it('finds the columns by name whatever their order, with a BOM, quotes and CRLF', () => {
    const rows = parseEmailList('\uFEFFname,"Admin","Email"\r\n"Smith, Ann",yes,"Ann@X.com"\r\n')
    expect(rows).toEqual([
      { line: 2, lines: [2], email: 'ann@x.com', admin: true, grants: [], status: 'valid', problem: null },
    ])
  })

  it('treats a header with only an email column as all members', () => {
    expect(parseEmailList('Email\nann@x.com').map((row) => row.admin)).toEqual([false])
  })

  it('marks an unreadable admin value rather than guessing', () => {
    const [row] = parseEmailList('email,admin\nann@x.com,perhaps')
    expect(row?.status).toBe('malformed')
    expect(row?.problem).toContain('"perhaps"')
  })

  it('reads header-less email,admin pairs', () => {
    const rows = parseEmailList('ann@x.com,true\nbob@x.com,false\ncat@x.com')
    expect(rows.map((row) => [row.email, row.admin])).toEqual([
      ['ann@x.com', true],
      ['bob@x.com', false],
      ['cat@x.com', false],
    ])
  })

  it('guesses a semicolon or tab delimiter, and keeps separators and line breaks inside quotes', () => {
    const rows = parseEmailList(
      'email;admin;note\r\nann@x.com;yes;"a; b"\r\nbob@x.com;no;"two\nlines"\r\ncat@x.com;1;',
    )
    expect(rows.map((row) => [row.line, row.email, row.admin])).toEqual([
      [2, 'ann@x.com', true],
      [3, 'bob@x.com', false],
      [5, 'cat@x.com', true],
    ])
    expect(parseEmailList('Email\tAdmin\nann@x.com\ttrue').map((row) => row.admin)).toEqual([true])
  })

  it('marks a row of a header CSV with an empty email cell instead of dropping it', () => {
    const [row] = parseEmailList('email,admin\n,true')
    expect(row).toMatchObject({ line: 2, status: 'malformed', problem: 'This line has no email address.' })
  })
})

describe('parseEmailList: classification', () => {
  it('marks malformed addresses with the reason, keeping what was typed', () => {
    const rows = parseEmailList('ann@x.com\nnot-an-email\nbob@\nc d@x.com')
    expect(rows.map((row) => row.status)).toEqual(['valid', 'malformed', 'malformed', 'malformed'])
    expect(rows[1]?.email).toBe('not-an-email')
    expect(rows[1]?.problem).toBe('"not-an-email" is not a valid email address.')
  })

  it('marks addresses mail systems refuse: a trailing dot, two dots in a row, an invisible character', () => {
    const rows = parseEmailList('ann@x.com.\njohn..doe@x.com\nbo\u200Bb@x.com')
    expect(rows.map((row) => row.status)).toEqual(['malformed', 'malformed', 'malformed'])
    expect(rows[2]?.problem).toContain('invisible character U+200B (zero width space) at position 3')
  })

  it('marks later copies of an address as duplicates, case-insensitively, naming the first line', () => {
    const rows = parseEmailList('ann@x.com\nbob@x.com\nANN@x.com')
    expect(rows.map((row) => row.status)).toEqual(['valid', 'valid', 'duplicate'])
    expect(rows[2]?.problem).toBe('Already in this list on line 1.')
  })

  it('marks people who are already members, case-insensitively', () => {
    const rows = parseEmailList('ann@x.com\nbob@x.com', ['Bob@X.com'])
    expect(rows.map((row) => row.status)).toEqual(['valid', 'member'])
    expect(rows[1]?.problem).toBe('Already a member of this organization.')
  })

  it('keeps one row per entry, so nothing given is dropped', () => {
    const text = Array.from({ length: 500 }, (_, i) => `user${i % 450}@x.com`).join('\n') + '\nbroken'
    const rows = parseEmailList(text, ['user0@x.com'])
    expect(rows).toHaveLength(501)
    expect(summarizeRows(rows)).toEqual({
      valid: 449,
      member: 1,
      duplicate: 50,
      malformed: 1,
      access: 0,
      grants: 0,
    })
  })
})

describe('parseEmailList: project roles', () => {
  const known = {
    projects: ['proj-a', 'proj-b'],
    roles: ['project-admin', 'project-editor', 'project-viewer'],
  }
  const summary = (rows: ReturnType<typeof parseEmailList>) =>
    rows.map(({ lines, email, grants, status, problem }) => ({ lines, email, grants, status, problem }))

  it('reads a projects column of project:role pairs, short or full role names, each pair once', () => {
    const rows = parseEmailList(
      'email,admin,projects\nann@x.com,yes,proj-a:viewer; proj-b:project-editor | proj-a:viewer\nbob@x.com,no,',
      [],
      known,
    )
    expect(summary(rows)).toEqual([
      {
        lines: [2],
        email: 'ann@x.com',
        grants: [
          { project: 'proj-a', role: 'project-viewer' },
          { project: 'proj-b', role: 'project-editor' },
        ],
        status: 'valid',
        problem: null,
      },
      { lines: [3], email: 'bob@x.com', grants: [], status: 'valid', problem: null },
    ])
    expect(rows[0]!.admin).toBe(true)
  })

  it('reads project and role columns, one role a line, an address on several lines as one member', () => {
    const rows = parseEmailList(
      'email,project,role\nann@x.com,proj-a,viewer\nbob@x.com,proj-b,admin\nAnn@X.com,proj-b,editor',
      [],
      known,
    )
    expect(summary(rows)).toEqual([
      {
        lines: [2, 4],
        email: 'ann@x.com',
        grants: [
          { project: 'proj-a', role: 'project-viewer' },
          { project: 'proj-b', role: 'project-editor' },
        ],
        status: 'valid',
        problem: null,
      },
      {
        lines: [3],
        email: 'bob@x.com',
        grants: [{ project: 'proj-b', role: 'project-admin' }],
        status: 'valid',
        problem: null,
      },
    ])
    // Without a project column, `role` is still the organization role of the members' own export.
    expect(parseEmailList('email,role\nann@x.com,admin')[0]!.admin).toBe(true)
  })

  it('marks an unknown project, an unknown role and a pair without a role, saying what to write', () => {
    const rows = parseEmailList(
      'email,projects\nann@x.com,proj-z:viewer\nbob@x.com,proj-a:owner\ncy@x.com,proj-a\ndee@x.com,proj-b:viewer',
      [],
      known,
    )
    expect(rows.map((row) => [row.email, row.status, row.problem])).toEqual([
      ['ann@x.com', 'access', 'Unknown project "proj-z": it is not a project of this organization.'],
      ['bob@x.com', 'access', 'Unknown role "owner" in proj-a: use admin, editor, viewer.'],
      ['cy@x.com', 'access', '"proj-a" needs a role: write proj-a:viewer, editor or admin.'],
      ['dee@x.com', 'valid', null],
    ])
    expect(summarizeRows(rows)).toEqual({
      valid: 1,
      malformed: 0,
      access: 3,
      duplicate: 0,
      member: 0,
      grants: 1,
    })
  })

  it('cannot check project roles without the projects, and says so', () => {
    const [row] = parseEmailList('email,projects\nann@x.com,proj-a:viewer', [], null)
    expect(row!.status).toBe('access')
    expect(row!.problem).toMatch(/could not be loaded/)
  })
})
