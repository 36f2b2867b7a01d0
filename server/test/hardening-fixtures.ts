// Support for the hardening tests (fuzz, limits, crash safety, load): a digest of the whole
// database, the shape every error answer must have, and the fixed cast of callers.
import type Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import type { Caller, TestApi } from './helpers'

/**
 * A digest of every row of every table (schema included). Rows are sorted so that the digest
 * depends on the content only, not on the order SQLite happens to return them in.
 */
export function databaseDigest(db: Database.Database): string {
  const tables = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all() as { name: string; sql: string }[]
  const hash = createHash('sha256')
  for (const table of tables) {
    hash.update(`${table.sql}\n`)
    const rows = db
      .prepare(`SELECT * FROM "${table.name}"`)
      .raw()
      .all()
      .map((row) => JSON.stringify(row))
      .sort()
    for (const row of rows) hash.update(`${row}\n`)
  }
  return hash.digest('hex')
}

/** Traces of a stack, a source file or the machine's paths: none may reach a client. */
export const LEAK_PATTERN =
  /\bat [\w.<>]+ \(|\.[cm]?[jt]s:\d+|node_modules|\/work\/|\/tmp\/|\bstack\b|FST_[A-Z_]+|SqliteError|SQLITE_/

/** Why an error answer is not exactly `{"error": "<a sentence>"}` without internals, or null. */
export function errorShapeProblem(raw: string): string | null {
  let body: unknown
  try {
    body = JSON.parse(raw)
  } catch {
    return `not JSON: ${raw.slice(0, 200)}`
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return `not an object: ${raw.slice(0, 200)}`
  const keys = Object.keys(body)
  if (keys.length !== 1 || keys[0] !== 'error')
    return `keys ${JSON.stringify(keys)}, not ["error"]: ${raw.slice(0, 300)}`
  const message = (body as { error: unknown }).error
  if (typeof message !== 'string' || message.trim() === '')
    return `error is not a sentence: ${raw.slice(0, 200)}`
  if (LEAK_PATTERN.test(raw)) return `leaks internals: ${raw.slice(0, 300)}`
  return null
}

/** Every organization has at least one admin (the last-admin rule), checked in the database. */
export function organizationsWithoutAdmin(db: Database.Database): string[] {
  return (
    db
      .prepare(
        `SELECT name FROM organizations
          WHERE NOT EXISTS (SELECT 1 FROM memberships WHERE organization_id = organizations.id AND admin = 1)`,
      )
      .pluck()
      .all() as string[]
  ).sort()
}

export function integrityProblems(db: Database.Database): string[] {
  const integrity = db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[]
  const foreignKeys = db.pragma('foreign_key_check') as unknown[]
  return [
    ...integrity.map((row) => row.integrity_check).filter((result) => result !== 'ok'),
    ...foreignKeys.map((row) => `foreign key: ${JSON.stringify(row)}`),
  ]
}

/** The cast every fuzzed request is sent as. */
export interface Cast {
  admin: Caller
  member: Caller
  outsider: Caller
  staff: Caller
  /** Where `admin` is admin and `member` a plain member; `outsider` is in neither. */
  home: { id: string; name: string }
  /** The outsider's own organization: `admin` and `member` are not in it. */
  foreign: { id: string; name: string }
}

export async function createCast(api: TestApi): Promise<Cast> {
  const [admin, member, outsider, staff] = [api.user(), api.user(), api.user(), api.user({ staff: true })]
  const homeName = await api.organization(admin)
  await api.addMember(admin, homeName, member)
  const foreignName = await api.organization(outsider)
  const idOf = (name: string) => api.app.repositories.organizations.findByName(name)!.id
  return {
    admin,
    member,
    outsider,
    staff,
    home: { id: idOf(homeName), name: homeName },
    foreign: { id: idOf(foreignName), name: foreignName },
  }
}

/**
 * Puts the cast back after a request that succeeded (a fuzzed rename, demotion or removal may
 * have moved it), straight in the database, so that every request meets the same world.
 */
export function restoreCast(db: Database.Database, cast: Cast): void {
  const reset = db.prepare(
    `UPDATE organizations SET name = ?, subscription = 'free', subscription_end_date = NULL WHERE id = ?`,
  )
  const member = db.prepare(
    `INSERT INTO memberships (organization_id, user_id, admin, creation_date) VALUES (?, ?, ?, '2020-01-01T00:00:00.000000Z')
     ON CONFLICT (organization_id, user_id) DO UPDATE SET admin = excluded.admin`,
  )
  db.transaction(() => {
    // Out of the way first: the fuzzer may have given one of the two names to another organization.
    db.prepare(
      `UPDATE organizations SET name = 'moved-' || lower(hex(randomblob(8))) WHERE name IN (?, ?) AND id NOT IN (?, ?)`,
    ).run(cast.home.name, cast.foreign.name, cast.home.id, cast.foreign.id)
    reset.run(cast.home.name, cast.home.id)
    reset.run(cast.foreign.name, cast.foreign.id)
    member.run(cast.home.id, cast.admin.id, 1)
    member.run(cast.home.id, cast.member.id, 0)
    member.run(cast.foreign.id, cast.outsider.id, 1)
    db.prepare('DELETE FROM memberships WHERE organization_id = ? AND user_id IN (?, ?)').run(
      cast.foreign.id,
      cast.admin.id,
      cast.member.id,
    )
    db.prepare('DELETE FROM memberships WHERE organization_id = ? AND user_id = ?').run(
      cast.home.id,
      cast.outsider.id,
    )
  })()
}
