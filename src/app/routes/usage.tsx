import { useEffect, type ComponentProps } from 'react'
import { useSearchParams } from 'react-router'
import type { ProjectDayEvents as LoadedDayEvents } from '../../features/audit/components/project-day-events'
import { ErrorState, PendingState } from '../../components/ui/query-state'
import { UsagePage } from '../../features/usage/components/usage-page'
import { onDemand, useOnDemand } from '../../hooks/use-on-demand'

// This module, the usage feature and recharts load only when the usage page is opened (a lazy route).
// The "why this day" panel lists a project's audit events of the day: the audit feature's, composed
// here because features do not reach into each other's components. They load with a chosen day
// (`day=`), beside the panel's own code, not with the page.
const dayEvents = onDemand(() =>
  import('../../features/audit/components/project-day-events').then((module) => module.ProjectDayEvents),
)

function DayEvents(props: ComponentProps<typeof LoadedDayEvents>) {
  const { value: Events, error, retry } = useOnDemand(dayEvents)
  if (Events) return <Events {...props} />
  if (error)
    return (
      <ErrorState title={`Could not load the changes to ${props.project}`} error={error} onRetry={retry} />
    )
  return <PendingState label={`Loading the changes to ${props.project}`} lines={2} />
}

export default function UsageRoute() {
  const [searchParams] = useSearchParams()
  const hasChosenDay = searchParams.has('day')
  useEffect(() => {
    if (hasChosenDay) dayEvents.preload()
  }, [hasChosenDay])
  return <UsagePage dayEvents={DayEvents} />
}
