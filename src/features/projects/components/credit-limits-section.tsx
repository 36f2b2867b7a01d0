import { Fragment, useLayoutEffect, useRef, useState } from 'react'
import type { Project } from '../../../api/model'
import { Button } from '../../../components/ui/button'
import { Skeleton } from '../../../components/ui/query-state'
import { VisuallyHidden } from '../../../components/ui/visually-hidden'
import { formatDay } from '../../../lib/format-date'
import { formatCredits, formatShare } from '../../../lib/format-number'
import { suspendedFirst, type CreditOutlook, type CreditOutlooks } from '../lib/credit-limits'
import { CreditLimitForm } from './credit-limit-form'
import { SplitBudgetDialog } from './split-budget-dialog'

/**
 * The Projects tab's credit limits: each project's credits this subscription period against its
 * limit, the projection to the period's end and the expected crossing day, suspended projects
 * first with the API's reason. Whoever administers a project (`canSetLimit`: organization admins,
 * and its project admins) sets, changes or clears its limit in its row; organization admins
 * (`canSplitBudget`) also split the organization's credit budget (`budget`, credits; null when
 * none is set) into limits. Others see the same figures and no control.
 */
export function CreditLimitsSection({
  organization,
  projects,
  outlooks,
  budget,
  canSplitBudget,
  canSetLimit,
}: {
  organization: string
  projects: readonly Project[]
  outlooks: CreditOutlooks
  budget: number | null
  canSplitBudget: boolean
  canSetLimit: (project: Project) => boolean
}) {
  const [editing, setEditing] = useState<string | null>(null)
  const [isSplitting, setIsSplitting] = useState(false)
  const ordered = suspendedFirst(projects)
  const outlookOf = (project: Project) =>
    outlooks.status === 'ready' ? outlooks.of(project.name, project.creditLimit) : null
  const keptFocusRef = useKeptFocus([editing, ordered.map((project) => project.id).join(' ')])
  const stopEditing = (project: Project) => {
    // Back to the row's button, as a dialog returns focus to its opener.
    keptFocusRef.current = editButtonId(project)
    setEditing(null)
  }
  const hasControls = projects.some(canSetLimit)
  const canSplit = canSplitBudget && budget !== null && outlooks.status === 'ready' && projects.length > 0

  return (
    <section className="stack" aria-labelledby="credit-limits-heading">
      <div className="ui-page-header">
        <div className="ui-page-header__text">
          <h3 id="credit-limits-heading">Credit limits</h3>
          <p className="muted">
            A project whose credits this subscription period reach its limit is suspended until its limit is
            raised or cleared.
          </p>
          {outlooks.status === 'unavailable' && (
            <p className="muted">
              This API answers usage for the organization as a whole, not per project: each project's limit
              and whether it is suspended are shown, not its credits.
            </p>
          )}
          {outlooks.status === 'error' && (
            <p className="ui-notice" role="status">
              Credits per project could not be loaded: {outlooks.message}
            </p>
          )}
        </div>
        {canSplit && <Button onClick={() => setIsSplitting(true)}>Split the budget</Button>}
      </div>
      <div className="ui-table-wrap" role="region" aria-labelledby="credit-limits-caption" tabIndex={0}>
        <table className="ui-table projects-table credit-limits-table">
          <caption id="credit-limits-caption" className="visually-hidden">
            Credit limits in {organization}, suspended projects first
          </caption>
          <thead>
            <tr>
              <th scope="col">Project</th>
              <th scope="col">Used this period</th>
              <th scope="col">Limit</th>
              <th scope="col">Projected</th>
              <th scope="col">Status</th>
              {hasControls && (
                <th scope="col">
                  <VisuallyHidden>Actions</VisuallyHidden>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {ordered.map((project) => {
              const outlook = outlookOf(project)
              const isEditing = editing === project.name
              return (
                <Fragment key={project.id}>
                  <tr data-suspended={project.suspended || undefined}>
                    <th scope="row">{project.name}</th>
                    <td data-label="Used this period">
                      <UsedCell project={project} outlook={outlook} outlooks={outlooks} />
                    </td>
                    <td data-label="Limit">
                      {project.creditLimit === null ? (
                        <span className="muted">No limit</span>
                      ) : (
                        formatCredits(project.creditLimit)
                      )}
                    </td>
                    <td data-label="Projected">
                      <ProjectedCell project={project} outlook={outlook} outlooks={outlooks} />
                    </td>
                    <td data-label="Status">
                      {project.suspended ? (
                        <>
                          <strong className="credit-limits__suspended">Suspended</strong>
                          {project.suspendedReason && (
                            <p className="credit-limits__reason">{project.suspendedReason}</p>
                          )}
                        </>
                      ) : (
                        'Running'
                      )}
                    </td>
                    {hasControls && (
                      <td className="projects-table__actions">
                        {canSetLimit(project) && (
                          <Button
                            size="small"
                            id={editButtonId(project)}
                            aria-expanded={isEditing}
                            onFocus={(event) => (keptFocusRef.current = event.currentTarget.id)}
                            onBlur={(event) => {
                              // Focus taken elsewhere on purpose; a row moved away from under it blurs to nowhere.
                              if (event.relatedTarget) keptFocusRef.current = null
                            }}
                            onClick={() => setEditing(isEditing ? null : project.name)}
                          >
                            {project.creditLimit === null ? 'Set limit' : 'Change limit'}
                            <VisuallyHidden> of {project.name}</VisuallyHidden>
                          </Button>
                        )}
                      </td>
                    )}
                  </tr>
                  {isEditing && (
                    <tr className="credit-limits__edit-row">
                      <td colSpan={6}>
                        <CreditLimitForm
                          organization={organization}
                          project={project}
                          outlook={outlook}
                          onDone={() => stopEditing(project)}
                        />
                      </td>
                    </tr>
                  )}
                </Fragment>
              )
            })}
          </tbody>
        </table>
      </div>
      {canSplit && outlooks.status === 'ready' && (
        <SplitBudgetDialog
          organization={organization}
          open={isSplitting}
          onClose={() => setIsSplitting(false)}
          budget={budget}
          projects={projects}
          usedOf={(project) => outlooks.of(project.name, project.creditLimit)?.used ?? 0}
        />
      )}
    </section>
  )
}

const editButtonId = (project: Project) => `credit-limit-edit-${project.id}`

/**
 * The id of a row's control that keeps the keyboard focus through re-renders: when a commit that
 * changes `changes` (the editor closing, a new answer re-ordering the rows) leaves the focus on the
 * body, it goes back to that control. A row the browser moves (a project suspended or lifted moves
 * in the order) or re-creates loses the focus it held, and the list's new answer renders on the
 * query's own schedule, so a focus given once, a frame after closing, may land before the move.
 * Set the ref to an element id; null keeps nothing.
 */
function useKeptFocus(changes: readonly unknown[]) {
  const kept = useRef<string | null>(null)
  useLayoutEffect(() => {
    const active = document.activeElement
    if (kept.current === null || (active !== null && active !== document.body)) return
    document.getElementById(kept.current)?.focus()
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the commits that may move the control
  }, changes)
  return kept
}

type CellProps = { project: Project; outlook: CreditOutlook | null; outlooks: CreditOutlooks }

function UsedCell({ project, outlook, outlooks }: CellProps) {
  if (outlooks.status === 'pending') return <Skeleton width="5rem" />
  if (!outlook) return <span className="muted">Not given</span>
  return (
    <>
      {formatCredits(outlook.used)}
      {project.creditLimit !== null && project.creditLimit > 0 && (
        <span className="muted"> ({formatShare(outlook.used / project.creditLimit)} of the limit)</span>
      )}
    </>
  )
}

function ProjectedCell({ project, outlook, outlooks }: CellProps) {
  if (outlooks.status === 'pending') return <Skeleton width="5rem" />
  if (!outlook || outlook.projected === null) return <span className="muted">Not given</span>
  const limit = project.creditLimit
  return (
    <>
      {formatCredits(outlook.projected)}
      {limit !== null && outlook.crossingDay && (
        <span className="credit-limits__crossing">
          {outlook.used >= limit ? 'Reached on ' : 'Reaches the limit on '}
          {formatDay(outlook.crossingDay)}
        </span>
      )}
      {limit !== null && !outlook.crossingDay && outlook.used < limit && (
        <span className="credit-limits__crossing muted">Stays under the limit this period</span>
      )}
    </>
  )
}
