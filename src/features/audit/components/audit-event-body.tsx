import { Link } from 'react-router'
import { formatDateTime } from '../../../lib/format-date'
import { paths } from '../../../lib/paths'
import { memberNamed, type AuditEvent } from '../lib/audit-trail'

/** A link to the members list searched for `email` (the list opens on that member's row). */
const memberLink = (organization: string, email: string) =>
  `${paths.members(organization)}?q=${encodeURIComponent(email)}`

/**
 * One audit event as the trail and the usage page's "why this day" panel show it: its sentence
 * (with `sentenceId`, to label what holds it), who made it and when, and links to the project and
 * the member it names. Times in the reader's time zone with the zone named (src/lib/format-date.ts);
 * the exact UTC moment, which the UTC day filter reads, is the title.
 */
export function AuditEventBody({
  organization,
  event,
  sentenceId,
}: {
  organization: string
  event: AuditEvent
  sentenceId: string
}) {
  const member = memberNamed(event)
  return (
    <>
      <p id={sentenceId} className="audit-event__sentence">
        {event.event}
      </p>
      <p className="audit-event__facts muted">
        <time dateTime={event.date} title={event.date}>
          {formatDateTime(event.date)}
        </time>
        <span className="audit-event__action">{event.action}</span>
        <span>
          by {event.user ? <Link to={memberLink(organization, event.user)}>{event.user}</Link> : 'the server'}
        </span>
        <span>
          in <Link to={paths.project(organization, event.project)}>{event.project}</Link>
        </span>
        {member && member !== event.user && (
          <span>
            <Link to={memberLink(organization, member)} aria-label={`Member ${member}`}>
              Open member
            </Link>
          </span>
        )}
      </p>
    </>
  )
}
