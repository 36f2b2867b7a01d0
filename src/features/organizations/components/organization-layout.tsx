import { useQuery } from '@tanstack/react-query'
import { useLayoutEffect, useRef, type ReactNode } from 'react'
import { Link, useLocation, useMatches } from 'react-router'
import { isApiError } from '../../../api/client'
import { Breadcrumbs, pageCrumb, pageTab } from '../../../components/ui/breadcrumbs'
import { ErrorState, PendingState } from '../../../components/ui/query-state'
import { scrollIntoViewWithin, useScrollEdgeMarks } from '../../../hooks/use-scroll-edges'
import { organizationTabs, paths } from '../../../lib/paths'
import { useAdministrationRights } from '../hooks/use-administration-rights'
import { organizationQueries } from '../queries'
import { OrganizationNotFound } from './organization-not-found'

/**
 * The tab of the address: the one its page says it belongs to (`below`), else the one whose page
 * it is or lies under (members/:userId is Members), else the first (the overview, whose address is
 * the organization's own).
 */
function currentTab(pathname: string, name: string, below: string | undefined) {
  const isUnder = (path: string) => pathname === path || pathname.startsWith(`${path}/`)
  const [first, ...rest] = organizationTabs
  return (
    organizationTabs.find((tab) => tab.id === below) ?? rest.find((tab) => isUnder(tab.href(name))) ?? first!
  )
}

/**
 * The frame of every organization page: breadcrumbs, the name, the tabs; the page below. The
 * breadcrumbs end in the tab, or, for a page below the tab's own (its route's `handle.crumb`), in
 * that page, the tab then linking back to its page as it opens (no search params); a page that
 * belongs to a tab outside its address (`handle.tab`: a project's usage) links back to the tab's
 * page with its own search params, the view they share. An
 * unknown organization gets a not-found page instead, another failure an error with Retry.
 */
export function OrganizationLayout({ name, children }: { name: string; children: ReactNode }) {
  const detail = useQuery(organizationQueries.detail(name))
  const { pathname, search } = useLocation()
  const matches = useMatches()
  const page = pageCrumb(matches)
  const below = pageTab(matches)
  const base = paths.organization(name)
  const { canAdminister } = useAdministrationRights(name)
  const current = currentTab(pathname, name, below)
  const currentHref = current.href(name) + (below === current.id ? search : '')
  const tabs = organizationTabs.filter((tab) => canAdminister || !tab.adminOnly || tab === current)
  const tabList = useRef<HTMLUListElement>(null)
  const shownTabs = tabs.map((tab) => tab.id).join(' ')
  useScrollEdgeMarks(tabList, shownTabs)

  // On a phone the tabs scroll sideways: the current one is brought into view on every
  // navigation (and when tabs appear before it), so a page never hides its own tab.
  useLayoutEffect(() => {
    const list = tabList.current
    const link = list?.querySelector<HTMLElement>('[aria-current="page"]')
    if (list && link) scrollIntoViewWithin(list, link)
  }, [current.id, shownTabs])

  if (isApiError(detail.error, 404)) return <OrganizationNotFound name={name} />

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
            : [{ label: current.label, to: currentHref }, { label: page }]),
        ]}
      />
      <h1 className="ui-page-header__title">{name}</h1>
      <nav aria-label="Organization sections">
        <ul ref={tabList} className="tabs">
          {tabs.map((tab) => (
            <li key={tab.id}>
              <Link to={tab.href(name)} aria-current={tab === current ? 'page' : undefined}>
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
