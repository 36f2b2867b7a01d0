import { valibotResolver } from '@hookform/resolvers/valibot'
import { useForm, useWatch } from 'react-hook-form'
import * as v from 'valibot'
import type { Project } from '../../../api/model'
import { Button } from '../../../components/ui/button'
import { Dialog } from '../../../components/ui/dialog'
import { FormError, TextField } from '../../../components/ui/field'
import { setServerErrors } from '../../../components/ui/form-rules'
import { useToast } from '../../../components/ui/toast'
import { formatCredits, formatShare } from '../../../lib/format-number'
import { formatNumberForInput, readNumber } from '../../../lib/parse-number'
import { splitBudget } from '../lib/credit-limits'
import { useSetCreditLimits } from '../queries'
import { limitTextSchema } from './credit-limit-form'

// The split is offered where usage per project is known: the current generation's limits (credits).
const splitSchema = v.object({ limits: v.array(v.object({ limit: limitTextSchema('current') })) })
type SplitInput = v.InferInput<typeof splitSchema>
type SplitValues = v.InferOutput<typeof splitSchema>

/**
 * Splits the organization's credit budget (credits per subscription period, kept in this browser)
 * into project limits: proposes each project's share of the budget by its share of the credits
 * used this period, lets the admin edit every limit (empty: none), and applies them all.
 */
export function SplitBudgetDialog({
  organization,
  open,
  onClose,
  budget,
  projects,
  usedOf,
}: {
  organization: string
  open: boolean
  onClose: () => void
  budget: number
  projects: readonly Project[]
  /** Credits the project used this period so far. */
  usedOf: (project: Project) => number
}) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Split the budget into project limits"
      description={`The budget of ${formatCredits(budget)} credits, in proportion to each project's credits this period. Edit any limit before applying; leave one empty for no limit.`}
    >
      <SplitBudgetForm
        organization={organization}
        budget={budget}
        projects={projects}
        usedOf={usedOf}
        onDone={onClose}
      />
    </Dialog>
  )
}

function SplitBudgetForm({
  organization,
  budget,
  projects,
  usedOf,
  onDone,
}: {
  organization: string
  budget: number
  projects: readonly Project[]
  usedOf: (project: Project) => number
  onDone: () => void
}) {
  const proposed = splitBudget(
    budget,
    projects.map((project) => ({ project: project.name, used: usedOf(project) })),
  )
  const setLimits = useSetCreditLimits(organization)
  const toast = useToast()
  const { register, handleSubmit, setError, formState, control } = useForm<SplitInput, unknown, SplitValues>({
    resolver: valibotResolver(splitSchema),
    mode: 'onChange',
    defaultValues: { limits: proposed.map(({ limit }) => ({ limit: formatNumberForInput(limit) })) },
  })
  const typed = useWatch({ control, name: 'limits' })
  const atOnce = projects.filter((project, index) => {
    const reading = readNumber(typed[index]?.limit ?? '')
    return reading.status === 'number' && usedOf(project) >= reading.value
  })

  const onSubmit = ({ limits }: SplitValues) =>
    setLimits.mutate(
      projects.map((project, index) => ({ project, limit: limits[index]!.limit })),
      {
        onSuccess: (updated) => {
          toast.show({ message: `Applied ${updated.length} project limits.`, tone: 'success' })
          onDone()
        },
        onError: (error) => setServerErrors(error, [], setError),
      },
    )

  return (
    <form className="stack" onSubmit={handleSubmit(onSubmit)} noValidate>
      <ul className="split-budget">
        {projects.map((project, index) => (
          <li key={project.id}>
            <TextField
              label={`Limit of ${project.name}`}
              hint={`${formatShare(proposed[index]!.share)} of this period's credits (${formatCredits(usedOf(project))} used)`}
              inputMode="decimal"
              autoComplete="off"
              data-autofocus={index === 0 || undefined}
              {...register(`limits.${index}.limit`)}
              error={formState.errors.limits?.[index]?.limit?.message}
            />
          </li>
        ))}
      </ul>
      <p>
        Each project is suspended when its credits this subscription period reach its limit, until an admin
        raises or clears it.
        {atOnce.length > 0 &&
          ` Already at or over the limit typed, and so suspended as soon as you apply: ${atOnce.map((p) => p.name).join(', ')}.`}
      </p>
      <FormError>{formState.errors.root?.server?.message}</FormError>
      <div className="projects-dialog__actions">
        <Button onClick={onDone} disabled={setLimits.isPending}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" isPending={setLimits.isPending}>
          Apply {projects.length} limits
        </Button>
      </div>
    </form>
  )
}
