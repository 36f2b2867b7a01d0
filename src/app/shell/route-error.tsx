import { isRouteErrorResponse, Link, useLocation, useNavigate, useRouteError } from 'react-router'
import { ErrorState, PendingState } from '../../components/ui/query-state'
import { isTwoFactorRequired } from '../../features/auth/lib/two-factor-required'
import { onDemand, useOnDemand } from '../../hooks/use-on-demand'
import { paths } from '../../lib/paths'
import { ChunkLoadError } from '../lazy-page'

// What an organization that requires two-factor authentication shows loads when one refuses: this
// module is in the entry, which every first page loads (bench/bytes.ts holds those to a budget), and
// the refusal came from an answer, so the network is there to fetch it.
const twoFactorRequired = onDemand(() =>
  import('../../features/auth/components/two-factor-required').then((module) => module.TwoFactorRequired),
)

function TwoFactorRequired({ message }: { message: string }) {
  const { value: Page, error, retry } = useOnDemand(twoFactorRequired)
  if (Page) return <Page message={message} />
  if (error) return <ErrorState title="Could not load what to do" error={error} onRetry={retry} />
  return <PendingState label="Loading what to do" />
}

/** The sentence of whatever a route threw: an Error's message, a route response's status text. */
function describe(error: unknown): string {
  if (isRouteErrorResponse(error)) return `${error.status} ${error.statusText}`.trim()
  if (error instanceof Error && error.message) return error.message
  return 'Unknown error'
}

/**
 * A route's error element: what a page that crashed (or whose code could not be loaded, e.g.
 * after a new deployment) shows instead of a blank screen: what happened, Try again, and a way
 * out. Shown inside the frames above it (header, the organization's tabs), which still work.
 * Try again is the same address once more, in place: react-router clears the error of a new
 * location and runs the loaders again (another address clears it as well). Code that could not
 * be downloaded comes only with a reload of the page, so there Try again reloads.
 * An organization that requires two-factor authentication refusing this session is no crash: it
 * shows what to do instead (TwoFactorRequired).
 */
export function RouteError() {
  const error = useRouteError()
  if (isTwoFactorRequired(error)) return <TwoFactorRequired message={error.message} />
  return <PageCrashed error={error} />
}

function PageCrashed({ error }: { error: unknown }) {
  const navigate = useNavigate()
  const { pathname, search, hash } = useLocation()
  const detail = describe(error)
  const handleRetry = () => {
    if (error instanceof ChunkLoadError) window.location.reload()
    else void navigate({ pathname, search, hash }, { replace: true })
  }
  return (
    <div role="alert" className="ui-state ui-state--error">
      <title>Something went wrong · UbiOps</title>
      <h1>Something went wrong</h1>
      <p>This page could not be shown ({detail}). Trying again, or reloading the page, usually helps.</p>
      <div className="row">
        <button type="button" className="ui-button ui-button--primary" onClick={handleRetry}>
          Try again
        </button>
        <button type="button" className="ui-button" onClick={() => window.location.reload()}>
          Reload the page
        </button>
        <Link to={paths.organizations()}>Go to your organizations</Link>
      </div>
    </div>
  )
}

/** The outermost error element: it stands for the whole page, so it is the page's <main>. */
export function PageError() {
  return (
    <main className="app-main">
      <RouteError />
    </main>
  )
}
