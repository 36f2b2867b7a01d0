import type { ReactNode } from 'react'
import { Link } from 'react-router'

export interface Crumb {
  label: ReactNode
  /** Omit for the current page (the last crumb). */
  to?: string
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
