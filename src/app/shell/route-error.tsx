import { isRouteErrorResponse, Link, useRouteError } from 'react-router'

/**
 * What a page that crashed (or whose code could not be loaded, e.g. after a new deployment)
 * shows instead of react-router's developer screen.
 */
export function RouteError() {
  const error = useRouteError()
  const detail = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : 'Unknown error'
  return (
    <main className="app-main">
      <div role="alert" className="ui-state ui-state--error">
        <h1>Something went wrong</h1>
        <p>This page could not be shown ({detail}). Reloading usually helps.</p>
        <div className="row">
          <button
            type="button"
            className="ui-button ui-button--primary"
            onClick={() => window.location.reload()}
          >
            Reload the page
          </button>
          <Link to="/organizations">Go to your organizations</Link>
        </div>
      </div>
    </main>
  )
}
