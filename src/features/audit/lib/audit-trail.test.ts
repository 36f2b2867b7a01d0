import { describe, expect, it } from 'vitest'
import {
  AUDIT_FIRST_PAGE_SIZE,
  AUDIT_PAGE_SIZE,
  auditCsvFileName,
  auditPageSlice,
  mergeTrail,
  NO_FILTER,
  readAuditFilter,
  writeAuditFilter,
  type AuditEvent,
  type ProjectEvents,
} from './audit-trail'
import { auditToCsv } from './audit-csv'

const event = (
  project: string,
  date: string,
  user = 'a@example.com',
  id = `${project}-${date}`,
): AuditEvent => ({
  id,
  date: `${date}T10:00:00.000000Z`,
  action: 'create',
  user,
  event: `Something in ${project}`,
  objectType: 'user',
  objectName: 'b@example.com',
  project,
})

describe('auditPageSlice', () => {
  it('reads a short first page, then longer ones, each starting where the one before ended', () => {
    expect(auditPageSlice(0)).toEqual({ offset: 0, limit: AUDIT_FIRST_PAGE_SIZE })
    expect(AUDIT_FIRST_PAGE_SIZE).toBeLessThan(AUDIT_PAGE_SIZE)
    for (let index = 1; index < 5; index += 1) {
      const before = auditPageSlice(index - 1)
      expect(auditPageSlice(index)).toEqual({ offset: before.offset + before.limit, limit: AUDIT_PAGE_SIZE })
    }
  })
})

describe('mergeTrail', () => {
  it('shows nothing until every project that may have more has answered', () => {
    const a: ProjectEvents = { project: 'a', events: [event('a', '2026-03-09')], isComplete: false }
    const b: ProjectEvents = { project: 'b', events: [], isComplete: false }
    expect(mergeTrail([a, b], NO_FILTER).rows).toEqual([])
    expect(mergeTrail([a, b], NO_FILTER).toRead).toEqual(['b', 'a'])
  })

  it('merges newest first, holding back what an unread page could precede', () => {
    const a: ProjectEvents = {
      project: 'a',
      events: [event('a', '2026-03-09'), event('a', '2026-03-05')],
      isComplete: false,
    }
    const b: ProjectEvents = {
      project: 'b',
      events: [event('b', '2026-03-08'), event('b', '2026-03-07')],
      isComplete: true,
    }
    const merged = mergeTrail([a, b], NO_FILTER)
    // a may still have events between 03-05 and 03-07; they would come after b's.
    expect(merged.rows.map((row) => row.id)).toEqual([
      'a-2026-03-09',
      'b-2026-03-08',
      'b-2026-03-07',
      'a-2026-03-05',
    ])
    expect(merged.isComplete).toBe(false)
    const c: ProjectEvents = { project: 'c', events: [event('c', '2026-03-08')], isComplete: false }
    const held = mergeTrail([a, b, c], NO_FILTER)
    expect(held.rows.map((row) => row.id)).toEqual(['a-2026-03-09', 'c-2026-03-08', 'b-2026-03-08'])
    expect(held.toRead).toEqual(['c', 'a'])
  })

  it('filters by person (any case, part of the address) and UTC days, and stops at the first day', () => {
    const a: ProjectEvents = {
      project: 'a',
      events: [
        event('a', '2026-03-09', 'Ada@example.com'),
        event('a', '2026-03-06', 'bob@example.com'),
        event('a', '2026-03-04', 'ada@example.com'),
        event('a', '2026-03-01', 'ada@example.com'),
      ],
      isComplete: false,
    }
    const merged = mergeTrail([a], { ...NO_FILTER, person: ' ADA@', from: '2026-03-02', to: '2026-03-08' })
    expect(merged.rows.map((row) => row.id)).toEqual(['a-2026-03-04'])
    // Read past the first day: nothing more can show.
    expect(merged.isComplete).toBe(true)
    expect(merged.toRead).toEqual([])
  })
})

describe('the filter in the address', () => {
  it('reads what it wrote, leaves empty values out, and ignores values of the wrong shape', () => {
    const params = writeAuditFilter(new URLSearchParams('tab=x'), {
      person: 'ada',
      action: 'delete',
      from: '2026-03-01',
    })
    expect(params.toString()).toBe('tab=x&person=ada&action=delete&from=2026-03-01')
    expect(readAuditFilter(params)).toEqual({
      ...NO_FILTER,
      person: 'ada',
      action: 'delete',
      from: '2026-03-01',
    })
    expect(readAuditFilter(new URLSearchParams('action=remove&from=yesterday&to=2026-3-1'))).toEqual(
      NO_FILTER,
    )
  })
})

describe('the CSV', () => {
  it('holds the rows shown, in order, guarded against formulas', () => {
    const rows = [
      event('a', '2026-03-09'),
      { ...event('b', '2026-03-08'), event: '=HYPERLINK("x")', user: null },
    ]
    expect(auditToCsv(rows).split('\r\n')).toEqual([
      'date,project,action,user,object_type,object_name,event',
      '2026-03-09T10:00:00.000000Z,a,create,a@example.com,user,b@example.com,Something in a',
      `2026-03-08T10:00:00.000000Z,b,create,,user,b@example.com,"'=HYPERLINK(""x"")"`,
    ])
    expect(auditCsvFileName('acme', NO_FILTER)).toBe('audit-acme.csv')
    expect(auditCsvFileName('acme', { ...NO_FILTER, project: 'p' })).toBe('audit-acme-filtered.csv')
  })
})
