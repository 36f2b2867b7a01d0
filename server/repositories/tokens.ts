import type Database from 'better-sqlite3'
import { createHash, randomBytes } from 'node:crypto'
import { timestamp } from '../../domain/dates'
import type { UserRow } from './users'

/** The stored form of a token: its SHA-256, hex. The token itself is never written anywhere. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}

export function tokensRepository(db: Database.Database) {
  const insert = db.prepare('INSERT INTO tokens (hash, user_id, creation_date) VALUES (?, ?, ?)')
  // Looking a token up by its hash (an index probe) rather than comparing secrets one by one means
  // the time taken reveals nothing about how much of a guessed token was right: an attacker who
  // controls the guess does not control its hash.
  const userByHash = db.prepare<[string], UserRow>(
    `SELECT users.id, users.email, users.name, users.surname, users.staff
       FROM tokens JOIN users ON users.id = tokens.user_id
      WHERE tokens.hash = ?`,
  )

  return {
    /** A new random token for the user; returns the bare token (shown once, stored hashed). */
    issue(userId: string): string {
      const token = randomBytes(32).toString('hex')
      insert.run(hashToken(token), userId, timestamp())
      return token
    },
    findUser: (token: string) => userByHash.get(hashToken(token)),
  }
}
