import { Component, type ReactNode } from 'react'
import { Link } from '../../components/ui/link'
import { forgetFailedPreparations } from '../route-preparation'

interface RouteErrorBoundaryProps {
  /** A new value (another address) clears the error: navigating away from a crash works. */
  resetKey: string
  /** The outermost routes are the whole page and wrap the screen in its <main>. */
  isPage: boolean
  children: ReactNode
}

/**
 * What a page that crashed (or whose code could not be loaded, e.g. after a new deployment)
 * shows instead of a blank screen: what happened, Try again, and a way out.
 */
export class RouteErrorBoundary extends Component<
  RouteErrorBoundaryProps,
  { error: unknown; resetKey: string }
> {
  state = { error: null as unknown, resetKey: this.props.resetKey }

  static getDerivedStateFromError(error: unknown) {
    return { error }
  }

  static getDerivedStateFromProps(
    props: RouteErrorBoundaryProps,
    state: { error: unknown; resetKey: string },
  ) {
    return props.resetKey === state.resetKey ? null : { error: null, resetKey: props.resetKey }
  }

  private readonly handleRetry = () => {
    forgetFailedPreparations()
    this.setState({ error: null })
  }

  render() {
    if (this.state.error === null) return this.props.children
    const screen = <RouteError error={this.state.error} onRetry={this.handleRetry} />
    return this.props.isPage ? <main className="app-main">{screen}</main> : screen
  }
}

function RouteError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const detail = error instanceof Error && error.message ? error.message : 'Unknown error'
  return (
    <div role="alert" className="ui-state ui-state--error">
      <title>Something went wrong · UbiOps</title>
      <h1>Something went wrong</h1>
      <p>This page could not be shown ({detail}). Trying again, or reloading the page, usually helps.</p>
      <div className="row">
        <button type="button" className="ui-button ui-button--primary" onClick={onRetry}>
          Try again
        </button>
        <button type="button" className="ui-button" onClick={() => window.location.reload()}>
          Reload the page
        </button>
        <Link to="/organizations">Go to your organizations</Link>
      </div>
    </div>
  )
}
