// The "why this day" panel (./why-panel.tsx, its project and version steps and their rules) is
// fetched when the admin is about to choose a day, not with the usage page: the page's own
// JavaScript has a budget (bench/bytes.ts), and an admin who only reads the charts never
// opens the panel. A link that opens the page at a chosen day (`day=`) loads it at once.
import { lazy, Suspense, type ComponentProps } from 'react'
import { PendingState } from '../../../components/ui/query-state'
import type { WhyPanel as LoadedWhyPanel } from './why-panel'

const loadWhyPanel = () => import('./why-panel')
const LazyWhyPanel = lazy(() => loadWhyPanel().then((module) => ({ default: module.WhyPanel })))

/**
 * Starts fetching the panel's code: for the results' pointer-enter and focus handlers (their charts
 * and table are what choose a day), so that a chosen day shows at once.
 */
export function preloadWhyPanel(): void {
  // A failed fetch shows when the panel is opened (the route's error element, with Try again).
  void loadWhyPanel().catch(() => undefined)
}

/**
 * The panel, once its code is in; meanwhile a placeholder of its card that says what is loading.
 * Focus stays on what chose the day until the panel's heading takes it (./use-why-choice.ts).
 */
export function WhyPanel(props: ComponentProps<typeof LoadedWhyPanel>) {
  return (
    <Suspense
      fallback={
        <section className="why-panel ui-card stack" aria-label="Why this day">
          <PendingState label="Loading why this day" lines={3} />
        </section>
      }
    >
      <LazyWhyPanel {...props} />
    </Suspense>
  )
}
