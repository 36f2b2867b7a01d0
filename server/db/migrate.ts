import type Database from 'better-sqlite3'
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url))

interface Migration {
  version: number
  name: string
  sql: string
}

/** The numbered files of db/migrations (`001_initial.sql`, ...), in order. */
export function loadMigrations(): Migration[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((file) => /^\d+_.+\.sql$/.test(file))
    .map((file) => ({
      version: Number(file.split('_')[0]),
      name: file,
      sql: readFileSync(MIGRATIONS_DIR + file, 'utf8'),
    }))
    .sort((a, b) => a.version - b.version)
}

/**
 * Applies the migrations this database has not seen yet. Each runs in its own BEGIN IMMEDIATE
 * transaction that re-reads the applied versions first, so two processes opening a fresh file at
 * the same moment (the server and `npm run api:token`) never apply one twice.
 */
export function migrate(db: Database.Database): number {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`)
  const applied = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?')
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
  let count = 0
  for (const migration of loadMigrations()) {
    const apply = db.transaction(() => {
      if (applied.get(migration.version)) return
      db.exec(migration.sql)
      record.run(migration.version, migration.name, new Date().toISOString())
      count += 1
    })
    apply.immediate()
  }
  return count
}
