// Password hashing with Node's scrypt (RFC 7914), a memory-hard function. Parameters follow OWASP's
// Password Storage Cheat Sheet (scrypt: N=2^15, r=8, p=3 is one of its equivalent settings: 32 MiB
// per hash). They are stored with each hash, so they can be raised without breaking old passwords.
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto'

const PARAMETERS = { N: 2 ** 15, r: 8, p: 3 } as const
const SALT_BYTES = 16
const KEY_BYTES = 32
/** Minimum password length for api:user (NIST SP 800-63B asks for at least 8). */
export const MIN_PASSWORD_LENGTH = 8

function scrypt(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  // 128 * N * r bytes of memory, plus headroom: Node's default limit (32 MiB) is exactly N=2^15, r=8.
  const maxmem = 256 * (options.N ?? 0) * (options.r ?? 0)
  return new Promise((resolve, reject) =>
    scryptCallback(password.normalize('NFKC'), salt, keyLength, { ...options, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  )
}

/** `scrypt$N$r$p$<salt, base64>$<key, base64>` for a password, with a fresh random salt. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES)
  const key = await scrypt(password, salt, KEY_BYTES, PARAMETERS)
  const { N, r, p } = PARAMETERS
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64')}$${key.toString('base64')}`
}

/**
 * Whether `password` matches `stored` (a hashPassword result), compared in constant time. A stored
 * value that is not a well-formed hash never matches. Takes the same work as a real check.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$')
  if (scheme !== 'scrypt' || !salt || !key) return false
  const expected = Buffer.from(key, 'base64')
  const actual = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  })
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}

// A hash of nothing anyone knows, checked against for emails that have no password, so that an
// unknown email costs the same work (and time) as a wrong password.
let decoy: Promise<string> | undefined
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(16).toString('hex'))
  return decoy
}
