import { ProjectDayEvents } from '../../features/audit/components/project-day-events'
import { UsagePage } from '../../features/usage/components/usage-page'

// This module, the usage feature and recharts load only when the usage page is opened (a lazy route).
// The "why this day" panel lists a project's audit events of the day: the audit feature's, composed
// here because features do not reach into each other's components.
export default function UsageRoute() {
  return <UsagePage dayEvents={ProjectDayEvents} />
}
