// The demo accounts' sign-in (issue 11): the demo admin signs in with a password, and the demo
// member with a password and a two-factor code. The passwords are fixed (they are demo data, like
// the rest of the seed, and the server listens on 127.0.0.1 by default) so they can be printed on
// every start; the member's TOTP secret is random, made at seed time, and read back to be printed.
import type Database from 'better-sqlite3'
import { hashPassword, verifyPassword } from '../auth/passwords'
import { newTotpSecret, totpUri } from '../auth/totp'
import { credentialsRepository } from '../repositories/credentials'
import { DEMO } from './seed'

export const DEMO_SIGN_IN = {
  adminEmail: DEMO.adminEmail,
  adminPassword: 'demo-admin-password',
  /** The demo member has two-factor authentication. */
  twoFactorEmail: DEMO.memberEmail,
  twoFactorPassword: 'demo-member-password',
} as const

export interface DemoSignIn {
  /** null when the account's password is no longer the demo one (changed with api:user). */
  adminPassword: string | null
  twoFactorPassword: string | null
  twoFactor: { secret: string; uri: string } | null
}

/** Gives the freshly seeded demo admin and member their passwords, and the member a TOTP secret. */
export async function seedDemoSignIn(db: Database.Database): Promise<void> {
  const credentials = credentialsRepository(db)
  const [adminHash, memberHash] = await Promise.all([
    hashPassword(DEMO_SIGN_IN.adminPassword),
    hashPassword(DEMO_SIGN_IN.twoFactorPassword),
  ])
  const admin = credentials.findByEmail(DEMO_SIGN_IN.adminEmail)
  const member = credentials.findByEmail(DEMO_SIGN_IN.twoFactorEmail)
  db.transaction(() => {
    if (admin) credentials.setPassword(admin.id, adminHash)
    if (member) {
      credentials.setPassword(member.id, memberHash)
      credentials.setTotpSecret(member.id, newTotpSecret())
    }
  })()
}

/** What to print about the demo accounts' sign-in, checked against the database as it is now. */
export async function demoSignIn(db: Database.Database): Promise<DemoSignIn> {
  const credentials = credentialsRepository(db)
  const admin = credentials.findByEmail(DEMO_SIGN_IN.adminEmail)
  const member = credentials.findByEmail(DEMO_SIGN_IN.twoFactorEmail)
  const still = async (hash: string | null | undefined, password: string) =>
    hash && (await verifyPassword(password, hash)) ? password : null
  const [adminPassword, twoFactorPassword] = await Promise.all([
    still(admin?.password_hash, DEMO_SIGN_IN.adminPassword),
    still(member?.password_hash, DEMO_SIGN_IN.twoFactorPassword),
  ])
  const secret = member?.totp_secret
  return {
    adminPassword,
    twoFactorPassword,
    twoFactor: secret ? { secret, uri: totpUri(DEMO_SIGN_IN.twoFactorEmail, secret) } : null,
  }
}

/** The lines that tell a person how to sign in to the demo with a password (for npm start / api). */
export function demoSignInLines(demo: DemoSignIn): string[] {
  const lines: string[] = []
  if (demo.adminPassword)
    lines.push(`Sign in with a password: ${DEMO_SIGN_IN.adminEmail} / ${demo.adminPassword}`)
  if (demo.twoFactorPassword && demo.twoFactor)
    lines.push(
      `With two-factor authentication: ${DEMO_SIGN_IN.twoFactorEmail} / ${demo.twoFactorPassword}, codes from secret ${demo.twoFactor.secret}`,
      `  (add it to an authenticator app: ${demo.twoFactor.uri})`,
    )
  return lines
}
