// The "why this day" panel (./why-panel.tsx, its project and version steps and their rules) is
// fetched when the admin is about to choose a day, not with the usage page: the page's own
// JavaScript has a budget (bench/bytes.ts), and an admin who only reads the charts never opens the
// panel. A link that opens the page at a chosen day (`day=`) loads it at once.
import type { ComponentProps } from 'react'
import { ErrorState, PendingState } from '../../../components/ui/query-state'
import { onDemand, useOnDemand } from '../../../hooks/use-on-demand'
import type { WhyPanel as LoadedWhyPanel } from './why-panel'

const whyPanel = onDemand(() => import('./why-panel').then((module) => module.WhyPanel))

/**
 * Starts fetching the panel's code: for the results' pointer-enter and focus handlers (their charts
 * and table are what choose a day), so that a chosen day shows at once.
 */
export const preloadWhyPanel = whyPanel.preload

/**
 * The panel, once its code is in; meanwhile a placeholder of its card that says what is loading
 * (or why it could not, with Retry). Focus stays on what chose the day until the panel's heading
 * takes it (./use-why-choice.ts).
 */
export function WhyPanel(props: ComponentProps<typeof LoadedWhyPanel>) {
  const { value: Panel, error, retry } = useOnDemand(whyPanel)
  if (Panel) return <Panel {...props} />
  return (
    <section className="why-panel ui-card stack" aria-label="Why this day">
      {error ? (
        <ErrorState title="Could not load why this day" error={error} onRetry={retry} />
      ) : (
        <PendingState label="Loading why this day" lines={3} />
      )}
    </section>
  )
}
