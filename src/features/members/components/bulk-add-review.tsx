import { memo, useEffect, useId, useState } from 'react'
import { Button } from '../../../components/ui/button'
import { EmailText } from '../../../components/ui/email-text'
import { CheckboxField } from '../../../components/ui/field'
import { summarizeRows, type BulkRow } from '../lib/parse-email-list'
import { countOutcomes, useBulkAdd, type RowOutcome } from '../hooks/use-bulk-add'

interface BulkAddReviewProps {
  organization: string
  rows: BulkRow[]
  onBack: () => void
  onClose: () => void
  onSendingChange: (isSending: boolean) => void
}

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`

/** The preview of every line, then the progress and the result of every row; failed rows can be retried. */
export function BulkAddReview({ organization, rows, onBack, onClose, onSendingChange }: BulkAddReviewProps) {
  const { outcomes, isRunning, start, retry, stop } = useBulkAdd(organization, rows)
  const [hasStarted, setHasStarted] = useState(false)
  const [onlyProblems, setOnlyProblems] = useState(false)
  const progressId = useId()
  const summary = summarizeRows(rows)
  const hasGrants = rows.some((row) => row.grants.length > 0)
  const counts = countOutcomes(outcomes)
  const toSend = summary.valid
  const finished = counts.added + counts.failed + counts.partial
  const retryable = counts.failed + counts.stopped + counts.partial

  useEffect(() => onSendingChange(isRunning), [isRunning, onSendingChange])

  const handleStart = () => {
    setHasStarted(true)
    void start()
  }

  const visible = rows
    .map((row, index) => ({ row, outcome: outcomes[index]!, index }))
    .filter(
      ({ row, outcome }) =>
        !onlyProblems ||
        row.status !== 'valid' ||
        outcome.state === 'failed' ||
        outcome.state === 'partial' ||
        outcome.state === 'stopped',
    )

  return (
    <div className="stack members-bulk">
      <ul className="members-bulk__summary" aria-label="Summary of the list">
        <li>
          <strong>{plural(summary.valid, 'address', 'addresses')}</strong> to add
        </li>
        {summary.grants > 0 && (
          <li>
            <strong>{plural(summary.grants, 'project role')}</strong> to give
          </li>
        )}
        <li className={summary.malformed ? 'has-problem' : undefined}>
          {plural(summary.malformed, 'malformed line')}
        </li>
        {summary.access > 0 && (
          <li className="has-problem">
            {plural(summary.access, 'unknown project or role', 'unknown projects or roles')}
          </li>
        )}
        <li className={summary.duplicate ? 'has-problem' : undefined}>
          {plural(summary.duplicate, 'duplicate')}
        </li>
        <li className={summary.member ? 'has-problem' : undefined}>
          {plural(summary.member, 'existing member')}
        </li>
      </ul>

      {hasStarted && (
        <div className="stack-sm">
          <label id={progressId} htmlFor={`${progressId}-bar`}>
            {isRunning ? 'Adding members' : 'Finished'}: {finished} of {toSend}
          </label>
          <progress
            id={`${progressId}-bar`}
            className="members-bulk__progress"
            value={finished}
            max={Math.max(1, toSend)}
          />
          <p role="status" className={counts.failed || counts.partial ? 'ui-field__error' : undefined}>
            {isRunning
              ? ''
              : `Added ${plural(counts.added + counts.partial, 'member')}.` +
                (counts.partial
                  ? ` ${plural(counts.partial, 'row')} added without some of ${counts.partial === 1 ? 'its' : 'their'} project roles: see below, then retry.`
                  : '') +
                (counts.failed
                  ? ` ${plural(counts.failed, 'row')} failed: see the reasons below, then retry.`
                  : '') +
                (counts.stopped ? ` ${plural(counts.stopped, 'row')} not sent (stopped).` : '')}
          </p>
        </div>
      )}

      <CheckboxField
        label="Only rows that need attention"
        checked={onlyProblems}
        onChange={(event) => setOnlyProblems(event.target.checked)}
      />
      <div
        className="members-bulk__rows ui-table-wrap"
        tabIndex={0}
        role="region"
        aria-label="Rows of the list"
      >
        <table className="ui-table">
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              {hasGrants && <th scope="col">Project roles</th>}
              <th scope="col">{hasStarted ? 'Result' : 'Check'}</th>
            </tr>
          </thead>
          <tbody>
            {visible.map(({ row, outcome, index }) => (
              <BulkRowView
                key={index}
                row={row}
                outcome={outcome}
                hasStarted={hasStarted}
                hasGrants={hasGrants}
              />
            ))}
          </tbody>
        </table>
        {visible.length === 0 && <p className="members-bulk__empty muted">Nothing needs attention.</p>}
      </div>

      <div className="members-dialog__actions">
        {!hasStarted && (
          <>
            <Button onClick={onBack}>Edit the list</Button>
            <Button variant="primary" onClick={handleStart} disabled={toSend === 0}>
              {toSend === 0 ? 'Nothing to add' : `Add ${plural(toSend, 'member')}`}
            </Button>
          </>
        )}
        {isRunning && <Button onClick={stop}>Stop</Button>}
        {hasStarted && !isRunning && (
          <>
            {retryable > 0 && <Button onClick={() => void retry()}>Retry {plural(retryable, 'row')}</Button>}
            <Button variant="primary" onClick={onClose}>
              Done
            </Button>
          </>
        )}
      </div>
    </div>
  )
}

const OUTCOME_TEXT: Record<RowOutcome['state'], string> = {
  skipped: 'Not sent',
  waiting: 'Waiting',
  sending: 'Adding…',
  added: 'Added',
  failed: 'Failed',
  partial: 'Added, but not every project role',
  stopped: 'Not sent (stopped)',
}

const BulkRowView = memo(function BulkRowView({
  row,
  outcome,
  hasStarted,
  hasGrants,
}: {
  row: BulkRow
  outcome: RowOutcome
  hasStarted: boolean
  hasGrants: boolean
}) {
  const isProblem = row.status !== 'valid' || outcome.state === 'failed' || outcome.state === 'partial'
  const result =
    row.status === 'member'
      ? null // the badge says it all
      : row.status !== 'valid'
        ? row.problem
        : outcome.state === 'failed'
          ? `${OUTCOME_TEXT.failed}: ${outcome.message}`
          : outcome.state === 'partial'
            ? `${OUTCOME_TEXT.partial}: ${outcome.failedGrants
                .map((grant) => `${grant.role} in ${grant.project}: ${grant.message}`)
                .join(' ')}`
            : outcome.state === 'waiting' && !hasStarted
              ? 'Ready'
              : OUTCOME_TEXT[outcome.state]
  return (
    <tr className={isProblem ? 'is-problem' : outcome.state === 'added' ? 'is-added' : undefined}>
      <td>{row.lines.join(', ')}</td>
      <td className="members-bulk__email">
        {row.status === 'malformed' ? row.email : <EmailText email={row.email} />}
      </td>
      <td>{row.admin ? 'Admin' : 'Member'}</td>
      {hasGrants && (
        <td>
          {row.grants.length ? (
            <ul className="members-bulk__grants" aria-label={`Project roles for ${row.email}`}>
              {row.grants.map((grant) => (
                <li key={`${grant.project}\n${grant.role}`}>
                  {grant.role || '(no role)'} in {grant.project || '(no project)'}
                </li>
              ))}
            </ul>
          ) : (
            <span className="muted">None</span>
          )}
        </td>
      )}
      <td>
        {row.status !== 'valid' && <span className="ui-badge">{STATUS_LABEL[row.status]}</span>} {result}
      </td>
    </tr>
  )
})

const STATUS_LABEL: Record<BulkRow['status'], string> = {
  valid: 'Valid',
  malformed: 'Malformed',
  access: 'Unknown project or role',
  duplicate: 'Duplicate',
  member: 'Already a member',
}
