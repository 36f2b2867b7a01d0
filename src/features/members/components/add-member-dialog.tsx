import { valibotResolver } from '@hookform/resolvers/valibot'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useFieldArray, useForm } from 'react-hook-form'
import * as v from 'valibot'
import { PROJECT_ROLES } from '../../../../domain/project'
import { isApiError } from '../../../api/client'
import { serverProblems } from '../../../api/server-problems'
import type { Member } from '../../../api/types'
import { Button } from '../../../components/ui/button'
import { Dialog } from '../../../components/ui/dialog'
import { CheckboxField, FormError, SelectField, TextField } from '../../../components/ui/field'
import { FORM_ERROR } from '../../../components/ui/form-rules'
import { errorMessageOf } from '../../../components/ui/query-state'
import { useToast } from '../../../components/ui/toast'
import { VisuallyHidden } from '../../../components/ui/visually-hidden'
import { projectQueries, useGiveRoles } from '../../projects/queries'
import { memberCreateEntries } from '../lib/member-create'
import { failedGrants, grantsToSend, mergeResults, type Grant, type GrantResult } from '../lib/grants'
import { useAddMember } from '../queries'

/** The request's body (memberCreateEntries: the address compared and sent trimmed and lowercase), and the project roles to give. */
const addMemberSchema = v.object({
  ...memberCreateEntries,
  access: v.array(
    v.object({
      project: v.pipe(v.string(), v.nonEmpty('Choose a project, or remove this line.')),
      role: v.pipe(v.string(), v.nonEmpty('Choose a role.')),
    }),
  ),
})
type AddMemberInput = v.InferInput<typeof addMemberSchema>
type AddMemberValues = v.InferOutput<typeof addMemberSchema>

interface AddMemberDialogProps {
  organization: string
  members: readonly Member[]
  open: boolean
  onClose: () => void
}

/**
 * Adds one person by email, optionally as admin, with zero or more project roles in the same
 * step. Problems with the address are shown on the email field; the roles' outcome is shown per
 * project and role, and what failed can be tried again without adding the member twice.
 */
export function AddMemberDialog({ organization, members, open, onClose }: AddMemberDialogProps) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Add a member"
      description={`They can see ${organization} at once. A person without an account gets one.`}
    >
      <AddMemberForm organization={organization} members={members} onDone={onClose} />
    </Dialog>
  )
}

function AddMemberForm({
  organization,
  members,
  onDone,
}: {
  organization: string
  members: readonly Member[]
  onDone: () => void
}) {
  const addMember = useAddMember(organization)
  const giveRoles = useGiveRoles(organization)
  const projects = useQuery(projectQueries.list(organization))
  const toast = useToast()
  const [added, setAdded] = useState<{ member: Member; results: GrantResult[] } | null>(null)
  const { register, control, handleSubmit, setError, formState } = useForm<
    AddMemberInput,
    unknown,
    AddMemberValues
  >({
    resolver: valibotResolver(addMemberSchema),
    defaultValues: { email: '', admin: false, access: [] },
  })
  const access = useFieldArray({ control, name: 'access' })

  const grant = (member: Member, grants: Grant[], earlier: GrantResult[] | null) =>
    giveRoles.mutate(
      grants.map((pair) => ({ ...pair, userId: member.id })),
      {
        onSuccess: (outcomes) => {
          const results: GrantResult[] = outcomes.map(({ project, role, ...outcome }) =>
            outcome.ok
              ? { project, role, ok: true }
              : { project, role, ok: false, error: errorMessageOf(outcome.error) },
          )
          const all = earlier ? mergeResults(earlier, results) : results
          if (failedGrants(all).length === 0) {
            const roles = all.length ? ` with ${all.length} project role${all.length === 1 ? '' : 's'}` : ''
            toast.show({
              message: `Added ${member.email}${member.admin ? ' as admin' : ''}${roles}.`,
              tone: 'success',
            })
            return onDone()
          }
          setAdded({ member, results: all })
        },
      },
    )

  const onSubmit = ({ email, admin, access: pairs }: AddMemberValues) => {
    // Already in the list: said without asking the server.
    if (members.some((member) => member.email.toLowerCase() === email))
      return setError('email', { message: `${email} is already a member of ${organization}.` })
    addMember.mutate(
      { email, admin },
      {
        onSuccess: (member) => grant(member, grantsToSend(pairs), null),
        onError: (error) => {
          // A 400 is about the address (taken, invalid): it belongs on the field.
          if (!isApiError(error, 400))
            return setError(FORM_ERROR, { type: 'server', message: errorMessageOf(error) })
          const { byField, formLevel } = serverProblems(error.message, ['email'])
          setError('email', { type: 'server', message: byField.email ?? formLevel ?? error.message })
        },
      },
    )
  }

  if (added)
    return (
      <GrantResults
        member={added.member}
        results={added.results}
        isRetrying={giveRoles.isPending}
        onRetry={() => grant(added.member, failedGrants(added.results), added.results)}
        onDone={onDone}
      />
    )

  const isPending = addMember.isPending || giveRoles.isPending
  const projectNames = projects.data?.map((project) => project.name) ?? []
  return (
    <form className="stack" onSubmit={handleSubmit(onSubmit)} noValidate>
      <TextField
        label="Email"
        type="email"
        autoComplete="off"
        data-autofocus
        {...register('email')}
        error={formState.errors.email?.message}
      />
      <CheckboxField
        label="Admin"
        role="switch"
        hint="Admins can add and remove members and change roles."
        {...register('admin')}
      />
      <fieldset className="stack-sm members-grants">
        <legend>Project roles</legend>
        <p className="ui-field__hint">
          A member can do nothing in a project until they hold a role there.
          {projects.isError && ` The projects could not be loaded: ${errorMessageOf(projects.error)}`}
        </p>
        {access.fields.map((field, index) => (
          <div key={field.id} className="members-grants__row">
            <SelectField
              label={`Project ${index + 1}`}
              {...register(`access.${index}.project`)}
              error={formState.errors.access?.[index]?.project?.message}
            >
              <option value="">Choose a project</option>
              {projectNames.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </SelectField>
            <SelectField
              label={`Role ${index + 1}`}
              {...register(`access.${index}.role`)}
              error={formState.errors.access?.[index]?.role?.message}
            >
              {PROJECT_ROLES.map((role) => (
                <option key={role} value={role}>
                  {role}
                </option>
              ))}
            </SelectField>
            <Button size="small" variant="ghost" onClick={() => access.remove(index)}>
              Remove<VisuallyHidden> project role {index + 1}</VisuallyHidden>
            </Button>
          </div>
        ))}
        <div>
          <Button
            size="small"
            onClick={() => access.append({ project: '', role: 'project-viewer' })}
            disabled={!projects.data || projectNames.length === 0}
          >
            Add a project role
          </Button>
        </div>
      </fieldset>
      <FormError>{formState.errors.root?.server?.message}</FormError>
      <div className="members-dialog__actions">
        <Button onClick={onDone} disabled={isPending}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" isPending={isPending}>
          Add member
        </Button>
      </div>
    </form>
  )
}

/** What the new member was given and what failed, with a retry of only what failed. */
function GrantResults({
  member,
  results,
  isRetrying,
  onRetry,
  onDone,
}: {
  member: Member
  results: readonly GrantResult[]
  isRetrying: boolean
  onRetry: () => void
  onDone: () => void
}) {
  const failed = results.filter((result) => !result.ok).length
  return (
    <div className="stack">
      <p role="status">
        Added <strong>{member.email}</strong>
        {member.admin ? ' as admin' : ''}. {failed} of {results.length} project role
        {results.length === 1 ? '' : 's'} could not be given.
      </p>
      <ul className="stack-sm" aria-label={`Project roles of ${member.email}`}>
        {results.map((result) => (
          <li key={`${result.project}\n${result.role}`}>
            {result.ok ? 'Given' : 'Failed'}: {result.role} in <strong>{result.project}</strong>
            {!result.ok && <span className="ui-field__error"> {result.error}</span>}
          </li>
        ))}
      </ul>
      <div className="members-dialog__actions">
        <Button onClick={onDone} disabled={isRetrying}>
          Close
        </Button>
        <Button variant="primary" onClick={onRetry} isPending={isRetrying} data-autofocus>
          Retry what failed
        </Button>
      </div>
    </div>
  )
}
