import { afterAll, describe, expect, it } from 'vitest'
import { removeDatabase, temporaryDatabasePath } from '../test/helpers'
import { loadMigrations, migrate } from './migrate'
import { openDatabase } from './open'

const path = temporaryDatabasePath('migrate')
afterAll(() => removeDatabase(path))

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
})
