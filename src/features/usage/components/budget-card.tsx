import { useId, useState } from 'react'
import { useForm } from 'react-hook-form'
import { Button } from '../../../components/ui/button'
import { TextField } from '../../../components/ui/field'
import { formatNumberForInput } from '../../../lib/parse-number'
import { formatWholeShare } from '../../../lib/format-number'
import { BUDGET_WARNING_SHARES } from '../lib/credit-budget'
import { PendingState } from '../../../components/ui/query-state'
import { writeBudget } from '../budget-store'
import { WEEKLY_PROJECTION_METHOD } from '../../../../domain/weekly-projection'
import { formatSpan } from '../lib/dates'
import { parseBudget, readBudgetText } from '../lib/budget-text'
import { formatCredits } from '../lib/format'
import { BudgetNotice } from './budget-notice'
import { useBudgetStatus } from './use-budget-status'
import './budget.css'

const BUDGET_RULES = {
  validate: (text: string) => {
    const read = readBudgetText(text)
    return 'budget' in read || read.problem
  },
}

/**
 * The overview's credit budget: used and projected credits of the current period against the
 * budget, the warning, and a form to set, change or remove it (kept in this browser only).
 */
export function BudgetCard({ name, now }: { name: string; now: Date }) {
  const headingId = useId()
  const state = useBudgetStatus(name, now)
  const [isEditing, setIsEditing] = useState(false)
  const { organizationId, budget, period, status } = state

  return (
    <section aria-labelledby={headingId} className="ui-card stack-sm budget-card">
      <h2 id={headingId}>Credit budget</h2>
      {state.isPending ? (
        <PendingState label="Loading this period's credits" lines={2} />
      ) : (
        <>
          {period?.range && (
            <p>
              This period ({formatSpan(period.range.start, period.range.end)}):{' '}
              <strong>
                {formatCredits(status?.used ?? period.days.reduce((sum, d) => sum + d.credits, 0))}
              </strong>{' '}
              credits used
              {budget !== null && (
                <>
                  {' '}
                  of a budget of <strong>{formatCredits(budget)}</strong>
                </>
              )}
              .
            </p>
          )}
          {status && <BudgetNotice status={status} />}
          {status && status.projected !== null && <p className="muted">{WEEKLY_PROJECTION_METHOD}</p>}
          {budget !== null && !period?.range && (
            <p>
              Budget: <strong>{formatCredits(budget)}</strong> credits. No usage this period yet.
            </p>
          )}
          {budget === null && !isEditing && (
            <p className="muted">
              {`No budget set. A budget is kept in this browser and warns at ${BUDGET_WARNING_SHARES.map((share) => formatWholeShare(share)).join(', ')} and when the pace passes it.`}
            </p>
          )}
          {organizationId &&
            (isEditing ? (
              <BudgetForm
                budget={budget}
                onSave={(value) => {
                  writeBudget(organizationId, value)
                  setIsEditing(false)
                }}
                onCancel={() => setIsEditing(false)}
              />
            ) : (
              <div className="row">
                <Button onClick={() => setIsEditing(true)}>
                  {budget === null ? 'Set a budget' : 'Change budget'}
                </Button>
                {budget !== null && (
                  <Button onClick={() => writeBudget(organizationId, null)}>Remove budget</Button>
                )}
              </div>
            ))}
        </>
      )}
    </section>
  )
}

function BudgetForm({
  budget,
  onSave,
  onCancel,
}: {
  budget: number | null
  onSave: (budget: number) => void
  onCancel: () => void
}) {
  const { register, handleSubmit, formState } = useForm<{ budget: string }>({
    defaultValues: { budget: budget === null ? '' : formatNumberForInput(budget) },
  })
  return (
    <form
      className="budget-form"
      noValidate
      onSubmit={handleSubmit((values) => onSave(parseBudget(values.budget)!))}
    >
      <TextField
        label="Budget for the subscription period (credits)"
        inputMode="decimal"
        autoComplete="off"
        // The form opens on request (Set a budget): its field is where the keyboard goes next.
        autoFocus
        error={formState.errors.budget?.message}
        {...register('budget', BUDGET_RULES)}
      />
      <div className="row">
        <Button type="submit" variant="primary">
          Save budget
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  )
}
