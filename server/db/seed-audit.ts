// The demo's audit trail: a few months of events per live demo project, drawn from a sequence of
// its own so that the rest of the seed stays as it was, and written in the sentences the routes
// write (server/routes/projects.ts, role-assignments.ts) so that seeded and real events read alike.
import type Database from 'better-sqlite3'
import { addDays, type IsoDate } from '../../domain/dates'
import { auditEventsRepository, type NewAuditEvent } from '../repositories/audit-events'
import { auditSentences } from '../lib/audit-sentences'

/** How far back the seeded trail goes, in days before today (today itself has none). */
export const AUDIT_SEED_DAYS = 120

/** The configuration change behind the usage jump: which project, what, and how many days ago. */
export interface UsageJumpChange {
  projectName: string
  deploymentName: string
  version: string
  daysAgo: number
}

interface ProjectUser {
  id: string
  email: string
  role: string
}

/** A role on the whole project, as the sentences take it. */
const onProject = (role: string) => ({ role, resource_type: 'project', resource: '' })
const say = auditSentences

/**
 * Adds the audit events of every live project: people added (and some removed again, with the
 * roles they held), roles changed (taken, then the new one given), deployment versions tuned, and
 * `jump`'s change on its day. Events of a project are recorded oldest first, so that their order
 * (`sequence`) is their dates' order. `next` is a seeded PRNG giving numbers in [0, 1).
 */
export function seedAuditEvents(
  db: Database.Database,
  today: IsoDate,
  adminId: string,
  jump: UsageJumpChange,
  next: () => number,
): void {
  const audit = auditEventsRepository(db)
  const projects = db
    .prepare<[], { id: string; name: string; organization_id: string }>(
      'SELECT id, name, organization_id FROM projects WHERE deletion_date IS NULL ORDER BY name',
    )
    .all()
  const usersOf = db.prepare<[string], ProjectUser>(
    `SELECT users.id, users.email, roles.name AS role
       FROM role_assignments JOIN users ON users.id = role_assignments.user_id
       JOIN roles ON roles.id = role_assignments.role_id
      WHERE role_assignments.project_id = ? AND role_assignments.resource_type = 'project'
      ORDER BY users.email`,
  )
  const admins = db.prepare<[string], { id: string }>(
    'SELECT user_id AS id FROM memberships WHERE organization_id = ? AND admin = 1 ORDER BY user_id',
  )
  // People who passed through a project: plain members who are not in it now.
  const outsiders = db.prepare<[string, string], { id: string; email: string }>(
    `SELECT users.id, users.email FROM memberships JOIN users ON users.id = memberships.user_id
      WHERE memberships.organization_id = ? AND memberships.admin = 0
        AND NOT EXISTS (SELECT 1 FROM project_users WHERE project_id = ? AND user_id = users.id)
      ORDER BY users.email LIMIT 40`,
  )
  const deployments = db.prepare<[string], { name: string; version: string }>(
    `SELECT deployments.name, deployment_versions.version FROM deployments
       JOIN deployment_versions ON deployment_versions.deployment_id = deployments.id
      WHERE deployments.project_id = ? ORDER BY deployments.name, deployment_versions.version`,
  )

  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!
  const at = (daysAgo: number) => {
    const seconds = 7 * 3600 + Math.floor(next() * 11 * 3600)
    const time = new Date(seconds * 1000).toISOString().slice(11, 23) // milliseconds .000
    return `${addDays(today, -daysAgo)}T${time}000Z`
  }

  for (const project of projects) {
    const events: (NewAuditEvent & { date: string })[] = []
    const actors = [adminId, adminId, ...admins.all(project.organization_id).map((row) => row.id)]
    /** Events of one change: made by one person within the same minute, in this order. */
    const add = (daysAgo: number, ...change: Omit<NewAuditEvent, 'projectId' | 'userId' | 'date'>[]) => {
      const userId = pick(actors)
      const start = at(daysAgo)
      change.forEach((event, index) =>
        events.push({
          projectId: project.id,
          userId,
          date: start.replace(/\.\d{3}/, `.${String(index).padStart(3, '0')}`),
          ...event,
        }),
      )
    }
    const organizationAdmins = new Set(admins.all(project.organization_id).map((row) => row.id))
    // The organization's admins were made project admins when the project was made; the others joined since.
    const members = usersOf.all(project.id).filter((user) => !organizationAdmins.has(user.id))

    // Members of the team joined over the months.
    for (const user of members.filter(() => next() < 0.6)) {
      const daysAgo = 1 + Math.floor(next() * AUDIT_SEED_DAYS)
      const joined = say.roleGiven(user.email, onProject(user.role), project.name)
      add(daysAgo, { action: 'create', objectType: 'role_assignment', objectName: user.email, event: joined })
    }
    // Some changed role: the old one taken, then the new one given.
    for (const user of members.filter((candidate) => candidate.role !== 'project-admin' && next() < 0.35)) {
      const daysAgo = 1 + Math.floor(next() * (AUDIT_SEED_DAYS - 1))
      const old = user.role === 'project-editor' ? 'project-viewer' : 'project-editor'
      add(
        daysAgo,
        {
          action: 'delete',
          objectType: 'role_assignment',
          objectName: user.email,
          event: say.roleTaken(user.email, onProject(old)),
        },
        {
          action: 'create',
          objectType: 'role_assignment',
          objectName: user.email,
          event: say.roleGiven(user.email, onProject(user.role)),
        },
      )
    }
    // Others came and went again.
    const passing = outsiders.all(project.organization_id, project.id)
    for (let index = 0; index < Math.min(passing.length, 2 + Math.floor(next() * 4)); index += 1) {
      const person = pick(passing)
      const role = next() < 0.5 ? 'project-viewer' : 'project-editor'
      const joined = 30 + Math.floor(next() * (AUDIT_SEED_DAYS - 30))
      const left = Math.max(1, joined - 5 - Math.floor(next() * 25))
      add(
        joined,
        {
          action: 'create',
          objectType: 'user',
          objectName: person.email,
          event: say.userAdded(person.email, project.name),
        },
        {
          action: 'create',
          objectType: 'role_assignment',
          objectName: person.email,
          event: say.roleGiven(person.email, onProject(role)),
        },
      )
      add(left, {
        action: 'delete',
        objectType: 'user',
        objectName: person.email,
        event: say.userRemoved(person.email, project.name, [onProject(role)]),
      })
    }
    // Deployment versions tuned now and then.
    const versions = deployments.all(project.id)
    for (let index = 0; versions.length > 0 && index < 2 + Math.floor(next() * 3); index += 1) {
      const { name, version } = pick(versions)
      const before = 256 * 2 ** Math.floor(next() * 3)
      add(1 + Math.floor(next() * AUDIT_SEED_DAYS), {
        action: 'update',
        objectType: 'deployment_version',
        objectName: `${name}/${version}`,
        event: say.versionChanged(`${name}/${version}`, 'memory', `${before} MiB`, `${before * 2} MiB`),
      })
    }
    if (project.name === jump.projectName) {
      const objectName = `${jump.deploymentName}/${jump.version}`
      events.push({
        projectId: project.id,
        userId: adminId,
        date: `${addDays(today, -jump.daysAgo)}T09:14:03.000000Z`,
        action: 'update',
        objectType: 'deployment_version',
        objectName,
        event: say.versionChanged(objectName, 'maximum instances', '2', '5'),
      })
    }

    events.sort((a, b) => a.date.localeCompare(b.date))
    for (const event of events) audit.record(event)
  }
}
