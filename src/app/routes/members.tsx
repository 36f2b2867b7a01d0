import type { QueryClient } from '@tanstack/react-query'
import type { LoaderFunctionArgs } from 'react-router'
import { MembersPage } from '../../features/members/components/members-page'
import { memberQueries } from '../../features/members/queries'

export function loader(queryClient: QueryClient) {
  return async ({ params }: LoaderFunctionArgs) => {
    // The page opens with its rows (no spinner). A failure is not thrown: the page shows it
    // with a Retry button, under the organization's tabs, instead of replacing the whole page.
    await queryClient.ensureQueryData(memberQueries.list(params.name ?? '')).catch(() => undefined)
    return null
  }
}

export default function MembersRoute() {
  return <MembersPage />
}
