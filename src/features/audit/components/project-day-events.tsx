import { ErrorState, PendingState } from '../../../components/ui/query-state'
import { useProjectDayEvents } from '../hooks/use-project-day-events'
import { AuditEventBody } from './audit-event-body'
import './audit.css'

/**
 * A project's changes on one UTC day, newest first, each as the audit trail shows it (its links
 * included): what the usage page's "why this day" panel lists. The caller shows it only to viewers
 * who may read the project's events (its users and the organization's admins).
 */
export function ProjectDayEvents({
  organization,
  project,
  day,
}: {
  organization: string
  project: string
  day: string
}) {
  const { events, isPending, error, retry, isCut } = useProjectDayEvents(organization, project, day)
  if (error)
    return <ErrorState title={`Could not load the changes to ${project}`} error={error} onRetry={retry} />
  if (isPending) return <PendingState label={`Loading the changes to ${project}`} lines={2} />
  return (
    <>
      {events.length === 0 ? (
        <p className="muted">No change to {project} was recorded on this day.</p>
      ) : (
        <ul className="audit-day-events" aria-label={`Changes to ${project} on ${day} (UTC), newest first`}>
          {events.map((event) => (
            <li key={event.id} className="audit-day-events__item" aria-labelledby={`day-audit-${event.id}`}>
              <AuditEventBody
                organization={organization}
                event={event}
                sentenceId={`day-audit-${event.id}`}
              />
            </li>
          ))}
        </ul>
      )}
      {isCut && (
        <p className="muted">
          Only the project&apos;s latest events were read; older ones of this day may be missing.
        </p>
      )}
    </>
  )
}
