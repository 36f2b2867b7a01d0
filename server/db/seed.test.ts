import { afterAll, describe, expect, it } from 'vitest'
import { removeDatabase, temporaryDatabasePath } from '../test/helpers'
import { addDays } from '../../domain/dates'
import { openDatabase } from './open'
import { serviceUserFlags } from '../../domain/service-users'
import { DEMO, seedIfEmpty } from './seed'

const now = new Date('2026-06-15T12:00:00Z')
const paths = [temporaryDatabasePath('seed-a'), temporaryDatabasePath('seed-b')]
const [dbA, dbB] = paths.map(openDatabase) as [
  ReturnType<typeof openDatabase>,
  ReturnType<typeof openDatabase>,
]
afterAll(() => {
  dbA.close()
  dbB.close()
  paths.forEach(removeDatabase)
})

describe('seedIfEmpty', () => {
  it('seeds in well under 5 seconds, once', () => {
    const result = seedIfEmpty(dbA, now)
    expect(result).not.toBeNull()
    expect(result!.durationMs).toBeLessThan(5000)
    expect(result!.adminToken).toMatch(/^[0-9a-f]{64}$/)
    expect(seedIfEmpty(dbA, now)).toBeNull()
  })

  it('is deterministic for a given day', () => {
    seedIfEmpty(dbB, now)
    const dump = (db: typeof dbA) =>
      JSON.stringify([
        db.prepare('SELECT * FROM organizations ORDER BY name').all(),
        db.prepare('SELECT id, email, name, surname FROM users ORDER BY email LIMIT 50').all(),
        db
          .prepare(
            'SELECT * FROM usage_daily ORDER BY organization_id, day, project_id, object_type, metric LIMIT 500',
          )
          .all(),
      ])
    expect(dump(dbB)).toBe(dump(dbA))
  })

  it('has the demo organizations on different subscriptions, the large one with 10,000 members', () => {
    const organizations = dbA
      .prepare(
        `SELECT name, subscription, (SELECT count(*) FROM memberships WHERE organization_id = organizations.id) AS members
           FROM organizations ORDER BY name`,
      )
      .all() as { name: string; subscription: string; members: number }[]
    expect(organizations.map((o) => o.name)).toEqual([...DEMO.organizations].sort())
    expect(new Set(organizations.map((o) => o.subscription)).size).toBe(3)
    expect(organizations.find((o) => o.name === DEMO.largeOrganization)!.members).toBe(10_000)
  })

  it('makes the demo admin admin of every demo organization and the member a plain member', () => {
    const query = dbA.prepare(
      `SELECT organizations.name, memberships.admin FROM memberships
         JOIN users ON users.id = memberships.user_id JOIN organizations ON organizations.id = memberships.organization_id
        WHERE users.email = ? ORDER BY organizations.name`,
    )
    const roles = (email: string) => query.all(email) as { name: string; admin: number }[]
    expect(roles(DEMO.adminEmail)).toEqual(
      DEMO.organizations.map((name) => ({ name, admin: 1 })).sort((a, b) => a.name.localeCompare(b.name)),
    )
    expect(roles(DEMO.memberEmail).every((r) => r.admin === 0)).toBe(true)
    expect(roles(DEMO.memberEmail)).toHaveLength(3)
  })

  it('has projects, deployments and pipelines', () => {
    for (const table of [
      'projects',
      'deployments',
      'deployment_versions',
      'pipelines',
      'pipeline_versions',
      'project_users',
      'role_assignments',
    ]) {
      const { c } = dbA.prepare(`SELECT count(*) AS c FROM ${table}`).get() as { c: number }
      expect(c, table).toBeGreaterThan(5)
    }
  })

  it('gives project access a believable spread: admins everywhere, teams, an admins-only project, people in none', () => {
    const usersOf = (project: string) =>
      dbA
        .prepare(
          `SELECT users.email, memberships.admin, group_concat(roles.name) AS roles
             FROM project_users JOIN projects ON projects.id = project_users.project_id
             JOIN users ON users.id = project_users.user_id
             JOIN memberships ON memberships.organization_id = projects.organization_id AND memberships.user_id = users.id
             LEFT JOIN role_assignments ON role_assignments.project_id = projects.id AND role_assignments.user_id = users.id
             LEFT JOIN roles ON roles.id = role_assignments.role_id
            WHERE projects.name = ? GROUP BY users.id`,
        )
        .all(project) as { email: string; admin: number; roles: string | null }[]
    const liveProjects = dbA.prepare('SELECT name FROM projects WHERE deletion_date IS NULL').all() as {
      name: string
    }[]
    for (const { name } of liveProjects) {
      const users = usersOf(name)
      // Every organization admin holds project-admin on every project (as the hosted API gives it on creation).
      expect(
        users.filter((user) => user.admin === 1).every((user) => user.roles === 'project-admin'),
        name,
      ).toBe(true)
      expect(
        users.every((user) => user.roles !== null),
        name,
      ).toBe(true)
      const onlyAdmins = users.every((user) => user.admin === 1)
      expect(onlyAdmins, name).toBe((DEMO.adminsOnlyProjects as readonly string[]).includes(name))
    }
    // The demo member is in exactly the projects the seed says, with the role it says.
    const memberProjects = dbA
      .prepare(
        `SELECT projects.name, roles.name AS role FROM role_assignments
           JOIN projects ON projects.id = role_assignments.project_id JOIN roles ON roles.id = role_assignments.role_id
           JOIN users ON users.id = role_assignments.user_id WHERE users.email = ? ORDER BY projects.creation_date, projects.name`,
      )
      .all(DEMO.memberEmail) as { name: string; role: string }[]
    expect(memberProjects.map((row) => row.name).sort()).toEqual(
      Object.values(DEMO.memberProjects).flat().sort(),
    )
    expect(memberProjects.find((row) => row.name === 'churn-acme')?.role).toBe('project-editor')
    expect(memberProjects.find((row) => row.name === 'vision-acme')?.role).toBe('project-viewer')
    // Some members of each organization with more than its admins are in no project at all.
    const inNoProject = dbA
      .prepare(
        `SELECT organizations.name, count(*) AS c FROM memberships JOIN organizations ON organizations.id = memberships.organization_id
          WHERE NOT EXISTS (SELECT 1 FROM project_users WHERE project_users.organization_id = memberships.organization_id
                              AND project_users.user_id = memberships.user_id)
          GROUP BY organizations.name`,
      )
      .all() as { name: string; c: number }[]
    expect(new Set(inNoProject.map((row) => row.name))).toEqual(new Set(DEMO.organizations))
    // Some projects have a project admin who is not an organization admin.
    const delegated = dbA
      .prepare(
        `SELECT count(*) AS c FROM role_assignments JOIN roles ON roles.id = role_assignments.role_id
           JOIN projects ON projects.id = role_assignments.project_id
           JOIN memberships ON memberships.organization_id = projects.organization_id AND memberships.user_id = role_assignments.user_id
          WHERE roles.name = 'project-admin' AND memberships.admin = 0`,
      )
      .get() as { c: number }
    expect(delegated.c).toBeGreaterThan(0)
    expect(dbA.pragma('foreign_key_check')).toEqual([])
  })

  it('has at least 400 days of usage with a weekday rhythm and growth', () => {
    const org = dbA.prepare('SELECT id FROM organizations WHERE name = ?').get(DEMO.largeOrganization) as {
      id: string
    }
    const days = dbA
      .prepare(
        `SELECT day, sum(value) AS value FROM usage_daily WHERE organization_id = ? AND object_type = 'deployment_version'
           AND metric = 'credits' GROUP BY day ORDER BY day`,
      )
      .all(org.id) as { day: string; value: number }[]
    expect(days.length).toBeGreaterThanOrEqual(400)
    expect(days.at(-1)!.day).toBe('2026-06-15')
    expect(days[0]!.day).toBe(addDays('2026-06-15', -(DEMO.usageDays - 1)))
    const average = (rows: typeof days) => rows.reduce((sum, r) => sum + r.value, 0) / rows.length
    const isWeekend = (day: string) => [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay())
    expect(average(days.filter((d) => !isWeekend(d.day)))).toBeGreaterThan(
      2 * average(days.filter((d) => isWeekend(d.day))),
    )
    expect(average(days.slice(-60))).toBeGreaterThan(1.5 * average(days.slice(0, 60)))
  })

  it('splits the credits over projects: a few heavy, many light, one started half-way, one deleted with recent usage', () => {
    const org = dbA.prepare('SELECT id FROM organizations WHERE name = ?').get(DEMO.projectsOrganization) as {
      id: string
    }
    const shares = dbA
      .prepare(
        `SELECT projects.name, projects.deletion_date, min(usage_daily.day) AS first, max(usage_daily.day) AS last,
                sum(usage_daily.value) AS credits
           FROM usage_daily JOIN projects ON projects.id = usage_daily.project_id
          WHERE usage_daily.organization_id = ? AND usage_daily.metric = 'credits'
          GROUP BY projects.id`,
      )
      .all(org.id) as {
      name: string
      deletion_date: string | null
      first: string
      last: string
      credits: number
    }[]
    const total = shares.reduce((sum, project) => sum + project.credits, 0)
    const heavy = shares.filter((project) => project.credits / total > 0.1)
    const light = shares.filter((project) => project.credits / total < 0.04)
    expect(heavy.length).toBeGreaterThanOrEqual(3)
    expect(heavy.length).toBeLessThanOrEqual(4)
    expect(light.length).toBeGreaterThanOrEqual(6)
    const firstDay = addDays('2026-06-15', -(DEMO.usageDays - 1))
    const midway = shares.filter((project) => project.first > firstDay && !project.deletion_date)
    expect(midway).toHaveLength(1)
    expect(midway[0]!.first > addDays(firstDay, 100)).toBe(true)
    const deleted = shares.filter((project) => project.deletion_date)
    expect(deleted.map((project) => project.name)).toEqual([DEMO.deletedProject.name])
    expect(deleted[0]!.last).toBe(addDays('2026-06-15', -DEMO.deletedProject.deletedDaysAgo - 1))
    expect(deleted[0]!.last > addDays('2026-06-15', -90)).toBe(true)
  })

  it('records credits per deployment version, and every project rollup is the sum of its versions', () => {
    const mismatches = dbA
      .prepare(
        `SELECT usage_daily.project_id, usage_daily.day, usage_daily.value, versions.value AS versions
           FROM usage_daily
           LEFT JOIN (SELECT project_id, day, sum(value) AS value FROM usage_daily_by_version GROUP BY project_id, day)
                AS versions ON versions.project_id = usage_daily.project_id AND versions.day = usage_daily.day
          WHERE usage_daily.metric = 'credits' AND abs(usage_daily.value - coalesce(versions.value, 0)) > 0.001`,
      )
      .all()
    expect(mismatches).toEqual([])
    const { c } = dbA.prepare('SELECT count(*) AS c FROM usage_daily_by_version').get() as { c: number }
    expect(c).toBeGreaterThan(10_000)
  })

  it('has a weekly rhythm in every organization', () => {
    const rows = dbA
      .prepare(
        `SELECT organizations.name, strftime('%w', day) IN ('0', '6') AS weekend, avg(value) AS value FROM
           (SELECT organization_id, day, sum(value) AS value FROM usage_daily WHERE metric = 'credits' GROUP BY organization_id, day)
           JOIN organizations ON organizations.id = organization_id GROUP BY organizations.name, weekend`,
      )
      .all() as { name: string; weekend: number; value: number }[]
    for (const name of DEMO.organizations) {
      const [weekday, weekend] = [0, 1].map(
        (kind) => rows.find((r) => r.name === name && r.weekend === kind)!.value,
      )
      expect(weekday, name).toBeGreaterThan(2 * weekend!)
    }
  })

  it("doubles the jump project's credits from the jump day, through the one deployment version it names", () => {
    const { projectName, deploymentName, version, daysAgo } = DEMO.usageJump
    const jumpDay = addDays('2026-06-15', -daysAgo)
    const byVersion = dbA
      .prepare(
        `SELECT deployments.name || '/' || deployment_versions.version AS version, usage_daily_by_version.day >= ? AS after,
                sum(usage_daily_by_version.value) AS value
           FROM usage_daily_by_version JOIN projects ON projects.id = usage_daily_by_version.project_id
           JOIN deployment_versions ON deployment_versions.id = usage_daily_by_version.deployment_version_id
           JOIN deployments ON deployments.id = deployment_versions.deployment_id
          WHERE projects.name = ? AND usage_daily_by_version.day >= ? AND usage_daily_by_version.day < ?
          GROUP BY 1, 2`,
      )
      // Two weeks before the jump day and two weeks from it: the same weekdays on both sides.
      .all(jumpDay, projectName, addDays(jumpDay, -14), addDays(jumpDay, 14)) as {
      version: string
      after: number
      value: number
    }[]
    const total = (after: number) =>
      byVersion.filter((r) => r.after === after).reduce((sum, r) => sum + r.value, 0)
    // The history ends today: 12 days from the jump day (today included), against 14 before.
    const ratio = total(1) / 13 / (total(0) / 14)
    expect(ratio).toBeGreaterThan(1.7)
    expect(ratio).toBeLessThan(2.4)
    const change = (key: string) =>
      (byVersion.find((r) => r.version === key && r.after === 1)?.value ?? 0) / 13 -
      (byVersion.find((r) => r.version === key && r.after === 0)?.value ?? 0) / 14
    const changes = [...new Set(byVersion.map((r) => r.version))].map((key) => ({ key, change: change(key) }))
    changes.sort((a, b) => b.change - a.change)
    expect(changes[0]!.key).toBe(`${deploymentName}/${version}`)
    expect(changes[0]!.change).toBeGreaterThan(0.8 * (total(1) / 13 - total(0) / 14))
  })

  it('keeps a deleted deployment version, with usage until the day before its deletion', () => {
    const { projectName, deploymentName, version, deletedDaysAgo } = DEMO.deletedVersion
    const row = dbA
      .prepare(
        `SELECT deployment_versions.deletion_date, min(usage_daily_by_version.day) AS first, max(usage_daily_by_version.day) AS last
           FROM deployment_versions JOIN deployments ON deployments.id = deployment_versions.deployment_id
           JOIN projects ON projects.id = deployments.project_id
           JOIN usage_daily_by_version ON usage_daily_by_version.deployment_version_id = deployment_versions.id
          WHERE projects.name = ? AND deployments.name = ? AND deployment_versions.version = ?`,
      )
      .get(projectName, deploymentName, version) as { deletion_date: string; first: string; last: string }
    const deletedOn = addDays('2026-06-15', -deletedDaysAgo)
    expect(row.deletion_date.slice(0, 10)).toBe(deletedOn)
    expect(row.last).toBe(addDays(deletedOn, -1))
    expect(row.first < addDays(deletedOn, -90)).toBe(true)
    const others = dbA
      .prepare('SELECT count(*) AS c FROM deployment_versions WHERE deletion_date IS NOT NULL')
      .get() as { c: number }
    expect(others.c).toBe(1)
  })

  it('has the demo vouchers, buckets and environments', () => {
    const vouchers = dbA.prepare('SELECT code, description FROM vouchers ORDER BY code').all()
    expect(vouchers).toEqual([...DEMO.vouchers].sort((a, b) => a.code.localeCompare(b.code)))
    for (const table of ['buckets', 'environments']) {
      const { c } = dbA.prepare(`SELECT count(*) AS c FROM ${table}`).get() as { c: number }
      expect(c, table).toBeGreaterThan(5)
    }
  })

  it('has service users expiring soon, never used, used yesterday, unused for months and one expired', () => {
    const rows = dbA
      .prepare(
        `SELECT service_users.name, projects.name AS project, expiry_date, token_last_used
           FROM service_users JOIN projects ON projects.id = service_users.project_id ORDER BY service_users.name`,
      )
      .all() as {
      name: string
      project: string
      expiry_date: string | null
      token_last_used: string | null
    }[]
    const flags = rows.map((row) => ({
      name: row.name,
      project: row.project,
      ...serviceUserFlags(row.expiry_date, row.token_last_used, now.getTime()),
    }))
    const named = (flag: keyof ReturnType<typeof serviceUserFlags>) =>
      flags.filter((row) => row[flag]).map((row) => row.name)
    expect(named('isExpiringSoon')).toEqual(['nightly-export', 'reporting'])
    expect(named('isExpired')).toEqual(['old-dashboard'])
    expect(named('isNeverUsed')).toEqual(['ci-deploy', 'reporting'])
    expect(named('isUnused')).toEqual(['legacy-batch'])
    const yesterday = rows.find((row) => row.name === 'nightly-export')!.token_last_used!
    expect(yesterday.slice(0, 10)).toBe(addDays('2026-06-15', -1))
    expect(rows.map((row) => row.project)).toEqual(
      [...DEMO.serviceUsers].sort((a, b) => a.name.localeCompare(b.name)).map((demo) => demo.project),
    )
  })

  it("gives the demo's service users their roles on their own projects", () => {
    const held = dbA
      .prepare(
        `SELECT service_users.name, roles.name AS role FROM role_assignments
           JOIN service_users ON service_users.id = role_assignments.service_user_id
                             AND service_users.project_id = role_assignments.project_id
           JOIN roles ON roles.id = role_assignments.role_id
          WHERE role_assignments.resource_type = 'project' ORDER BY service_users.name`,
      )
      .all()
    expect(held).toEqual(
      DEMO.serviceUsers
        .filter((demo) => demo.role !== null)
        .map((demo) => ({ name: demo.name, role: demo.role }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    )
  })
})
