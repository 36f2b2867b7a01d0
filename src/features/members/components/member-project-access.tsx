import { useQueryClient } from '@tanstack/react-query'
import { useId, useState, type FormEvent } from 'react'
import { Link } from 'react-router'
import type { RoleAssignment } from '../../../api/model'
import type { Member } from '../../../api/types'
import { Button } from '../../../components/ui/button'
import { SelectField } from '../../../components/ui/field'
import { ErrorState, errorMessageOf, PendingState } from '../../../components/ui/query-state'
import { useToast } from '../../../components/ui/toast'
import { VisuallyHidden } from '../../../components/ui/visually-hidden'
import { paths } from '../../../lib/paths'
import {
  isPendingAssignment,
  removeRoleAssignment,
  useChangeRole,
  useGiveRole,
  useProjectRoleNames,
} from '../../projects/queries'
import { useMemberAccess } from '../hooks/use-member-access'
import { rolesToGive } from '../lib/member-access'
import { scheduleRemoval, undoRemoval, UNDO_WINDOW_MS, usePendingRemovalIds } from '../pending-removals'

/**
 * Role removals wait out the undo window in the same store as member removals, under a key of
 * their own so that the member list never takes an assignment id for a member's.
 */
const roleRemovalScope = (organization: string) => `${organization}\nproject-roles`

/**
 * A member's roles per project, for organization admins: change a role, take it away (with
 * undo, as a member's removal), give one in another project. Each change shows at once and is
 * put back, with a message, if the API refuses it.
 */
export function MemberProjectAccess({
  organization,
  member,
}: {
  organization: string
  member: Pick<Member, 'id' | 'email'>
}) {
  const access = useMemberAccess(organization, member.id, true)
  const pendingRemovals = usePendingRemovalIds(roleRemovalScope(organization))
  const headingId = useId()
  const shown = access.assignments?.filter((assignment) => !pendingRemovals.has(assignment.id))

  return (
    <section className="stack-sm" aria-labelledby={headingId}>
      <h3 id={headingId}>Project roles</h3>
      {access.error ? (
        <ErrorState
          title="Could not load this member’s project roles"
          error={access.error}
          onRetry={access.retry}
        />
      ) : !shown || !access.projects ? (
        <PendingState label="Loading this member’s project roles" lines={2} />
      ) : (
        <>
          {shown.length === 0 ? (
            <p className="muted">
              {member.email} holds no role in any project: they cannot do anything in {organization} yet.
            </p>
          ) : (
            <ul className="stack-sm members-access" aria-label={`Project roles of ${member.email}`}>
              {shown.map((assignment) => (
                <AssignmentRow
                  key={assignment.id}
                  organization={organization}
                  member={member}
                  assignment={assignment}
                  held={shown}
                />
              ))}
            </ul>
          )}
          {access.projects.length > 0 ? (
            <GiveRoleForm
              organization={organization}
              member={member}
              projects={access.projects.map((project) => project.name)}
              held={shown}
            />
          ) : (
            <p className="muted">{organization} has no projects yet.</p>
          )}
        </>
      )}
    </section>
  )
}

function AssignmentRow({
  organization,
  member,
  assignment,
  held,
}: {
  organization: string
  member: Pick<Member, 'id' | 'email'>
  assignment: RoleAssignment
  held: readonly RoleAssignment[]
}) {
  const queryClient = useQueryClient()
  const toast = useToast()
  const changeRole = useChangeRole(organization)
  const roles = useProjectRoleNames(organization, assignment.projectName)
  const choices = [assignment.role, ...rolesToGive(roles, held, assignment.projectName)]
  const isPending = isPendingAssignment(assignment) || changeRole.isPending
  const where = assignment.projectName

  // The promise, not mutate's own callbacks: the change gives the member a new role assignment, so
  // this row may be replaced (and unmounted) before the answer comes, and callbacks passed to
  // mutate do not run for an unmounted component. The toasts live above the panel.
  const handleChange = async (role: string) => {
    if (role === assignment.role) return
    try {
      await changeRole.mutateAsync({ assignment, role })
      toast.show({ message: `${member.email} is now ${role} in ${where}.`, tone: 'success' })
    } catch (error) {
      toast.show({
        message: `Could not make ${member.email} ${role} in ${where}: ${errorMessageOf(error)} The panel now shows their current roles.`,
        tone: 'error',
      })
    }
  }

  const handleTakeAway = () => {
    const scope = roleRemovalScope(organization)
    scheduleRemoval(scope, assignment.id, () =>
      removeRoleAssignment(queryClient, organization, assignment).catch((error: unknown) =>
        toast.show({
          message: `Could not take ${assignment.role} in ${where} from ${member.email}: ${errorMessageOf(error)} They still hold it.`,
          tone: 'error',
        }),
      ),
    )
    toast.show({
      message: `Took ${assignment.role} in ${where} from ${member.email}.`,
      durationMs: UNDO_WINDOW_MS,
      action: {
        label: 'Undo',
        onAction: () => {
          if (undoRemoval(scope, assignment.id))
            toast.show({
              message: `${member.email} is still ${assignment.role} in ${where}.`,
              tone: 'success',
            })
          else
            toast.show({
              message: `Too late to undo: the role is gone. Give ${member.email} ${assignment.role} in ${where} again if needed.`,
              tone: 'error',
            })
        },
      },
    })
  }

  return (
    <li className="members-access__row">
      <Link to={paths.project(organization, where)} className="members-access__project">
        {where}
      </Link>
      <SelectField
        label={
          <VisuallyHidden>
            Role of {member.email} in {where}
          </VisuallyHidden>
        }
        className="members-access__role"
        value={assignment.role}
        disabled={isPending}
        onChange={(event) => handleChange(event.target.value)}
      >
        {choices.map((role) => (
          <option key={role} value={role}>
            {role}
          </option>
        ))}
      </SelectField>
      <Button size="small" variant="ghost" onClick={handleTakeAway} disabled={isPending}>
        Take away
        <VisuallyHidden>
          {' '}
          {assignment.role} in {where}
        </VisuallyHidden>
      </Button>
    </li>
  )
}

function GiveRoleForm({
  organization,
  member,
  projects,
  held,
}: {
  organization: string
  member: Pick<Member, 'id' | 'email'>
  projects: readonly string[]
  held: readonly RoleAssignment[]
}) {
  const toast = useToast()
  const giveRole = useGiveRole(organization)
  const [project, setProject] = useState(projects[0] ?? '')
  const chosenProject = projects.includes(project) ? project : (projects[0] ?? '')
  const available = rolesToGive(useProjectRoleNames(organization, chosenProject), held, chosenProject)
  const [role, setRole] = useState('')
  const chosenRole = available.includes(role) ? role : (available.at(-1) ?? '')

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (!chosenRole) return
    giveRole.mutate(
      { project: chosenProject, userId: member.id, role: chosenRole },
      {
        onSuccess: () =>
          toast.show({
            message: `${member.email} is now ${chosenRole} in ${chosenProject}.`,
            tone: 'success',
          }),
        onError: (error) =>
          toast.show({
            message: `Could not give ${member.email} ${chosenRole} in ${chosenProject}: ${errorMessageOf(error)}`,
            tone: 'error',
          }),
      },
    )
  }

  return (
    <form
      className="members-access__give"
      onSubmit={handleSubmit}
      aria-label={`Give ${member.email} a project role`}
    >
      <SelectField label="Project" value={chosenProject} onChange={(event) => setProject(event.target.value)}>
        {projects.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Role"
        value={chosenRole}
        onChange={(event) => setRole(event.target.value)}
        disabled={available.length === 0}
        hint={available.length === 0 ? `They hold every role in ${chosenProject}.` : undefined}
      >
        {available.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </SelectField>
      <Button type="submit" isPending={giveRole.isPending} disabled={available.length === 0}>
        Give role
      </Button>
    </form>
  )
}
