import type Database from 'better-sqlite3'
import { randomBytes } from 'node:crypto'
import { hashToken } from './tokens'
import type { UserRow } from './users'

export interface AccessTokenLookup {
  user: UserRow
  /** Milliseconds since the epoch. */
  expiresAt: number
}

/**
 * Access tokens from POST /authorize. Like API tokens, only their SHA-256 is stored and they are
 * looked up by it (an index probe, so timing says nothing about a guess).
 */
export function accessTokensRepository(db: Database.Database) {
  const insert = db.prepare(
    'INSERT INTO access_tokens (hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
  )
  const byHash = db.prepare<[string], UserRow & { expires_at: number }>(
    `SELECT users.id, users.email, users.name, users.surname, users.staff, access_tokens.expires_at
       FROM access_tokens JOIN users ON users.id = access_tokens.user_id
      WHERE access_tokens.hash = ?`,
  )
  const removeExpired = db.prepare('DELETE FROM access_tokens WHERE expires_at <= ?')

  return {
    /** A new access token for the user, valid from `nowMs` for `lifetimeMs`; returns the bare token. */
    issue(userId: string, nowMs: number, lifetimeMs: number): string {
      const token = randomBytes(32).toString('hex')
      insert.run(hashToken(token), userId, nowMs, nowMs + lifetimeMs)
      // Keep the table to live sessions; expired ones are refused whether or not they are still here.
      removeExpired.run(nowMs)
      return token
    },
    find(token: string): AccessTokenLookup | undefined {
      const row = byHash.get(hashToken(token))
      if (!row) return undefined
      const { expires_at: expiresAt, ...user } = row
      return { user, expiresAt }
    },
  }
}
