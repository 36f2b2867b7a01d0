import { Navigate } from 'react-router'
import { SignInPage } from '../../features/auth/components/sign-in-page'
import type { SignInLinkResult } from '../sign-in-link'

/** `data` is what the one-click link's prefetch found (see route-prefetch.ts); absent without a link. */
export default function SignInRoute({ data }: { data?: SignInLinkResult }) {
  if (data?.next) return <Navigate to={data.next} replace />
  return <SignInPage linkError={data?.linkError ?? null} />
}
