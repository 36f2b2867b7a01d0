import { useIsFetching, useQuery } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { PROJECT_ROLES } from '../../../../domain/project'
import type { RoleAssignment } from '../../../api/model'
import { Button } from '../../../components/ui/button'
import { Dialog } from '../../../components/ui/dialog'
import { CheckboxField, FormError } from '../../../components/ui/field'
import { errorMessageOf } from '../../../components/ui/query-state'
import { useToast } from '../../../components/ui/toast'
import { projectQueries, useSetRoles, type RoleChangeOutcome } from '../../projects/queries'

/** The cell being edited: whose roles, in which project. */
export interface EditedCell {
  userId: string
  email: string
  project: string
}

/** What a set of outcomes says, for the toast or the dialog. */
function failureLines(outcomes: readonly RoleChangeOutcome[]): string[] {
  return outcomes.flatMap((outcome) =>
    outcome.ok
      ? []
      : [
          `Could not ${outcome.action === 'give' ? 'give' : 'take away'} ${outcome.role}: ${errorMessageOf(outcome.error)}`,
        ],
  )
}

/**
 * Changes one cell of the access matrix: the member's roles in the project, as checkboxes (none:
 * no role there). Saving gives what was added, then takes away what was removed. A refusal keeps
 * the dialog open with the choice as made and the server's reason per role; saving again sends
 * only what still differs from what the server now holds.
 */
export function CellEditorDialog({
  organization,
  cell,
  held,
  onClose,
}: {
  organization: string
  cell: EditedCell | null
  /** what the member holds in the project now, as the matrix shows it (kept current) */
  held: readonly RoleAssignment[]
  onClose: () => void
}) {
  return (
    <Dialog
      open={cell !== null}
      onClose={onClose}
      title={cell ? `Roles of ${cell.email} in ${cell.project}` : ''}
      description="A member can do nothing in a project until they hold a role there."
    >
      {cell && (
        <CellEditorForm
          key={`${cell.userId}\n${cell.project}`}
          organization={organization}
          cell={cell}
          held={held}
          onClose={onClose}
        />
      )}
    </Dialog>
  )
}

function CellEditorForm({
  organization,
  cell,
  held,
  onClose,
}: {
  organization: string
  cell: EditedCell
  held: readonly RoleAssignment[]
  onClose: () => void
}) {
  const toast = useToast()
  const setRoles = useSetRoles(organization)
  const roles = useQuery(projectQueries.roles(organization, cell.project))
  const offered = roles.data?.map((role) => role.name) ?? [...PROJECT_ROLES]
  const [wanted, setWanted] = useState<string[]>(() => held.map((assignment) => assignment.role))
  const [problems, setProblems] = useState<string[]>([])
  // After a refusal the project's roles are asked again: a retry waits for what the server holds.
  const isRefreshing =
    useIsFetching({ queryKey: projectQueries.roleAssignments(organization, cell.project).queryKey }) > 0
  const changed =
    wanted.length !== held.length || held.some((assignment) => !wanted.includes(assignment.role))

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (!changed) return onClose()
    setProblems([])
    setRoles.mutate(
      { project: cell.project, userId: cell.userId, held, wanted },
      {
        onSuccess: (outcomes) => {
          const failures = failureLines(outcomes)
          if (failures.length) return setProblems(failures)
          toast.show({
            message: wanted.length
              ? `${cell.email} now holds ${wanted.join(', ')} in ${cell.project}.`
              : `${cell.email} no longer holds a role in ${cell.project}.`,
            tone: 'success',
          })
          onClose()
        },
        onError: (error) => setProblems([errorMessageOf(error)]),
      },
    )
  }

  return (
    <form className="stack" onSubmit={handleSubmit} noValidate>
      <fieldset className="stack-sm">
        <legend>Project roles</legend>
        {offered.map((role, index) => (
          <CheckboxField
            key={role}
            label={role}
            checked={wanted.includes(role)}
            data-autofocus={index === 0 || undefined}
            onChange={(event) =>
              setWanted((current) =>
                event.target.checked ? [...current, role] : current.filter((name) => name !== role),
              )
            }
          />
        ))}
      </fieldset>
      <FormError>
        {problems.length > 0 && (
          <>
            <p>Not everything could be saved; the matrix shows what the server holds now.</p>
            <ul>
              {problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </>
        )}
      </FormError>
      <div className="access-dialog__actions">
        <Button onClick={onClose} disabled={setRoles.isPending}>
          Cancel
        </Button>
        <Button
          type="submit"
          variant="primary"
          isPending={setRoles.isPending}
          disabled={problems.length > 0 && isRefreshing}
        >
          {problems.length ? 'Try again' : 'Save'}
        </Button>
      </div>
    </form>
  )
}
