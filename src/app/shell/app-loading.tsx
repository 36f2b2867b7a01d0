/** Shown while the first page's code and data load (react-router's HydrateFallback). */
export function AppLoading() {
  return (
    <div role="status" aria-live="polite" className="app-loading">
      <span className="ui-spinner" aria-hidden="true" />
      <span>Loading the dashboard…</span>
    </div>
  )
}
