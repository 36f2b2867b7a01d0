import type Database from 'better-sqlite3'
import { randomBytes } from 'node:crypto'
import { hashToken } from './tokens'
import type { UserRow } from './users'

export interface AccessTokenLookup {
  user: UserRow
  /** Milliseconds since the epoch. */
  expiresAt: number
  /** Issued after a two-factor code, not after a password alone. */
  secondFactor: boolean
}

/**
 * Access tokens from POST /authorize. Like API tokens, only their SHA-256 is stored and they are
 * looked up by it (an index probe, so timing says nothing about a guess).
 */
export function accessTokensRepository(db: Database.Database) {
  const insert = db.prepare(
    'INSERT INTO access_tokens (hash, user_id, created_at, expires_at, second_factor) VALUES (?, ?, ?, ?, ?)',
  )
  const byHash = db.prepare<[string], UserRow & { expires_at: number; second_factor: number }>(
    `SELECT users.id, users.email, users.name, users.surname, users.staff, access_tokens.expires_at,
            access_tokens.second_factor
       FROM access_tokens JOIN users ON users.id = access_tokens.user_id
      WHERE access_tokens.hash = ?`,
  )
  const removeExpired = db.prepare('DELETE FROM access_tokens WHERE expires_at <= ?')
  const remove = db.prepare('DELETE FROM access_tokens WHERE hash = ?')
  const removeAllOf = db.prepare('DELETE FROM access_tokens WHERE user_id = ?')

  return {
    /**
     * A new access token for the user, valid from `nowMs` for `lifetimeMs` (milliseconds);
     * `secondFactor`: issued after a two-factor code. Returns the bare token.
     */
    issue(userId: string, nowMs: number, lifetimeMs: number, secondFactor: boolean): string {
      const token = randomBytes(32).toString('hex')
      insert.run(hashToken(token), userId, nowMs, nowMs + lifetimeMs, secondFactor ? 1 : 0)
      // Keep the table to live sessions; expired ones are refused whether or not they are still here.
      removeExpired.run(nowMs)
      return token
    },
    find(token: string): AccessTokenLookup | undefined {
      const row = byHash.get(hashToken(token))
      if (!row) return undefined
      const { expires_at: expiresAt, second_factor: secondFactor, ...user } = row
      return { user, expiresAt, secondFactor: secondFactor === 1 }
    },
    /** Ends one session (sign-out): the token is a 401 from now on. */
    revoke: (token: string) => void remove.run(hashToken(token)),
    /** Ends every session of the user (a new password); returns how many there were. */
    revokeAllOf: (userId: string) => removeAllOf.run(userId).changes,
  }
}
