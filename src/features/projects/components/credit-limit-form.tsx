import { valibotResolver } from '@hookform/resolvers/valibot'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import * as v from 'valibot'
import type { ApiGeneration } from '../../../../domain/generation'
import { creditLimitField, creditLimitProblem } from '../../../../domain/project-limits'
import { isApiError } from '../../../api/client'
import type { Project } from '../../../api/model'
import { serverProblems } from '../../../api/server-problems'
import { Button } from '../../../components/ui/button'
import { ConfirmDialog } from '../../../components/ui/dialog'
import { FormError, TextField } from '../../../components/ui/field'
import { localeNumber, rule, setServerErrors } from '../../../components/ui/form-rules'
import { errorMessageOf } from '../../../components/ui/query-state'
import { useToast } from '../../../components/ui/toast'
import { formatCount, formatCredits } from '../../../lib/format-number'
import { formatNumberForInput } from '../../../lib/parse-number'
import type { CreditOutlook } from '../lib/credit-limits'
import { useSetCreditLimits } from '../queries'

/**
 * The limit as typed, read in the reader's locale: empty is no limit (null); else a number the
 * domain's rule accepts in `generation`.
 */
export const limitTextSchema = (generation: ApiGeneration) =>
  v.pipe(
    v.string(),
    localeNumber(),
    rule<number | null>((limit) =>
      limit === null ? null : creditLimitProblem(limit, generation, (n) => formatCount(n)),
    ),
  )
const limitSchema = (generation: ApiGeneration) => v.object({ limit: limitTextSchema(generation) })
// One schema per generation, built once: 2022's limit (gb_seconds) is a whole number.
const LIMIT_SCHEMAS = { '2022': limitSchema('2022'), current: limitSchema('current') }
type LimitInput = v.InferInput<(typeof LIMIT_SCHEMAS)['current']>
type LimitValues = v.InferOutput<(typeof LIMIT_SCHEMAS)['current']>

/** What happens at the limit, said before it is set, with what the project used so far. */
export function limitConsequence(project: string, limit: number | null, used: number | null): string {
  if (limit === null)
    return `${project} will have no credit limit: it keeps running whatever it uses, within the organization's subscription.`
  const reach = `When ${project}'s credits in this subscription period reach ${formatCredits(limit)}, it is suspended: it stops until an admin raises or clears its limit.`
  if (used === null) return reach
  return used >= limit
    ? `${reach} It has used ${formatCredits(used)} already, so it is suspended as soon as you confirm.`
    : `${reach} It has used ${formatCredits(used)} so far.`
}

/**
 * Sets, changes or clears one project's credit limit in place (in its row): the limit as typed,
 * checked with the server's rule, then a confirmation that says what happens at the limit.
 * Empty clears it. `onDone` runs after saving or cancelling (the row puts focus back on its button).
 */
export function CreditLimitForm({
  organization,
  project,
  outlook,
  onDone,
}: {
  organization: string
  project: Project
  outlook: CreditOutlook | null
  onDone: () => void
}) {
  const setLimits = useSetCreditLimits(organization)
  const toast = useToast()
  const [toConfirm, setToConfirm] = useState<LimitValues | null>(null)
  const { register, handleSubmit, setError, formState } = useForm<LimitInput, unknown, LimitValues>({
    resolver: valibotResolver(LIMIT_SCHEMAS[project.generation]),
    mode: 'onChange',
    defaultValues: { limit: project.creditLimit === null ? '' : formatNumberForInput(project.creditLimit) },
  })

  const save = (values: LimitValues) =>
    setLimits.mutate([{ project, limit: values.limit }], {
      onSuccess: ([updated]) => {
        setToConfirm(null)
        toast.show({
          message:
            values.limit === null
              ? `Cleared the credit limit of ${project.name}.`
              : `Set the credit limit of ${project.name} to ${formatCredits(values.limit)}${updated?.suspended ? '; it is suspended' : ''}.`,
          tone: 'success',
        })
        onDone()
      },
      onError: (error) => {
        setToConfirm(null)
        // A 400 about the generation's field (credits or gb_seconds) goes under this form's one field.
        const field = creditLimitField(project.generation)
        const byField = isApiError(error, 400) ? serverProblems(error.message, [field]).byField : {}
        if (byField[field]) setError('limit', { type: 'server', message: byField[field] })
        else setServerErrors(error, [], setError)
      },
    })

  return (
    <form className="credit-limit-form" onSubmit={handleSubmit(setToConfirm)} noValidate>
      <TextField
        label={`Credit limit of ${project.name}`}
        hint="Credits per subscription period. Leave it empty for no limit."
        inputMode="decimal"
        autoComplete="off"
        autoFocus
        {...register('limit')}
        error={formState.errors.limit?.message}
      />
      <FormError>{formState.errors.root?.server?.message}</FormError>
      <div className="projects-dialog__actions">
        <Button onClick={onDone}>Cancel</Button>
        <Button type="submit" variant="primary">
          Save limit
        </Button>
      </div>
      <ConfirmDialog
        open={toConfirm !== null}
        onClose={() => setToConfirm(null)}
        onConfirm={() => toConfirm && save(toConfirm)}
        title={
          toConfirm?.limit === null
            ? `Clear the credit limit of ${project.name}?`
            : `Set the credit limit of ${project.name} to ${formatCredits(toConfirm?.limit ?? 0)}?`
        }
        confirmLabel={toConfirm?.limit === null ? 'Clear limit' : 'Set limit'}
        isPending={setLimits.isPending}
        error={setLimits.error ? errorMessageOf(setLimits.error) : null}
      >
        {toConfirm && <p>{limitConsequence(project.name, toConfirm.limit, outlook?.used ?? null)}</p>}
      </ConfirmDialog>
    </form>
  )
}
