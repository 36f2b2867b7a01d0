import type { QueryClient } from '@tanstack/react-query'
import { storeToken } from '../../api/auth-token'
import { requestAnswer } from '../../api/answers'
import { ApiError, NetworkError } from '../../api/client'
import type { User } from '../../api/types'
import { userQueries } from './queries'

/** Checks a token with GET /user before keeping it: a wrong token is never stored. */
export async function verifyToken(token: string): Promise<User> {
  return requestAnswer('user', '/user', { token })
}

/** What to tell a person whose token was refused. */
export function signInErrorMessage(error: unknown): string {
  if (error instanceof ApiError && (error.status === 401 || error.status === 403))
    return 'This token was not accepted. Check that you copied all of it and that it has not been revoked.'
  if (error instanceof NetworkError) return error.message
  if (error instanceof Error && error.message) return error.message
  return 'Signing in failed. Try again.'
}

/** Keeps a verified token and starts a clean cache for its user. */
export function completeSignIn(
  queryClient: QueryClient,
  token: string,
  user: User,
  { remember }: { remember: boolean },
): void {
  storeToken(token, { remember })
  queryClient.clear()
  queryClient.setQueryData(userQueries.me().queryKey, user)
}
