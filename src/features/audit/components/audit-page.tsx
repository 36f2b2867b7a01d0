import { useCallback, useId } from 'react'
import { Button } from '../../../components/ui/button'
import { downloadText } from '../../../components/ui/download-text'
import { EmptyState, ErrorState, PendingState } from '../../../components/ui/query-state'
import { useSearchParamView } from '../../../hooks/use-search-param-view'
import { useSearchText } from '../../../hooks/use-search-text'
import { useAuditTrail } from '../hooks/use-audit-trail'
import { auditToCsv } from '../lib/audit-csv'
import { auditCsvFileName, readAuditFilter, writeAuditFilter } from '../lib/audit-trail'
import { AuditFeed } from './audit-feed'
import { AuditToolbar } from './audit-toolbar'
import './audit.css'
import { formatCount } from '../../../lib/format-number'

/**
 * /organizations/:name/audit — who changed what in every project of the organization, newest first,
 * read page by page as the admin scrolls, filtered by person, project, action and UTC days (all in
 * the address), with a CSV of exactly the events shown. Organization admins only: the route shows
 * others what to ask instead.
 */
export function AuditPage({ organization, canAdminister }: { organization: string; canAdminister: boolean }) {
  const [filter, updateFilter] = useSearchParamView(readAuditFilter, writeAuditFilter)
  const writePerson = useCallback((person: string) => updateFilter({ person }), [updateFilter])
  const [personText, setPersonText] = useSearchText(filter.person, writePerson)
  const trail = useAuditTrail(organization, filter)
  const headingId = useId()
  const feedLabelId = useId()

  const count = formatCount(trail.rows.length)
  const summary = trail.isComplete
    ? `${count} ${trail.rows.length === 1 ? 'event' : 'events'}`
    : `${count} events so far; more load as you scroll`

  return (
    <section className="audit-page stack" aria-labelledby={headingId}>
      <div className="section-header">
        <h2 id={headingId}>Audit trail</h2>
        {canAdminister && !trail.isPending && !trail.error && (
          <Button
            onClick={() => downloadText(auditCsvFileName(organization, filter), auditToCsv(trail.rows))}
          >
            Export CSV
          </Button>
        )}
      </div>
      <p className="muted">
        Every change to the projects of {organization} and who may work in them, newest first. Times are in
        your time zone, named beside each; the day filters read UTC days. The export holds exactly the events
        listed.
      </p>
      {!canAdminister ? (
        <EmptyState title="Only organization admins see the audit trail">
          Ask an admin of {organization}; each project’s own events are in the project for its users.
        </EmptyState>
      ) : (
        <>
          <AuditToolbar
            personText={personText}
            onPersonTextChange={setPersonText}
            filter={filter}
            onFilterChange={updateFilter}
            projects={trail.projects}
          />
          {trail.error ? (
            <ErrorState title="Could not load the audit trail" error={trail.error} onRetry={trail.retry} />
          ) : trail.isPending ? (
            <PendingState label="Loading the audit trail" lines={6} />
          ) : trail.rows.length === 0 && trail.isComplete ? (
            <EmptyState title="No events">
              No change to the projects of {organization} matches these filters.
            </EmptyState>
          ) : (
            <>
              <p id={feedLabelId} className="muted audit-page__count" role="status">
                {summary}
              </p>
              <AuditFeed
                organization={organization}
                rows={trail.rows}
                labelledBy={feedLabelId}
                isComplete={trail.isComplete}
                isLoadingMore={trail.isLoadingMore}
                onNearEnd={trail.loadMore}
              />
            </>
          )}
        </>
      )}
    </section>
  )
}
