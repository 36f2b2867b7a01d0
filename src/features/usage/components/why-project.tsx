// One project of the "why this day" panel: which of its deployment versions made its change (current
// generation) or how each of its series per object type and metric compares with what is usual (2022),
// a link into the project's own usage, and its audit events of that day (the slot the route fills).
import { useQuery } from '@tanstack/react-query'
import { Link } from 'react-router'
import type { IsoDate } from '../../../../domain/dates'
import type { UsageInterval } from '../../../api/types'
import { ErrorState, PendingState } from '../../../components/ui/query-state'
import { formatChange, formatMetricValue } from '../lib/format'
import { projectUsageLink } from '../lib/usage-links'
import type { UsageView } from '../lib/usage-address'
import { metricChanges, partChanges, versionParts, windowBuckets } from '../lib/why-day'
import type { Bucket } from '../model/buckets'
import { windowQuery } from './use-why-projects'
import { WhyChangeTable, WhyTableHead } from './why-change-table'
import type { DayEventsSlot } from './why-panel'

interface WhyProjectProps {
  organization: string
  project: string
  bucket: Bucket
  interval: UsageInterval
  view: UsageView
  /** The bucket in words: "Nov 23, 2026". */
  span: string
  dayEvents: DayEventsSlot | undefined
}

export function WhyProject({
  organization,
  project,
  bucket,
  interval,
  view,
  span,
  dayEvents: DayEvents,
}: WhyProjectProps) {
  const answer = useQuery(windowQuery(organization, project, bucket, interval))
  const headingId = `why-project-${project}`
  const isPending = answer.isPending || answer.isPlaceholderData
  const buckets = windowBuckets(bucket, interval)
  return (
    <section className="why-project stack-sm" aria-labelledby={headingId}>
      <h4 id={headingId}>{project}</h4>
      {answer.isError ? (
        <ErrorState
          title={`Could not load the usage of ${project}`}
          error={answer.error}
          onRetry={() => void answer.refetch()}
          isRetrying={answer.isFetching}
        />
      ) : isPending ? (
        <PendingState label={`Loading the usage of ${project}`} lines={3} />
      ) : answer.data.generation === 'current' ? (
        <VersionChanges
          project={project}
          changes={partChanges(versionParts(answer.data, buckets), buckets.length - 1, interval).parts}
        />
      ) : (
        <MetricChanges project={project} changes={metricChanges(answer.data, buckets, interval)} />
      )}
      <p>
        <Link to={projectUsageLink(organization, project, view)}>Open the usage of {project}</Link>
      </p>
      {DayEvents && (
        <section className="stack-sm" aria-labelledby={`${headingId}-events`}>
          <h5 id={`${headingId}-events`}>
            Changes to {project} on {span} (UTC)
          </h5>
          <DayEvents organization={organization} project={project} day={bucket.start as IsoDate} />
        </section>
      )}
    </section>
  )
}

function VersionChanges({
  project,
  changes,
}: {
  project: string
  changes: ReturnType<typeof partChanges>['parts']
}) {
  if (changes.length === 0) return <p className="muted">No deployment version of {project} changed.</p>
  return (
    <WhyChangeTable
      caption={`Deployment versions of ${project} that made its change, largest first`}
      partLabel="Deployment version"
      partsWord="deployment versions"
      rows={changes}
    />
  )
}

function MetricChanges({ project, changes }: { project: string; changes: ReturnType<typeof metricChanges> }) {
  if (changes.length === 0) return <p className="muted">{project} used nothing, then or usually.</p>
  return (
    <div className="ui-table-wrap">
      <table className="ui-table usage-table why-table">
        <caption className="visually-hidden">{`${project} per object type and metric, against what is usual`}</caption>
        <WhyTableHead first="Object type · metric" numbers={['Usual', 'This bucket', 'Change']} />
        <tbody>
          {changes.map((change) => (
            <tr key={change.label}>
              <th scope="row">{change.label}</th>
              <td className="usage-table__number">{formatMetricValue(change.metric, change.usual)}</td>
              <td className="usage-table__number">{formatMetricValue(change.metric, change.value)}</td>
              <td className="usage-table__number">
                {change.relative === null ? 'new' : formatChange(change.relative)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
