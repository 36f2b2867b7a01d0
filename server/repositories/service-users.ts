import type Database from 'better-sqlite3'
import { randomBytes, randomUUID } from 'node:crypto'
import { timestamp } from '../../domain/dates'
import { serviceUserEmail, timestampAt } from '../../domain/service-users'
import { hashToken } from './tokens'

/** A service user as stored (migration 012), without its token's hash; timestamps ISO 8601 UTC. */
export interface ServiceUserRow {
  id: string
  project_id: string
  email: string
  name: string | null
  description: string
  creation_date: string
  /** Null: never expires. */
  expiry_date: string | null
  /** Null: never used. */
  token_last_used: string | null
}

/** The service user a token belongs to, with its project's name, for authentication. */
export interface ServiceUserCaller extends ServiceUserRow {
  project_name: string
}

export interface NewServiceUser {
  projectId: string
  projectName: string
  name: string | null
  description: string
  /** ISO 8601 UTC, or null for a token that never expires. */
  expiryDate: string | null
  /** The seed passes its own id and times; by default a random UUID v4 and now. */
  id?: string
  creationDate?: string
  tokenLastUsed?: string | null
}

/**
 * How long a recorded use stands for later ones (milliseconds): a use within this long of the last
 * recorded one is not written. Recording every request would turn every read of a busy token into
 * a write (SQLite takes one writer at a time, so reads by one script would queue behind each other),
 * for a figure people read in days.
 */
export const LAST_USE_PRECISION_MS = 60_000

const COLUMNS = `service_users.id, service_users.project_id, service_users.email, service_users.name,
  service_users.description, service_users.creation_date, service_users.expiry_date, service_users.token_last_used`

/**
 * Service users of projects (shared/API.md, "Projects, access and audit"). Tokens are random 32
 * bytes, returned bare only by `create` and `resetToken` and stored as their SHA-256 (as in
 * tokens.ts), so no one can read a token back. Only service users of live projects are found: a
 * deleted project's tokens stop working with it. Writes are meant to run in the caller's transaction.
 */
export function serviceUsersRepository(db: Database.Database) {
  const insert = db.prepare(
    `INSERT INTO service_users (id, project_id, email, name, description, token_hash, creation_date,
                                expiry_date, token_last_used)
     VALUES (@id, @project_id, @email, @name, @description, @token_hash, @creation_date, @expiry_date,
             @token_last_used)`,
  )
  const ofProject = db.prepare<[string], ServiceUserRow>(
    `SELECT ${COLUMNS} FROM service_users WHERE project_id = ? ORDER BY creation_date, id`,
  )
  const one = db.prepare<[string, string], ServiceUserRow>(
    `SELECT ${COLUMNS} FROM service_users WHERE project_id = ? AND id = ?`,
  )
  const byId = db.prepare<[string], ServiceUserRow>(`SELECT ${COLUMNS} FROM service_users WHERE id = ?`)
  const byHash = db.prepare<[string], ServiceUserCaller>(
    `SELECT ${COLUMNS}, projects.name AS project_name
       FROM service_users JOIN projects ON projects.id = service_users.project_id
      WHERE service_users.token_hash = ? AND projects.deletion_date IS NULL`,
  )
  const update = db.prepare(
    `UPDATE service_users SET name = @name, description = @description, expiry_date = @expiry_date
      WHERE project_id = @project_id AND id = @id`,
  )
  const setHash = db.prepare('UPDATE service_users SET token_hash = ? WHERE project_id = ? AND id = ?')
  const remove = db.prepare('DELETE FROM service_users WHERE project_id = ? AND id = ?')
  const markUsed = db.prepare(
    `UPDATE service_users SET token_last_used = @now
      WHERE id = @id AND (token_last_used IS NULL OR token_last_used < @stale_before)`,
  )

  const newToken = () => randomBytes(32).toString('hex')

  return {
    /** A project's service users, oldest first. */
    list: (projectId: string) => ofProject.all(projectId),
    find: (projectId: string, id: string) => one.get(projectId, id),
    /** The service user of this id in whichever project holds it (to say why another project's is refused). */
    findById: (id: string) => byId.get(id),
    /** Creates one with a new token; returns the row and the bare token (to show once). */
    create(input: NewServiceUser): { row: ServiceUserRow; token: string } {
      const id = input.id ?? randomUUID()
      const token = newToken()
      const row: ServiceUserRow = {
        id,
        project_id: input.projectId,
        email: serviceUserEmail(id, input.projectName),
        name: input.name,
        description: input.description,
        creation_date: input.creationDate ?? timestamp(),
        expiry_date: input.expiryDate,
        token_last_used: input.tokenLastUsed ?? null,
      }
      insert.run({ ...row, token_hash: hashToken(token) })
      return { row, token }
    },
    /** Changes name, description and expiry; returns the row as it is now, or undefined if gone. */
    update(
      projectId: string,
      id: string,
      change: Pick<ServiceUserRow, 'name' | 'description' | 'expiry_date'>,
    ) {
      update.run({ ...change, project_id: projectId, id })
      return one.get(projectId, id)
    },
    /** A new token replaces the old one (which stops working at once); returns the bare new token. */
    resetToken(projectId: string, id: string): string {
      const token = newToken()
      setHash.run(hashToken(token), projectId, id)
      return token
    },
    /**
     * Deletes one; returns whether it existed. Its token stops working with it, and its role
     * assignments go in the same statement (the foreign key of migration 013).
     */
    remove: (projectId: string, id: string) => remove.run(projectId, id).changes === 1,
    /** The service user of a live project whose token this is, if any (expired or not). */
    findByToken: (token: string) => byHash.get(hashToken(token)),
    /**
     * Records a use of the token at `nowMs` (milliseconds since the epoch), unless one was recorded
     * within LAST_USE_PRECISION_MS: then the row is not written at all.
     */
    recordUse(id: string, nowMs: number): void {
      markUsed.run({
        id,
        now: timestampAt(nowMs),
        stale_before: timestampAt(nowMs - LAST_USE_PRECISION_MS),
      })
    },
  }
}
