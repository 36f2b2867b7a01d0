// What each route starts before its page renders. These live outside the lazily loaded pages
// (src/app/routes) so that the page's chunk and its data are requested at the same time, and stay
// small: they are part of the first download.
import type { Location } from 'react-router'
import { readCredential } from '../api/auth-token'
import { userQueries } from '../features/auth/queries'
import { signInPathFor } from '../features/auth/lib/next-path'
import { takeTokenFromAddressBar } from '../features/auth/lib/token-fragment'
import { organizationQueries } from '../features/organizations/queries'
import { untilCached, type Prefetch } from './route-module'

/** Every page but sign-in needs a credential; without one, go sign in and come back. */
export const requireToken = (location: Location) =>
  readCredential() ? null : signInPathFor(location.pathname + location.search)

/** The header's "signed in as" and the admin checks need the caller; no need to wait for it. */
export const prefetchSignedIn: Prefetch = (queryClient) => {
  void queryClient.prefetchQuery(userQueries.me())
}

/**
 * The one-click link (`/sign-in#token=…`): the token leaves the address bar before anything else
 * happens, is checked with GET /user, and only then kept (for this tab).
 */
export const prefetchSignIn: Prefetch = (queryClient, { searchParams }) => {
  const token = takeTokenFromAddressBar()
  if (!token) return undefined
  return import('./sign-in-link').then((link) => link.signInWithLink(queryClient, token, searchParams))
}

export const prefetchOrganizations: Prefetch = (queryClient) =>
  untilCached(queryClient, organizationQueries.list())

/** The organization's frame waits for its detail; a failure (e.g. not found) is the layout's to show. */
export const prefetchOrganization: Prefetch = (queryClient, { params }) =>
  untilCached(queryClient, organizationQueries.detail(params.name ?? ''))

/** The counts start beside the layout's detail; the cards show their own loading state. */
export const prefetchOverview: Prefetch = (queryClient, { params }) => {
  void queryClient.prefetchQuery(organizationQueries.resources(params.name ?? ''))
}

/**
 * The members page opens with its rows; a failure shows under the tabs with a Retry button. The
 * members' queries come as a small chunk beside the page's (in the first download they would cost
 * the sign-in page and the list a kilobyte they never use).
 */
export const prefetchMembers: Prefetch = withModule(
  () => import('../features/members/queries'),
  ({ memberQueries }, queryClient, { params }) =>
    untilCached(queryClient, memberQueries.list(params.name ?? '')),
)

/** Reading the usage view from the URL takes the usage feature's date code: a small chunk of its own. */
export const prefetchUsage: Prefetch = withModule(
  () => import('./usage-prefetch'),
  (usage, queryClient, args) => usage.prefetchUsage(queryClient, args),
)

/** A prefetch whose code is a chunk of its own: loaded on first use, then run without waiting for it. */
function withModule<M>(
  load: () => Promise<M>,
  run: (module: M, ...args: Parameters<Prefetch>) => unknown,
): Prefetch {
  let loaded: M | undefined
  return (...args) =>
    loaded
      ? run(loaded, ...args)
      : load().then(
          (module) => {
            loaded = module
            return run(module, ...args)
          },
          // A prefetch only saves time: without its code, the page fetches its own data.
          () => undefined,
        )
}
