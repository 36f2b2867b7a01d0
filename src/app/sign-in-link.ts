import type { QueryClient } from '@tanstack/react-query'
import { safeNextPath } from '../features/auth/lib/next-path'
import { completeSignIn, signInErrorMessage, verifyToken } from '../features/auth/verify-token'

export interface SignInLinkResult {
  /** Where to go once signed in, or null when the link did not work. */
  next: string | null
  linkError: string | null
}

/** Checks the one-click link's token and keeps it for this tab, or says why it did not work. */
export async function signInWithLink(
  queryClient: QueryClient,
  token: string,
  searchParams: URLSearchParams,
): Promise<SignInLinkResult> {
  try {
    const user = await verifyToken(token)
    completeSignIn(queryClient, token, user, { remember: false })
    return { next: safeNextPath(searchParams.get('next')), linkError: null }
  } catch (error) {
    return { next: null, linkError: `The sign-in link did not work. ${signInErrorMessage(error)}` }
  }
}
