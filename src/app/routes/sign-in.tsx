import { useEffect } from 'react'
import { useLoaderData, useRevalidator } from 'react-router'
import { SignInPage } from '../../features/auth/components/sign-in-page'
import { tokenFromFragment } from '../../features/auth/lib/token-fragment'
import type { SignInLinkResult } from '../sign-in-link'

/** The loader's answer is what a one-click link that did not work found (null without a link). */
export default function SignInRoute() {
  const link = useLoaderData<SignInLinkResult | null>()
  useLinkPastedHere()
  return <SignInPage linkError={link?.linkError ?? null} />
}

/**
 * A one-click link pasted into a tab already on sign-in changes only the fragment: the browser
 * loads nothing and the router runs no loader for a change of fragment alone. Run the sign-in
 * loader again, which takes the token from the address bar as on a first load.
 */
function useLinkPastedHere() {
  const { revalidate } = useRevalidator()
  useEffect(() => {
    const handleHashChange = () => {
      if (tokenFromFragment(window.location.hash)) void revalidate()
    }
    window.addEventListener('hashchange', handleHashChange)
    return () => window.removeEventListener('hashchange', handleHashChange)
  }, [revalidate])
}
