import type { ReactNode } from 'react'
import { Link, type UIMatch } from 'react-router'

export interface Crumb {
  label: ReactNode
  /** Omit for the current page (the last crumb). */
  to?: string
}

/**
 * A route's `handle` naming the page when it lies below a section's own page (the monthly report
 * below Usage): its breadcrumb ends in this label, the section's crumb becoming a link. Declared in
 * the route table (src/app/router.tsx), react-router's place for what a route says about itself.
 */
export interface CrumbHandle {
  /** The page's label, or how to name it from the route's params (a project's page: its name). */
  crumb: string | ((params: Readonly<Record<string, string | undefined>>) => string)
  /**
   * The id of the tab the page belongs to when its address lies under another tab's (a project's
   * usage below Usage): that tab is current, its crumb linking back with the page's search params.
   */
  tab?: string
}

/** The tab the deepest matched route says its page belongs to (see {@link CrumbHandle}'s `tab`). */
export function pageTab(matches: readonly UIMatch[]): string | undefined {
  for (let index = matches.length - 1; index >= 0; index -= 1) {
    const tab = (matches[index]?.handle as Partial<CrumbHandle> | undefined)?.tab
    if (tab !== undefined) return tab
  }
  return undefined
}

/** The label the deepest matched route gives its page (see {@link CrumbHandle}); undefined when none does. */
export function pageCrumb(matches: readonly UIMatch[]): string | undefined {
  for (let index = matches.length - 1; index >= 0; index -= 1) {
    const handle = matches[index]?.handle as Partial<CrumbHandle> | undefined
    const match = matches[index]
    if (typeof handle?.crumb === 'string') return handle.crumb
    if (typeof handle?.crumb === 'function' && match) return handle.crumb(match.params)
  }
  return undefined
}

/** A breadcrumb trail: <nav aria-label="Breadcrumb">; the last crumb is the current page. */
export function Breadcrumbs({ items }: { items: Crumb[] }) {
  return (
    <nav aria-label="Breadcrumb" className="ui-breadcrumbs">
      <ol>
        {items.map((item, index) => {
          const isCurrent = index === items.length - 1
          return (
            <li key={index}>
              {item.to && !isCurrent ? (
                <Link to={item.to}>{item.label}</Link>
              ) : (
                <span aria-current={isCurrent ? 'page' : undefined}>{item.label}</span>
              )}
            </li>
          )
        })}
      </ol>
    </nav>
  )
}
