// The demo's audit trail (server/db/seed-audit.ts): the same for the same day, told in date order,
// nothing dated today or later, and the usage jump's configuration change on the jump's day.
import { afterAll, describe, expect, it } from 'vitest'
import { addDays } from '../../domain/dates'
import { removeDatabase, temporaryDatabasePath } from '../test/helpers'
import { openDatabase } from './open'
import { DEMO, seedIfEmpty } from './seed'

const now = new Date('2026-06-15T12:00:00Z')
const paths = [temporaryDatabasePath('seed-audit-a'), temporaryDatabasePath('seed-audit-b')]
const [dbA, dbB] = paths.map(openDatabase) as [
  ReturnType<typeof openDatabase>,
  ReturnType<typeof openDatabase>,
]
afterAll(() => {
  dbA.close()
  dbB.close()
  paths.forEach(removeDatabase)
})

interface Row {
  project: string
  date: string
  action: string
  user_email: string | null
  event: string
  object_type: string
  object_name: string
}

const trail = (db: typeof dbA) =>
  db
    .prepare<[], Row>(
      `SELECT projects.name AS project, date, action, user_email, event, object_type, object_name
         FROM audit_events JOIN projects ON projects.id = audit_events.project_id
        ORDER BY projects.name, sequence`,
    )
    .all()

describe('the seeded audit trail', () => {
  it('is the same for the same day, and every project is told oldest first, before today', () => {
    seedIfEmpty(dbA, now)
    seedIfEmpty(dbB, now)
    const events = trail(dbA)
    expect(trail(dbB)).toEqual(events)
    expect(events.length).toBeGreaterThan(200)
    const byProject = new Map<string, Row[]>()
    for (const event of events) byProject.set(event.project, [...(byProject.get(event.project) ?? []), event])
    for (const [project, list] of byProject) {
      const dates = list.map((event) => event.date)
      expect([...dates].sort(), project).toEqual(dates)
    }
    const today = now.toISOString().slice(0, 10)
    const first = addDays(today, -120)
    for (const event of events) {
      expect(event.date.slice(0, 10) < today, event.event).toBe(true)
      expect(event.date.slice(0, 10) >= first, event.event).toBe(true)
      expect(event.event).not.toMatch(/token|password|secret/i)
    }
    // Role changes, people added and removed, by more than one admin.
    const kinds = new Set(events.map((event) => `${event.action} ${event.object_type}`))
    for (const kind of ['create user', 'delete user', 'create role_assignment', 'delete role_assignment'])
      expect(kinds).toContain(kind)
    expect(new Set(events.map((event) => event.user_email)).size).toBeGreaterThan(2)
  })

  it("has the usage jump's configuration change on the jump's day", () => {
    const jump = DEMO.usageJump
    const day = addDays(now.toISOString().slice(0, 10), -jump.daysAgo)
    const ofThatDay = trail(dbA).filter(
      (event) => event.project === jump.projectName && event.date.startsWith(day),
    )
    expect(ofThatDay).toContainEqual({
      project: jump.projectName,
      date: `${day}T09:14:03.000000Z`,
      action: 'update',
      user_email: DEMO.adminEmail,
      event: `Deployment version ${jump.deploymentName}/${jump.version}: maximum instances 2 → 5`,
      object_type: 'deployment_version',
      object_name: `${jump.deploymentName}/${jump.version}`,
    })
  })
})
