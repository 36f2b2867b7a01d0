// Two-factor codes: TOTP (RFC 6238) with otplib, 30 s steps, 6 digits, SHA-1 (what authenticator
// apps expect), one step of clock drift either way, and no code accepted twice (RFC 6238 §5.2).
import { generate, generateSecret, generateURI, verify } from 'otplib'

export const TOTP_PERIOD_SECONDS = 30
const ISSUER = 'UbiOps (local)'

/** A new random Base32 secret (20 bytes, otplib's default). */
export const newTotpSecret = (): string => generateSecret()

/** The otpauth:// URI an authenticator app scans (as a QR code) or a person pastes. */
export const totpUri = (email: string, secret: string): string =>
  generateURI({ issuer: ISSUER, label: email, secret, period: TOTP_PERIOD_SECONDS })

/** The code for `secret` at `epochMs` (tests and the demo use it). */
export const totpCode = (secret: string, epochMs: number): Promise<string> =>
  generate({ secret, epoch: Math.floor(epochMs / 1000), period: TOTP_PERIOD_SECONDS })

/**
 * Checks a 6-digit code at `epochMs`: the current step or one either side. Returns the matched time
 * step (to be stored, so it is not accepted again), or null when the code is wrong, malformed, or
 * of a step at or before `lastStep`.
 */
export async function checkTotp(
  secret: string,
  code: string,
  epochMs: number,
  lastStep: number | null,
): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(epochMs / 1000),
    period: TOTP_PERIOD_SECONDS,
    epochTolerance: TOTP_PERIOD_SECONDS,
    ...(lastStep === null ? {} : { afterTimeStep: lastStep }),
  })
  return result.valid && 'timeStep' in result ? result.timeStep : null
}
