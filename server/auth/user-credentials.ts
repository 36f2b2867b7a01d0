import { emailProblem } from '../../domain/email'
import { openDatabase } from '../db/open'
import { accessTokensRepository } from '../repositories/access-tokens'
import { credentialsRepository } from '../repositories/credentials'
import { usersRepository } from '../repositories/users'
import { hashPassword, MIN_PASSWORD_LENGTH } from './passwords'
import { newTotpSecret, totpUri } from './totp'

export interface UserCredentialsInput {
  email: string
  password: string
  /** Give the user a new two-factor (TOTP) secret. Without it, any existing secret is kept. */
  totp?: boolean
  staff?: boolean
}

export interface UserCredentialsResult {
  userId: string
  created: boolean
  /** Set with `totp`: the new Base32 secret and its otpauth:// URI. */
  totp: { secret: string; uri: string } | null
}

/**
 * Creates the user (empty name and surname) or updates it: sets its password (scrypt), makes it
 * staff when asked (never un-staffs), and with `totp` gives it a new TOTP secret. Every access token
 * of the user is revoked in the same transaction: a new password ends the sessions of the old one. Throws an Error
 * whose message names the field at fault (email, password). Safe beside a running server (WAL,
 * busy_timeout, one IMMEDIATE transaction).
 */
export async function setUserCredentials(
  dbPath: string,
  input: UserCredentialsInput,
): Promise<UserCredentialsResult> {
  const problem = emailProblem(input.email)
  if (problem) throw new Error(`email: ${problem}`)
  if (input.password.length < MIN_PASSWORD_LENGTH)
    throw new Error(`password: use at least ${MIN_PASSWORD_LENGTH} characters.`)
  // Hashed before the transaction: scrypt takes a moment, and the database need not wait for it.
  const passwordHash = await hashPassword(input.password)
  const secret = input.totp ? newTotpSecret() : null
  const db = openDatabase(dbPath)
  try {
    const users = usersRepository(db)
    const credentials = credentialsRepository(db)
    return db
      .transaction(() => {
        const existed = users.findByEmail(input.email)
        const user = users.findOrCreate(input.email, { staff: input.staff ?? false })
        credentials.setPassword(user.id, passwordHash)
        accessTokensRepository(db).revokeAllOf(user.id)
        if (secret) credentials.setTotpSecret(user.id, secret)
        return {
          userId: user.id,
          created: !existed,
          totp: secret ? { secret, uri: totpUri(user.email, secret) } : null,
        }
      })
      .immediate()
  } finally {
    db.close()
  }
}
