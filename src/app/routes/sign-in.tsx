import { useLoaderData } from 'react-router'
import { SignInPage } from '../../features/auth/components/sign-in-page'
import type { SignInLinkResult } from '../sign-in-link'

/** The loader's answer is what a one-click link that did not work found (null without a link). */
export default function SignInRoute() {
  const link = useLoaderData<SignInLinkResult | null>()
  return <SignInPage linkError={link?.linkError ?? null} />
}
