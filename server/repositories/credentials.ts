import type Database from 'better-sqlite3'

export interface CredentialsRow {
  id: string
  password_hash: string | null
  totp_secret: string | null
  totp_last_step: number | null
  sign_in_provider: string
  sign_in_url: string | null
}

/** What a person signs in with: password hash, TOTP secret and its last used step, provider. */
export function credentialsRepository(db: Database.Database) {
  const byEmail = db.prepare<[string], CredentialsRow>(
    `SELECT id, password_hash, totp_secret, totp_last_step, sign_in_provider, sign_in_url
       FROM users WHERE email = ?`,
  )
  const setPassword = db.prepare('UPDATE users SET password_hash = ? WHERE id = ?')
  const setTotp = db.prepare('UPDATE users SET totp_secret = ?, totp_last_step = NULL WHERE id = ?')
  // Only a later step than the last accepted one: two requests with the same code cannot both pass.
  const useStep = db.prepare(
    'UPDATE users SET totp_last_step = ? WHERE id = ? AND (totp_last_step IS NULL OR totp_last_step < ?)',
  )
  const setProvider = db.prepare('UPDATE users SET sign_in_provider = ?, sign_in_url = ? WHERE email = ?')

  return {
    findByEmail: (email: string) => byEmail.get(email),
    setPassword: (userId: string, passwordHash: string) => void setPassword.run(passwordHash, userId),
    /** A new TOTP secret (null: no two-factor authentication); forgets the last used step. */
    setTotpSecret: (userId: string, secret: string | null) => void setTotp.run(secret, userId),
    /** Records `step` as used; false when it (or a later one) was used already. */
    useTotpStep: (userId: string, step: number) => useStep.run(step, userId, step).changes === 1,
    setProvider: (email: string, provider: string, url: string | null) =>
      void setProvider.run(provider, url, email),
  }
}
