import { emailProblem } from '../../domain/email'
import { openDatabase } from '../db/open'
import { tokensRepository } from '../repositories/tokens'
import { usersRepository } from '../repositories/users'

/**
 * Creates the user if needed (empty name and surname; staff when asked) and a new API token for
 * them, and returns the bare token (without "Token "). Only its hash is stored. Safe while a server
 * has the same database open: WAL plus busy_timeout, and one IMMEDIATE transaction.
 */
export function issueToken(dbPath: string, email: string, options: { staff?: boolean } = {}): string {
  const problem = emailProblem(email)
  if (problem) throw new Error(`email: ${problem}`)
  const db = openDatabase(dbPath)
  try {
    const users = usersRepository(db)
    const tokens = tokensRepository(db)
    return db
      .transaction(() => {
        const user = users.findOrCreate(email, { staff: options.staff ?? false })
        return tokens.issue(user.id)
      })
      .immediate()
  } finally {
    db.close()
  }
}
