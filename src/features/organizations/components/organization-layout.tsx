import { useQuery } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { Link, useLocation, useMatches } from 'react-router'
import { isApiError } from '../../../api/client'
import { Breadcrumbs, pageCrumb } from '../../../components/ui/breadcrumbs'
import { ErrorState, PendingState } from '../../../components/ui/query-state'
import { paths } from '../../../lib/paths'
import { organizationQueries } from '../queries'
import { OrganizationNotFound } from './organization-not-found'

const TABS = [
  { label: 'Overview', path: paths.organization },
  { label: 'Members', path: (name: string) => paths.members(name) },
  { label: 'Projects', path: paths.projects },
  { label: 'Usage', path: paths.usage },
  { label: 'Settings', path: paths.settings },
] as const

/** The tab of the address: the one whose page it is or lies under (members/:userId is Members). */
function currentTab(pathname: string, name: string) {
  const isUnder = (path: string) => pathname === path || pathname.startsWith(`${path}/`)
  return TABS.slice(1).find((tab) => isUnder(tab.path(name))) ?? TABS[0]
}

/**
 * The frame of every organization page: breadcrumbs, the name, the tabs; the page below. The
 * breadcrumbs end in the tab, or, for a page below the tab's own (its route's `handle.crumb`), in
 * that page, the tab then linking back to its page as it opens (no search params). An
 * unknown organization gets a not-found page instead, another failure an error with Retry.
 */
export function OrganizationLayout({ name, children }: { name: string; children: ReactNode }) {
  const detail = useQuery(organizationQueries.detail(name))
  const { pathname } = useLocation()
  const page = pageCrumb(useMatches())
  const base = paths.organization(name)

  if (isApiError(detail.error, 404)) return <OrganizationNotFound name={name} />

  const current = currentTab(pathname, name)
  return (
    <div className="stack">
      {/* React 19 puts this in <head>: every page has its own title (WCAG 2.4.2). */}
      <title>{`${current.label} · ${name} · UbiOps`}</title>
      <Breadcrumbs
        items={[
          { label: 'Organizations', to: paths.organizations() },
          { label: name, to: base },
          ...(page === undefined
            ? [{ label: current.label }]
            : [{ label: current.label, to: current.path(name) }, { label: page }]),
        ]}
      />
      <h1 className="ui-page-header__title">{name}</h1>
      <nav aria-label="Organization sections">
        <ul className="tabs">
          {TABS.map((tab) => (
            <li key={tab.label}>
              <Link to={tab.path(name)} aria-current={tab === current ? 'page' : undefined}>
                {tab.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {detail.isPending ? (
        <PendingState label={`Loading ${name}`} lines={4} />
      ) : detail.isError ? (
        <ErrorState
          title={`Could not load ${name}`}
          error={detail.error}
          onRetry={() => void detail.refetch()}
          isRetrying={detail.isFetching}
        />
      ) : (
        children
      )}
    </div>
  )
}
