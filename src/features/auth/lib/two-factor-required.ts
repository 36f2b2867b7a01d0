import { ApiError } from '../../../api/client'

/**
 * Whether an API failure is an organization refusing a session without a second factor: a 403
 * whose sentence says to set up two-factor authentication (server/auth/two-factor-enforcement.ts
 * writes it for an organization, and its projects, that require it; server/README.md, "Local
 * rules"). Any other 403 is an ordinary refusal.
 */
export function isTwoFactorRequired(error: unknown): error is ApiError {
  return (
    error instanceof ApiError &&
    error.status === 403 &&
    /set up two-factor authentication/i.test(error.message)
  )
}
