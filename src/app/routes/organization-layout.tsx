import { useQuery } from '@tanstack/react-query'
import { Outlet, useParams } from 'react-router'
import { TwoFactorRequired } from '../../features/auth/components/two-factor-required'
import { isTwoFactorRequired } from '../../features/auth/lib/two-factor-required'
import { OrganizationLayout } from '../../features/organizations/components/organization-layout'
import { organizationQueries } from '../../features/organizations/queries'

/**
 * The organization's frame and page. An organization that requires two-factor authentication of a
 * session without it answers its detail with a 403 saying so: then, instead of the frame and an
 * error under its tabs, what to do (the detail query is the frame's own, shared through the cache).
 */
export default function OrganizationLayoutRoute() {
  const { name = '' } = useParams()
  const detail = useQuery(organizationQueries.detail(name))
  if (isTwoFactorRequired(detail.error)) return <TwoFactorRequired message={detail.error.message} />
  return (
    <OrganizationLayout name={name}>
      <Outlet />
    </OrganizationLayout>
  )
}
