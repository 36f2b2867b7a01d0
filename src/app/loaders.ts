// The routes' loaders: what each page needs, started with the very `queryOptions` the page then
// reads with useQuery. They run beside the page's lazy chunk (react-router loads both at once),
// and the navigation waits for them, so that a page arrives with its data rather than a spinner.
// They live outside the lazily loaded pages and stay small: they are part of the first download.
import type { QueryClient } from '@tanstack/react-query'
import { redirect, type LoaderFunction, type LoaderFunctionArgs } from 'react-router'
import { readCredential } from '../api/auth-token'
import { signInPathFor } from '../features/auth/lib/next-path'
import { takeTokenFromAddressBar } from '../features/auth/lib/token-fragment'
import { userQueries } from '../features/auth/queries'
import { organizationQueries } from '../features/organizations/queries'
import { ensureCached } from './ensure-cached'
import type { PageId } from '../lib/paths'
import type { SignInLinkResult } from './sign-in-link'

/** The route's `:name`; react-router only runs the loader when the pattern matched. */
const nameOf = ({ params }: LoaderFunctionArgs) => params.name ?? ''

/**
 * A loader of a signed-in page: without a token, go to sign-in and come back afterwards. Every
 * matched route's loader runs at once, so each checks for itself rather than trusting its parent.
 */
function signedIn(load: (args: LoaderFunctionArgs) => unknown = () => null): LoaderFunction {
  return async (args) => {
    if (!readCredential()) {
      const url = new URL(args.request.url)
      throw redirect(signInPathFor(url.pathname + url.search))
    }
    await load(args)
    return null
  }
}

/**
 * Every route's loader, bound to the app's query client: a page's under its id in the manifest
 * (src/lib/paths.ts), the frames' and the fallback under their own names. Each resolves to null (pages read their
 * data with useQuery, from the cache the loader filled) or throws a redirect; none throws for a
 * failed request.
 */
export function createLoaders(queryClient: QueryClient) {
  return {
    /**
     * The one-click link (`/sign-in#token=…`): the token leaves the address bar before anything
     * else happens, is checked with GET /user and only then kept (for this tab); then on to
     * `next`. Without a link, nothing to load.
     */
    signIn: (async ({ request }) => {
      const token = takeTokenFromAddressBar()
      if (!token) return null
      const { signInWithLink } = await import('./sign-in-link')
      const result = await signInWithLink(queryClient, token, new URL(request.url).searchParams)
      if (result.next) throw redirect(result.next)
      return result
    }) satisfies (args: LoaderFunctionArgs) => Promise<SignInLinkResult | null>,

    /** The header's "signed in as" and the admin checks need the caller; no need to wait for it. */
    signedIn: signedIn(() => void queryClient.prefetchQuery(userQueries.me())),

    organizations: signedIn(() => ensureCached(queryClient, organizationQueries.list())),

    /** The organization's frame waits for its detail; a failure (e.g. not found) is the frame's to show. */
    organizationFrame: signedIn((args) =>
      ensureCached(queryClient, organizationQueries.detail(nameOf(args))),
    ),

    /** The overview: its counts start beside the frame's detail; the cards show their own loading state. */
    organization: signedIn(
      (args) => void queryClient.prefetchQuery(organizationQueries.resources(nameOf(args))),
    ),

    /** The settings show controls or a summary: wait for the caller's admin right (one small request). */
    settings: signedIn(async (args) => {
      const me = await queryClient.ensureQueryData(userQueries.me()).catch(() => undefined)
      if (me && !me.staff)
        await ensureCached(queryClient, organizationQueries.adminRight(nameOf(args), me.id))
    }),

    /**
     * The members page opens with its rows; a failure shows under the tabs with Retry. The
     * members' queries come as a small chunk beside the page's own.
     */
    members: signedIn(async (args) => {
      const { memberQueries } = await import('../features/members/queries')
      await ensureCached(queryClient, memberQueries.list(nameOf(args)))
    }),

    /** The projects list opens with its rows; the counts and roles of each come beside it. */
    projects: signedIn(async (args) => {
      const { projectQueries } = await import('../features/projects/queries')
      await ensureCached(queryClient, projectQueries.list(nameOf(args)))
    }),

    /** A project's page opens with its members; their roles come beside them. */
    project: signedIn(async (args) => {
      const { projectQueries } = await import('../features/projects/queries')
      const project = args.params.project ?? ''
      await Promise.all([
        ensureCached(queryClient, projectQueries.detail(nameOf(args), project)),
        ensureCached(queryClient, projectQueries.users(nameOf(args), project)),
      ])
    }),

    /**
     * The access matrix opens with its members and projects; each project's roles come beside
     * its rows (at most six in flight), so the first rows need not wait for forty projects.
     */
    access: signedIn(async (args) => {
      const [{ memberQueries }, { projectQueries }] = await Promise.all([
        import('../features/members/queries'),
        import('../features/projects/queries'),
      ])
      await Promise.all([
        ensureCached(queryClient, memberQueries.list(nameOf(args))),
        ensureCached(queryClient, projectQueries.list(nameOf(args))),
      ])
    }),

    /** Reading the usage view from the URL takes the usage feature's date code: a chunk of its own. */
    usage: signedIn(async (args) => {
      const { loadUsage } = await import('./usage-loader')
      await loadUsage(queryClient, { organization: nameOf(args) }, new URL(args.request.url).searchParams)
    }),

    /** A project's usage: the usage page's loader, of the project. */
    projectUsage: signedIn(async (args) => {
      const { loadUsage } = await import('./usage-loader')
      const subject = { organization: nameOf(args), project: args.params.project ?? '' }
      await loadUsage(queryClient, subject, new URL(args.request.url).searchParams)
    }),

    /** The monthly report: its period's day buckets (the report's code and its loader are chunks of their own). */
    usageReport: signedIn(async (args) => {
      const { loadUsageReport } = await import('./usage-report-loader')
      await loadUsageReport(queryClient, nameOf(args), new URL(args.request.url).searchParams)
    }),

    /** Any other signed-in page (one that needs no data first), and the not-found page. */
    other: signedIn(),
  } satisfies Partial<Record<PageId | 'signedIn' | 'organizationFrame' | 'other', LoaderFunction>>
}
