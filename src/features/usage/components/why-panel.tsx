// "Why this day": the chosen bucket against what is usual for it (domain/unusual-days.ts), the
// projects that made the difference, largest first with their share of the change, and for the
// largest (or any, on demand) its deployment versions or metrics, a link into its usage and its audit
// events of that day. The numbers are ../lib/why-day.ts's and ../lib/usage-history.ts's; this renders.
import { useEffect, useRef, useState, type ComponentType, type KeyboardEvent } from 'react'
import type { IsoDate } from '../../../../domain/dates'
import { unusualDayRule } from '../../../../domain/unusual-days'
import type { ApiGeneration } from '../../../api/model'
import type { UsageInterval } from '../../../api/types'
import { Button } from '../../../components/ui/button'
import { EmptyState, ErrorState, PendingState } from '../../../components/ui/query-state'
import { formatSpan } from '../lib/dates'
import { formatChange, formatMetricValue } from '../lib/format'
import type { UsageView } from '../lib/usage-address'
import { judgeBucket, shownBucket, type UsageReference } from '../lib/usage-history'
import { largestLivePart, partChanges } from '../lib/why-day'
import type { UsageModel } from '../model/usage-model'
import { useWhyProjects } from './use-why-projects'
import { WhyChangeTable, WhyTableHead, formatSignedCredits } from './why-change-table'
import { WhyProject } from './why-project'

/** A project's changes on a UTC day, newest first (the audit trail's rows), or nothing for a viewer who may not read them. */
export type DayEventsSlot = ComponentType<{ organization: string; project: string; day: IsoDate }>

interface WhyPanelProps {
  organization: string
  generation: ApiGeneration
  model: UsageModel
  reference: UsageReference
  /** The chosen bucket's first day (`day=` in the address). */
  day: IsoDate
  interval: UsageInterval
  view: UsageView
  today: IsoDate
  dayEvents: DayEventsSlot | undefined
  /** The projects the viewer may read (./use-why-projects.ts), asked with the page so that a choice waits for nothing. */
  readable: ReadonlySet<string> | undefined
  /** Move focus to the heading when shown (the admin just chose the bucket). */
  shouldFocus: boolean
  onClose: () => void
}

export function WhyPanel(props: WhyPanelProps) {
  const { reference, day, interval, today, shouldFocus, onClose } = props
  const headingRef = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    if (shouldFocus) headingRef.current?.focus()
  }, [shouldFocus, day])
  const shown = shownBucket(reference, day)
  const word = interval === 'day' ? 'day' : 'month'
  const handleKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return
    event.preventDefault()
    onClose()
  }
  return (
    <section
      className="why-panel ui-card stack"
      aria-labelledby="why-panel-heading"
      onKeyDown={handleKeyDown}
    >
      <div className="why-panel__header">
        <h3 id="why-panel-heading" ref={headingRef} tabIndex={-1}>
          Why this {word}: {shown ? formatSpan(shown.bucket.start, shown.bucket.end) : day}
        </h3>
        <Button onClick={onClose} aria-label={`Close why this ${word}`}>
          Close
        </Button>
      </div>
      {!shown ? (
        <EmptyState title={`This ${word} is not in the range shown`}>
          Pick a {word} on the chart or in the table, or choose a range that holds it.
        </EmptyState>
      ) : shown.bucket.start > today ? (
        <EmptyState title={`This ${word} has not begun`}>Nothing is used before it starts.</EmptyState>
      ) : (
        <WhyBody {...props} index={shown.index} bucket={shown.bucket} />
      )}
    </section>
  )
}

function WhyBody({
  organization,
  generation,
  model,
  reference,
  interval,
  view,
  today,
  dayEvents,
  readable,
  index,
  bucket,
}: WhyPanelProps & { index: number; bucket: UsageReference['buckets'][number] }) {
  const projects = useWhyProjects(
    organization,
    generation,
    bucket,
    interval,
    { parts: reference.parts, index },
    readable,
  )
  const changes = projects.isPending ? null : partChanges(projects.parts, projects.index, interval)
  const largest = changes && largestLivePart(changes.parts)?.id
  const [toggled, setToggled] = useState<ReadonlySet<string>>(new Set())
  const isOpen = (id: string) => (id === largest) !== toggled.has(id)
  const toggle = (id: string) =>
    setToggled((current) => {
      const next = new Set(current)
      if (!next.delete(id)) next.add(id)
      return next
    })
  const span = formatSpan(bucket.start, bucket.end)
  const isPartial = bucket.start <= today && today < bucket.end
  const referenceWords =
    interval === 'day' ? 'the same weekday over the 4 weeks before' : 'the 4 months before'
  const credits = model.charts.find((chart) => chart.metric === 'credits') ?? model.charts[0]!
  const judged = judgeBucket(reference, reference.totals.get(credits.metric) ?? [], index)

  return (
    <>
      {isPartial && (
        <p className="ui-notice ui-notice--info">
          This {interval === 'day' ? 'day' : 'month'} holds today, which is not over (UTC): its usage is so
          far.
        </p>
      )}
      <div className="ui-table-wrap">
        <table className="ui-table usage-table why-table" data-testid="why-usual">
          <caption className="visually-hidden">{`${span} against what is usual`}</caption>
          <WhyTableHead
            first="Metric"
            numbers={['This bucket', 'Usual', 'Change']}
            after={['Far from usual']}
          />
          <tbody>
            {model.charts.map((chart) => {
              const row = judgeBucket(reference, reference.totals.get(chart.metric) ?? [], index)
              const format = (value: number) => formatMetricValue(chart.metric, value)
              return (
                <tr key={chart.metric} data-metric={chart.metric}>
                  <th scope="row">{chart.totalLabel}</th>
                  <td className="usage-table__number" data-value={row.value}>
                    {format(row.value)}
                  </td>
                  <td className="usage-table__number">{row.usual ? format(row.usual.usual) : '—'}</td>
                  <td className="usage-table__number">
                    {row.usual && row.usual.usual !== 0
                      ? formatChange(row.usual.deviation / row.usual.usual)
                      : '—'}
                  </td>
                  <td>{row.usual ? (row.usual.isUnusual ? 'Yes' : 'No') : 'Not judged'}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      <p className="muted usage-footnote">
        {judged.usual
          ? `Usual: the median of ${referenceWords} (${judged.references
              .map(
                (ref) =>
                  `${formatSpan(ref.bucket.start, ref.bucket.end)}: ${formatMetricValue(credits.metric, ref.value)}`,
              )
              .join('; ')}).`
          : `Not judged: fewer than 3 of ${referenceWords} have usage data.`}{' '}
        {unusualDayRule()}
      </p>
      <section className="stack-sm" aria-labelledby="why-projects-heading">
        <h4 id="why-projects-heading">Projects that made the difference</h4>
        {projects.error ? (
          <ErrorState
            title="Could not load the projects' usage"
            error={projects.error}
            onRetry={projects.retry}
          />
        ) : !changes ? (
          <PendingState label="Loading the projects' usage" lines={3} />
        ) : changes.parts.length === 0 ? (
          <p className="muted">No project's credits differ from what is usual for them.</p>
        ) : (
          <>
            <p className="muted">
              Credits against what is usual for each project (the median of {referenceWords}); the shares are
              of the projects&apos; whole change, {formatSignedCredits(changes.change)} credits.
            </p>
            <WhyChangeTable
              caption={`Projects that made the change of ${span}, largest first`}
              partLabel="Project"
              partsWord="projects"
              rows={changes.parts}
              action={(row) =>
                row.isDeleted ? null : (
                  <button
                    type="button"
                    className="usage-link-button why-table__toggle"
                    aria-expanded={isOpen(row.id)}
                    aria-label={`Details of ${row.label}`}
                    onClick={() => toggle(row.id)}
                  >
                    {isOpen(row.id) ? 'Hide details' : 'Details'}
                  </button>
                )
              }
            />
            {changes.parts
              .filter((part) => !part.isDeleted && isOpen(part.id))
              .map((part) =>
                readable?.has(part.label) ? (
                  <WhyProject
                    key={part.id}
                    organization={organization}
                    project={part.label}
                    bucket={bucket}
                    interval={interval}
                    view={view}
                    span={span}
                    dayEvents={dayEvents}
                  />
                ) : (
                  <p key={part.id} className="muted">
                    You are not a member of {part.label}: its deployment versions and changes are for its
                    members and the organization&apos;s admins.
                  </p>
                ),
              )}
          </>
        )}
      </section>
    </>
  )
}
