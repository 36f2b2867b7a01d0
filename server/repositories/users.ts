import type Database from 'better-sqlite3'
import { randomUUID } from 'node:crypto'
import { timestamp } from '../../domain/dates'

export interface UserRow {
  id: string
  email: string
  name: string
  surname: string
  staff: number
}

/** Users and their lookups; emails compare case-insensitively (the column is NOCASE). */
export function usersRepository(db: Database.Database) {
  const byId = db.prepare<[string], UserRow>('SELECT id, email, name, surname, staff FROM users WHERE id = ?')
  const byEmail = db.prepare<[string], UserRow>(
    'SELECT id, email, name, surname, staff FROM users WHERE email = ?',
  )
  const insert = db.prepare(
    "INSERT INTO users (id, email, name, surname, staff, creation_date) VALUES (?, ?, '', '', ?, ?)",
  )
  const makeStaff = db.prepare('UPDATE users SET staff = 1 WHERE id = ?')

  return {
    findById: (id: string) => byId.get(id),
    findByEmail: (email: string) => byEmail.get(email),

    /** The user with this email, created (with empty name and surname) when there is none. */
    findOrCreate(email: string, options: { staff?: boolean } = {}): UserRow {
      const existing = byEmail.get(email)
      if (existing) {
        if (options.staff && !existing.staff) {
          makeStaff.run(existing.id)
          return { ...existing, staff: 1 }
        }
        return existing
      }
      // A UUID v4, as the contract's ids are (shared/API.md): random, it tells nobody when it was made.
      const id = randomUUID()
      insert.run(id, email, options.staff ? 1 : 0, timestamp())
      return { id, email, name: '', surname: '', staff: options.staff ? 1 : 0 }
    },
  }
}

export type UsersRepository = ReturnType<typeof usersRepository>
