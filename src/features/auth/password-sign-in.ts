// A person's sign-in against the API (shared/API.md, "Signing in"): POST /oauth/sign-in, then
// POST /authorize with the password (and the two-factor code when the API asks for one), then
// GET /user with the new access token, which names the person.
import type { QueryClient } from '@tanstack/react-query'
import { storeAccessToken } from '../../api/auth-token'
import { requestAnswer } from '../../api/answers'
import { ApiError, NetworkError } from '../../api/client'
import type { SignInProvider, User } from '../../api/types'
import { userQueries } from './queries'

/** How this account signs in: `ubiops` here, anything else at an external identity provider. */
export function signInProvider(email: string): Promise<SignInProvider> {
  return requestAnswer('signInProvider', '/oauth/sign-in', { method: 'POST', body: { email } })
}

/** The API's answer that asks for the code: its sentence contains "two factor authentication". */
export const asksForCode = (error: unknown): boolean =>
  error instanceof ApiError && error.status === 401 && /two factor authentication/i.test(error.message)

export interface PasswordSignIn {
  access: string
  user: User
}

/**
 * Signs in with email and password (and `code`, the 6-digit two-factor code, when given). Throws
 * the API's ApiError: 401 for a wrong email or password, or a code that is needed (asksForCode)
 * or wrong; 429 after too many failures.
 */
export async function signInWithPassword(
  email: string,
  password: string,
  code?: string,
): Promise<PasswordSignIn> {
  const { access } = await requestAnswer('accessToken', '/authorize', {
    method: 'POST',
    body: code === undefined ? { email, password } : { email, password, token: code },
  })
  const user = await requestAnswer('user', '/user', {
    credential: { scheme: 'Bearer', value: access, email },
  })
  return { access, user }
}

/** Keeps the access token and starts a clean cache for its person. */
export function completePasswordSignIn(
  queryClient: QueryClient,
  { access, user }: PasswordSignIn,
  { remember }: { remember: boolean },
): void {
  storeAccessToken(access, user.email, { remember })
  queryClient.clear()
  queryClient.setQueryData(userQueries.me().queryKey, user)
}

/** What to tell a person whose password or code was refused. */
export function passwordErrorMessage(error: unknown): string {
  if (error instanceof ApiError || error instanceof NetworkError) return error.message
  return 'Signing in failed. Try again.'
}
