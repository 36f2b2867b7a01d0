import type { QueryClient } from '@tanstack/react-query'
import { redirect, useLoaderData, type LoaderFunctionArgs } from 'react-router'
import { SignInPage } from '../../features/auth/components/sign-in-page'
import { safeNextPath } from '../../features/auth/lib/next-path'
import { takeTokenFromAddressBar } from '../../features/auth/lib/token-fragment'
import { completeSignIn, signInErrorMessage, verifyToken } from '../../features/auth/verify-token'

interface SignInLoaderData {
  linkError: string | null
}

/**
 * The one-click link (`/sign-in#token=…`): the token leaves the address bar before anything else
 * happens, is checked with GET /user, and only then kept (for this tab).
 */
export function loader(queryClient: QueryClient) {
  return async ({ request }: LoaderFunctionArgs): Promise<SignInLoaderData | Response> => {
    const token = takeTokenFromAddressBar()
    if (!token) return { linkError: null }
    try {
      const user = await verifyToken(token)
      completeSignIn(queryClient, token, user, { remember: false })
      return redirect(safeNextPath(new URL(request.url).searchParams.get('next')))
    } catch (error) {
      return { linkError: `The sign-in link did not work. ${signInErrorMessage(error)}` }
    }
  }
}

export default function SignInRoute() {
  const { linkError } = useLoaderData<SignInLoaderData>()
  return <SignInPage linkError={linkError} />
}
