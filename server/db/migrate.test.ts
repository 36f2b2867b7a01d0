import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { removeDatabase, temporaryDatabasePath } from '../test/helpers'
import { membersRepository } from '../repositories/members'
import { loadMigrations, migrate } from './migrate'
import { openDatabase } from './open'

const path = temporaryDatabasePath('migrate')
afterAll(() => removeDatabase(path))

/**
 * A database file as it was before migration `version`: the earlier migrations applied and recorded,
 * then `rows` (SQL) written into it, with foreign keys on. Returns its path; the caller removes it.
 */
function databaseBefore(version: number, label: string, rows: string): string {
  const oldPath = temporaryDatabasePath(label)
  const raw = new Database(oldPath)
  try {
    raw.pragma('foreign_keys = ON')
    raw.exec(
      'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    )
    for (const migration of loadMigrations().filter((m) => m.version < version)) {
      raw.exec(migration.sql)
      raw
        .prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)')
        .run(migration.version, migration.name, '2026-01-01')
    }
    raw.exec(rows)
  } finally {
    raw.close()
  }
  return oldPath
}

describe('migrations', () => {
  it('are numbered files applied once, in order, with WAL and foreign keys on', () => {
    const migrations = loadMigrations()
    // Unique and increasing; numbers may be missing on a branch (parallel work reserves them).
    const versions = migrations.map((m) => m.version)
    expect(versions[0]).toBe(1)
    versions.slice(1).forEach((version, i) => expect(version).toBeGreaterThan(versions[i]!))
    const db = openDatabase(path)
    try {
      expect(migrate(db)).toBe(0)
      const applied = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all()
      expect(applied).toEqual(migrations.map((m) => ({ version: m.version })))
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
      expect(() =>
        db
          .prepare(
            "INSERT INTO memberships (organization_id, user_id, admin, creation_date) VALUES ('x', 'y', 0, '')",
          )
          .run(),
      ).toThrow(/FOREIGN KEY/)
    } finally {
      db.close()
    }
    // Opening again applies nothing new.
    const again = openDatabase(path)
    expect(again.prepare('SELECT count(*) AS c FROM schema_migrations').get()).toEqual({
      c: migrations.length,
    })
    again.close()
  })

  it('005 leaves no answer-cache version table, and no trigger bumping it', () => {
    const db = openDatabase(path)
    try {
      const leftovers = db
        .prepare<[], { type: string; name: string }>(
          "SELECT type, name FROM sqlite_master WHERE name = 'organization_versions' OR sql LIKE '%organization_versions%'",
        )
        .all()
      expect(leftovers).toEqual([])
    } finally {
      db.close()
    }
  })

  it('reads usage ranges through the primary key', () => {
    const db = openDatabase(path)
    try {
      const plan = db
        .prepare(
          "EXPLAIN QUERY PLAN SELECT day, object_type, metric, value FROM usage_daily WHERE organization_id = 'o' AND day >= '2020-01-01' AND day < '2020-02-01'",
        )
        .all() as { detail: string }[]
      expect(plan.map((row) => row.detail).join(' ')).toMatch(
        /SEARCH usage_daily USING PRIMARY KEY \(organization_id=\? AND day>\? AND day<\?\)/,
      )
    } finally {
      db.close()
    }
  })

  it('008 lists members in email order from an index: keys for memberships made before it, new ones and changed emails', () => {
    const oldPath = databaseBefore(
      8,
      'migrate-008',
      `
        INSERT INTO users (id, email, creation_date) VALUES ('u1', 'b@x.com', ''), ('u2', 'C@x.com', ''), ('u3', 'd@x.com', '');
        INSERT INTO organizations (id, name, creation_date, subscription, subscription_start_date)
          VALUES ('o1', 'org-one', '', 'free', '2026-01-01');
        INSERT INTO memberships (organization_id, user_id, admin, creation_date) VALUES ('o1', 'u3', 1, ''), ('o1', 'u2', 0, '');`,
    )
    const db = openDatabase(oldPath)
    try {
      db.exec(`INSERT INTO memberships (organization_id, user_id, admin, creation_date) VALUES ('o1', 'u1', 0, '');
        UPDATE users SET email = 'a@x.com' WHERE id = 'u3';`)
      const members = membersRepository(db)
      const emails = (JSON.parse(members.listJson('o1')) as { email: string }[]).map((member) => member.email)
      expect(emails).toEqual(['a@x.com', 'b@x.com', 'C@x.com'])
      expect(members.list('o1').map((member) => member.email)).toEqual(emails)
      const plan = db
        .prepare(
          "EXPLAIN QUERY PLAN SELECT user_id FROM memberships WHERE organization_id = 'o1' ORDER BY email",
        )
        .all() as { detail: string }[]
      expect(plan.map((row) => row.detail).join(' ')).toMatch(/USING COVERING INDEX memberships_by_email/)
      expect(plan.map((row) => row.detail).join(' ')).not.toMatch(/TEMP B-TREE/)
    } finally {
      db.close()
      removeDatabase(oldPath)
    }
  })

  it('002 moves rollups recorded before projects to the first project, making a "default" one where none was', () => {
    const oldPath = temporaryDatabasePath('migrate-002')
    const raw = new Database(oldPath)
    try {
      // The schema as it was after 001, with data in it.
      raw.exec(
        'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
      )
      const first = loadMigrations()[0]!
      raw.exec(first.sql)
      raw.prepare('INSERT INTO schema_migrations VALUES (1, ?, ?)').run(first.name, '2026-01-01')
      const organization = raw.prepare(
        "INSERT INTO organizations (id, name, creation_date, subscription, subscription_start_date) VALUES (?, ?, ?, 'free', '2020-01-01')",
      )
      organization.run('o1', 'with-projects', '2020-01-01T00:00:00.000000Z')
      organization.run('o2', 'without-projects', '2020-01-02T00:00:00.000000Z')
      const project = raw.prepare(
        'INSERT INTO projects (id, organization_id, name, creation_date) VALUES (?, ?, ?, ?)',
      )
      project.run('p-late', 'o1', 'aaa', '2020-03-01T00:00:00.000000Z')
      project.run('p-first', 'o1', 'zzz', '2020-01-01T00:00:00.000000Z')
      const usage = raw.prepare(
        "INSERT INTO usage_daily (organization_id, day, object_type, metric, value) VALUES (?, ?, 'deployment_version', 'credits', ?)",
      )
      usage.run('o1', '2020-01-01', 3)
      usage.run('o2', '2020-01-01', 4)
    } finally {
      raw.close()
    }
    const db = openDatabase(oldPath)
    try {
      const rows = db
        .prepare(
          `SELECT usage_daily.organization_id, projects.name, projects.id, usage_daily.value FROM usage_daily
             JOIN projects ON projects.id = usage_daily.project_id ORDER BY usage_daily.organization_id`,
        )
        .all() as { organization_id: string; name: string; id: string; value: number }[]
      expect(rows.map((row) => [row.organization_id, row.name, row.value])).toEqual([
        ['o1', 'zzz', 3],
        ['o2', 'default', 4],
      ])
      expect(rows[1]!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
      const organizations = db
        .prepare('SELECT two_factor_authentication_forced, overage_usage, voucher FROM organizations')
        .all()
      expect(organizations).toEqual([
        { two_factor_authentication_forced: 0, overage_usage: 0, voucher: null },
        { two_factor_authentication_forced: 0, overage_usage: 0, voucher: null },
      ])
    } finally {
      db.close()
      removeDatabase(oldPath)
    }
  })
  it('007 turns the roles recorded before into project users and assignments, and makes live project names unique', () => {
    const oldPath = databaseBefore(
      7,
      'migrate-007',
      `
        INSERT INTO users (id, email, creation_date) VALUES ('u1', 'a@x.com', ''), ('u2', 'b@x.com', ''), ('u3', 'c@x.com', '');
        INSERT INTO organizations (id, name, creation_date, subscription, subscription_start_date) VALUES
          ('o1', 'one', '2020-01-01', 'free', '2020-01-01'), ('o2', 'two', '2020-01-02', 'free', '2020-01-01');
        INSERT INTO memberships (organization_id, user_id, admin, creation_date) VALUES
          ('o1', 'u1', 1, ''), ('o1', 'u2', 0, ''), ('o2', 'u3', 1, '');
        INSERT INTO projects (id, organization_id, name, creation_date) VALUES
          ('p1', 'o1', 'default', '2020-01-01T00:00:00.000000Z'), ('p2', 'o2', 'default', '2020-02-01T00:00:00.000000Z');
        INSERT INTO project_roles (project_id, user_id, role) VALUES
          ('p1', 'u1', 'project-admin'), ('p1', 'u2', 'project-viewer'), ('p1', 'u2', 'project-editor'),
          ('p1', 'u3', 'project-viewer'), ('p1', 'u2', 'no-such-role');
      `,
    )
    const db = openDatabase(oldPath)
    try {
      expect(
        db.prepare("SELECT count(*) AS c FROM sqlite_master WHERE name = 'project_roles'").get(),
      ).toEqual({ c: 0 })
      // u3 is not a member of o1: left out, as removing the member would have done.
      expect(db.prepare('SELECT user_id FROM project_users ORDER BY user_id').pluck().all()).toEqual([
        'u1',
        'u2',
      ])
      const roles = db
        .prepare(
          `SELECT role_assignments.user_id, roles.name FROM role_assignments JOIN roles ON roles.id = role_assignments.role_id
            WHERE role_assignments.resource_type = 'project' ORDER BY 1, 2`,
        )
        .all()
      expect(roles).toEqual([
        { user_id: 'u1', name: 'project-admin' },
        { user_id: 'u2', name: 'project-editor' },
        { user_id: 'u2', name: 'project-viewer' },
      ])
      // The older "default" keeps its name; the other gets its id's first characters.
      expect(db.prepare('SELECT id, name FROM projects ORDER BY id').all()).toEqual([
        { id: 'p1', name: 'default' },
        { id: 'p2', name: 'default-p2' },
      ])
      // The schema now refuses what the rules forbid.
      expect(() =>
        db
          .prepare(
            "INSERT INTO project_users (project_id, organization_id, user_id, creation_date) VALUES ('p1', 'o1', 'u3', '')",
          )
          .run(),
      ).toThrow(/FOREIGN KEY/)
      db.prepare("DELETE FROM memberships WHERE organization_id = 'o1' AND user_id = 'u2'").run()
      expect(db.prepare("SELECT count(*) AS c FROM role_assignments WHERE user_id = 'u2'").get()).toEqual({
        c: 0,
      })
      expect(db.pragma('foreign_key_check')).toEqual([])
    } finally {
      db.close()
      removeDatabase(oldPath)
    }
  })

  it('013 keeps every role assignment, and lets a service user hold roles in its own project only', () => {
    const oldPath = databaseBefore(
      13,
      'migrate-013',
      `
        INSERT INTO users (id, email, creation_date) VALUES ('u1', 'a@x.com', '');
        INSERT INTO organizations (id, name, creation_date, subscription, subscription_start_date) VALUES
          ('o1', 'one', '2020-01-01', 'free', '2020-01-01');
        INSERT INTO memberships (organization_id, user_id, admin, creation_date) VALUES ('o1', 'u1', 1, '');
        INSERT INTO projects (id, organization_id, name, creation_date) VALUES ('p1', 'o1', 'one-p', ''), ('p2', 'o1', 'two-p', '');
        INSERT INTO project_users (project_id, organization_id, user_id, creation_date) VALUES ('p1', 'o1', 'u1', '');
        INSERT INTO deployments (id, project_id, name) VALUES ('d1', 'p1', 'scorer');
        INSERT INTO service_users (id, project_id, email, token_hash, creation_date) VALUES ('s1', 'p1', 's1@x', 'h', '');
        INSERT INTO role_assignments (id, project_id, role_id, assignee_type, user_id, deployment_id, resource_type,
                                      resource_deployment_id, creation_date)
        SELECT 'a1', 'p1', id, 'user', 'u1', NULL, 'project', NULL, '1' FROM roles WHERE name = 'project-admin'
        UNION ALL
        SELECT 'a2', 'p1', id, 'deployment', NULL, 'd1', 'deployment', 'd1', '2' FROM roles WHERE name = 'project-viewer';
      `,
    )
    const db = openDatabase(oldPath)
    try {
      const rows = () =>
        db
          .prepare('SELECT id, assignee_type, assignee_id, resource_id FROM role_assignments ORDER BY id')
          .all()
      expect(rows()).toEqual([
        { id: 'a1', assignee_type: 'user', assignee_id: 'u1', resource_id: 'p1' },
        { id: 'a2', assignee_type: 'deployment', assignee_id: 'd1', resource_id: 'd1' },
      ])
      const give = db.prepare(
        `INSERT INTO role_assignments (id, project_id, role_id, assignee_type, service_user_id, resource_type, creation_date)
         SELECT ?, ?, id, 'user', 's1', 'project', '' FROM roles WHERE name = 'project-viewer'`,
      )
      give.run('a3', 'p1')
      expect(() => give.run('a4', 'p1')).toThrow(/UNIQUE/)
      expect(() => give.run('a5', 'p2')).toThrow(/FOREIGN KEY/)
      // Exactly one assignee: a person and a service user at once is refused.
      expect(() => db.prepare("UPDATE role_assignments SET user_id = 'u1' WHERE id = 'a3'").run()).toThrow(
        /CHECK|FOREIGN KEY/,
      )
      db.prepare("DELETE FROM service_users WHERE id = 's1'").run()
      expect(rows()).toHaveLength(2)
      expect(db.pragma('foreign_key_check')).toEqual([])
    } finally {
      db.close()
      removeDatabase(oldPath)
    }
  })
})
