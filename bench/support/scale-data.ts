// Databases for the scale curves, built once with the real schema (the migrations), in one
// transaction with prepared statements, in primary-key order; cached under bench/.cache
// (git-ignored) and rebuilt when the migrations change.
import Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs'
import { basename, join } from 'node:path'
import { loadMigrations, migrate } from '../../server/db/migrate'
import { addDays } from '../../domain/dates'
import { USAGE_SERIES } from '../../domain/usage'

const CACHE_DIR = 'bench/.cache'

export const BENCH_EMAIL = 'bench@scale.example'
export const TARGET_ORGANIZATION = 'scale-target'

/** Each organization has this many days of daily usage: 5 series a day (3 deployment, 2 pipeline metrics). */
export const USAGE_DAYS = 500
export const USAGE_FIRST_DAY = '2023-09-01'
export const ROWS_PER_ORGANIZATION = USAGE_DAYS * USAGE_SERIES.length

export interface ScaleDatabase {
  path: string
  /** how long building it took now, or null when it came from the cache */
  builtInMs: number | null
}

function schemaVersion(): string {
  const hash = createHash('sha256')
  for (const migration of loadMigrations()) hash.update(migration.sql)
  return hash.digest('hex').slice(0, 10)
}

/** Returns the cached file, or builds it into a temporary file first so a cut-short build is never reused. */
function cached(name: string, build: (db: Database.Database) => void): ScaleDatabase {
  mkdirSync(CACHE_DIR, { recursive: true })
  const path = join(CACHE_DIR, `${name}-${schemaVersion()}.db`)
  if (existsSync(path)) return { path, builtInMs: null }
  // Files built for an older schema are dead weight (the 10M-row one is about 1 GB).
  for (const file of readdirSync(CACHE_DIR))
    if (file.startsWith(`${name}-`) && !file.startsWith(basename(path)))
      rmSync(join(CACHE_DIR, file), { force: true })
  const started = performance.now()
  const building = `${path}.building`
  rmSync(building, { force: true })
  const db = new Database(building)
  // A throw-away file until renamed: no journal, no fsync.
  db.pragma('journal_mode = OFF')
  db.pragma('synchronous = OFF')
  db.pragma('cache_size = -262144') // 256 MB
  migrate(db)
  db.transaction(() => build(db))()
  db.close()
  renameSync(building, path)
  return { path, builtInMs: Math.round(performance.now() - started) }
}

/** Deterministic UUID-shaped ids, so files built on two machines are the same. */
function uuid(kind: number, index: number): string {
  const hex = (kind * 1e9 + index).toString(16).padStart(32, '0')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20)}`
}

function insertBenchUser(db: Database.Database, id: string): void {
  db.prepare(
    "INSERT INTO users (id, email, name, surname, staff, creation_date) VALUES (?, ?, 'Bench', 'User', 0, '2023-01-01T00:00:00.000000Z')",
  ).run(id, BENCH_EMAIL)
}

function insertOrganization(db: Database.Database, id: string, name: string): void {
  db.prepare(
    `INSERT INTO organizations (id, name, creation_date, subscription, subscription_start_date, subscription_end_date)
     VALUES (?, ?, '2023-01-01T00:00:00.000000Z', 'enterprise', '2023-01-01', '2033-01-01')`,
  ).run(id, name)
}

/**
 * `rows` usage rows over rows / 2,500 organizations (500 days each); the benchmark's user is a
 * member of one organization in the middle of the table.
 */
export function usageDatabase(rows: number): ScaleDatabase {
  return cached(`usage-${rows}`, (db) => {
    const organizations = Math.max(1, Math.round(rows / ROWS_PER_ORGANIZATION))
    const target = Math.floor(organizations / 2)
    const benchUser = uuid(9, 0)
    insertBenchUser(db, benchUser)
    const insert = db.prepare(
      'INSERT INTO usage_daily (organization_id, day, project_id, object_type, metric, value) VALUES (?, ?, ?, ?, ?, ?)',
    )
    // Usage rollups belong to a project: one per organization (live project names are unique).
    const insertProject = db.prepare(
      "INSERT INTO projects (id, organization_id, name, creation_date) VALUES (?, ?, 'main-' || ?, '2023-01-01T00:00:00.000000Z')",
    )
    const days = Array.from({ length: USAGE_DAYS }, (_, index) => addDays(USAGE_FIRST_DAY, index))
    for (let organization = 0; organization < organizations; organization += 1) {
      const id = uuid(1, organization) // ascending: rows go in primary-key order
      insertOrganization(db, id, organization === target ? TARGET_ORGANIZATION : `scale-${organization}`)
      const projectId = uuid(3, organization)
      insertProject.run(projectId, id, organization)
      if (organization === target)
        db.prepare(
          "INSERT INTO memberships (organization_id, user_id, admin, creation_date) VALUES (?, ?, 1, '2023-01-01T00:00:00.000000Z')",
        ).run(id, benchUser)
      for (let day = 0; day < USAGE_DAYS; day += 1)
        for (const { object_type, metric } of USAGE_SERIES)
          insert.run(
            id,
            days[day],
            projectId,
            object_type,
            metric,
            ((organization * 31 + day * 7) % 1000) + 0.5,
          )
    }
  })
}

export const MEMBER_COUNTS = [100, 1_000, 10_000, 100_000] as const
export const membersOrganization = (count: number) => `members-${count}`

/** One organization per member count; the largest count of users, shared; the bench user is admin of each. */
export function membersDatabase(): ScaleDatabase {
  return cached('members', (db) => {
    const largest = Math.max(...MEMBER_COUNTS)
    const benchUser = uuid(9, 0)
    insertBenchUser(db, benchUser)
    const insertUser = db.prepare(
      `INSERT INTO users (id, email, name, surname, staff, creation_date)
       VALUES (?, ?, ?, ?, 0, '2023-01-01T00:00:00.000000Z')`,
    )
    const userIds = [benchUser]
    for (let index = 1; index < largest; index += 1) {
      const id = uuid(2, index)
      insertUser.run(
        id,
        `user-${String(index).padStart(6, '0')}@scale.example`,
        `Name${index % 97}`,
        `Surname${index % 89}`,
      )
      userIds.push(id)
    }
    const insertMembership = db.prepare(
      "INSERT INTO memberships (organization_id, user_id, admin, creation_date) VALUES (?, ?, ?, '2023-01-01T00:00:00.000000Z')",
    )
    MEMBER_COUNTS.forEach((count, index) => {
      const organizationId = uuid(3, index)
      insertOrganization(db, organizationId, membersOrganization(count))
      for (let member = 0; member < count; member += 1)
        insertMembership.run(organizationId, userIds[member], member === 0 ? 1 : 0)
    })
  })
}
