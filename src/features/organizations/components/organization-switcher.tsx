import { useQuery } from '@tanstack/react-query'
import { useRef } from 'react'
import { Link } from 'react-router'
import { paths } from '../../../lib/paths'
import { organizationQueries } from '../queries'

const POPOVER_ID = 'organization-switcher'

/**
 * The header's organization switcher: a button that opens a native popover (Escape and a click
 * outside close it) listing the caller's organizations as links.
 */
export function OrganizationSwitcher({ current }: { current?: string }) {
  const popover = useRef<HTMLDivElement>(null)
  const button = useRef<HTMLButtonElement>(null)
  const organizations = useQuery(organizationQueries.list())
  const close = () => popover.current?.hidePopover?.()

  return (
    <>
      <button
        type="button"
        className="ui-button ui-button--small switcher__button"
        ref={button}
        popoverTarget={POPOVER_ID}
        aria-label={current ? `Switch organization (current: ${current})` : 'Switch organization'}
      >
        <span className="switcher__current">{current ?? 'Organizations'}</span>
        <span aria-hidden="true">▾</span>
      </button>
      <div
        id={POPOVER_ID}
        ref={popover}
        popover="auto"
        className="menu-popover"
        onBeforeToggle={(event) => {
          if (event.newState === 'open' && button.current && popover.current)
            placeUnder(popover.current, button.current)
        }}
      >
        <nav aria-label="Organizations">
          <p className="menu-popover__heading">Switch organization</p>
          {organizations.isPending ? (
            <p className="menu-popover__heading" role="status">
              Loading organizations…
            </p>
          ) : organizations.isError ? (
            <p className="menu-popover__heading" role="alert">
              Could not load the organizations.{' '}
              <button
                type="button"
                className="ui-button ui-button--small"
                onClick={() => void organizations.refetch()}
              >
                Retry
              </button>
            </p>
          ) : (
            <ul>
              {organizations.data.map((org) => (
                <li key={org.id}>
                  <Link
                    to={paths.organization(org.name)}
                    aria-current={org.name === current ? 'page' : undefined}
                    onClick={close}
                  >
                    {org.name}
                  </Link>
                </li>
              ))}
              <li>
                <Link to={paths.organizations()} onClick={close}>
                  All organizations…
                </Link>
              </li>
            </ul>
          )}
        </nav>
      </div>
    </>
  )
}

/** Opens the menu under its button, kept inside the window (through the CSSOM: CSP-safe). */
function placeUnder(menu: HTMLElement, anchor: HTMLElement) {
  const rect = anchor.getBoundingClientRect()
  const margin = 8
  const width = Math.min(320, window.innerWidth - 2 * margin)
  menu.style.top = `${rect.bottom + 4}px`
  menu.style.left = `${Math.max(margin, Math.min(rect.left, window.innerWidth - width - margin))}px`
  menu.style.width = `${width}px`
}
