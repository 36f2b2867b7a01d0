import { lazy, Suspense, useEffect } from 'react'
import { useSearchParams } from 'react-router'
import type { ComponentProps } from 'react'
import type { ProjectDayEvents as LoadedDayEvents } from '../../features/audit/components/project-day-events'
import { PendingState } from '../../components/ui/query-state'
import { UsagePage } from '../../features/usage/components/usage-page'

// This module, the usage feature and recharts load only when the usage page is opened (a lazy route).
// The "why this day" panel lists a project's audit events of the day: the audit feature's, composed
// here because features do not reach into each other's components. They load with a chosen day
// (`day=`), beside the panel's own code, not with the page.
const loadDayEvents = () => import('../../features/audit/components/project-day-events')
const LazyDayEvents = lazy(() => loadDayEvents().then((module) => ({ default: module.ProjectDayEvents })))

function DayEvents(props: ComponentProps<typeof LoadedDayEvents>) {
  return (
    <Suspense fallback={<PendingState label={`Loading the changes to ${props.project}`} lines={2} />}>
      <LazyDayEvents {...props} />
    </Suspense>
  )
}

export default function UsageRoute() {
  const [searchParams] = useSearchParams()
  const hasChosenDay = searchParams.has('day')
  useEffect(() => {
    // A failed fetch shows in the panel, when it renders the events.
    if (hasChosenDay) void loadDayEvents().catch(() => undefined)
  }, [hasChosenDay])
  return <UsagePage dayEvents={DayEvents} />
}
