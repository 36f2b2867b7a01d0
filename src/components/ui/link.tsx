import type { ComponentPropsWithRef } from 'react'
import { useHref, useLinkClickHandler, type To } from 'react-router'

export interface LinkProps extends Omit<ComponentPropsWithRef<'a'>, 'href'> {
  /** A page of the dashboard: a path, relative or absolute, or a {pathname, search, hash}. */
  to: To
  /** Replace the current history entry (default: only when linking to the current address). */
  replace?: boolean
  state?: unknown
}

/**
 * A link to a page of the dashboard: a real <a href> (open in a new tab, copy the address) that
 * navigates inside the app on a plain click. Built from react-router's two public hooks for this,
 * rather than its <Link>: that one adds framework-mode prefetching, masks and view transitions the
 * dashboard does not use, and react-router is a single module in the entry chunk, so whatever any
 * page imports from it is downloaded by every first page (~2 KB gzip for <Link> and its extras).
 * Import links from here, not from react-router.
 */
export function Link({ to, replace, state, target, onClick, ...props }: LinkProps) {
  const href = useHref(to)
  const navigateOnClick = useLinkClickHandler(to, { replace, state, target })
  return (
    <a
      {...props}
      href={href}
      target={target}
      onClick={(event) => {
        onClick?.(event)
        if (!event.defaultPrevented) navigateOnClick(event)
      }}
    />
  )
}
