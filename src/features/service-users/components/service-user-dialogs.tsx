import { valibotResolver } from '@hookform/resolvers/valibot'
import type { UseMutationResult } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import * as v from 'valibot'
import {
  parseExpiry,
  SERVICE_USER_NAME_MAX_LENGTH,
  serviceUserNameProblem,
} from '../../../../domain/service-users'
import { Button } from '../../../components/ui/button'
import { CopyButton } from '../../../components/ui/copy-button'
import { ConfirmDialog, Dialog } from '../../../components/ui/dialog'
import { FormError, SelectField, TextField } from '../../../components/ui/field'
import { rule, setServerErrors } from '../../../components/ui/form-rules'
import { useProjectRoleNames } from '../../projects/queries'
import { DEFAULT_SERVICE_USER_ROLE } from '../lib/service-user-roles'
import { errorMessageOf } from '../../../components/ui/query-state'
import type { ServiceUser } from '../../../api/service-user-answers'
import {
  useCreateServiceUser,
  useDeleteServiceUser,
  useResetServiceUserToken,
  type ServiceUserWithToken,
} from '../queries'

// The expiry is checked against the clock when the form is checked, as the server checks it.
const expiryProblem = (value: string) => {
  if (value === '') return null
  const parsed = parseExpiry(value, Date.now())
  return 'problem' in parsed ? parsed.problem : null
}

const createSchema = v.object({
  project: v.pipe(v.string(), v.minLength(1, 'Choose the project the service user works in.')),
  name: v.pipe(v.string(), v.trim(), rule(serviceUserNameProblem)),
  expiry_date: v.pipe(v.string(), rule(expiryProblem)),
  /** '' gives no role. */
  role: v.string(),
})
type CreateInput = v.InferInput<typeof createSchema>
type CreateValues = v.InferOutput<typeof createSchema>

/**
 * Creates a service user in one of `projects` (those the viewer manages): project, name, its role on
 * the project (project-viewer unless chosen otherwise, or none) and, where the API has expiries
 * (`hasExpiry`), an optional expiry day. On success `onCreated` gets the token.
 */
export function CreateServiceUserDialog({
  organization,
  projects,
  hasExpiry,
  open,
  onClose,
  onCreated,
}: {
  organization: string
  projects: readonly string[]
  hasExpiry: boolean
  open: boolean
  onClose: () => void
  onCreated: (created: ServiceUserWithToken) => void
}) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Create a service user"
      description="A service user is an API token of one project. Its token is shown once, when it is made."
    >
      <CreateServiceUserForm
        organization={organization}
        projects={projects}
        hasExpiry={hasExpiry}
        onCancel={onClose}
        onCreated={onCreated}
      />
    </Dialog>
  )
}

function CreateServiceUserForm({
  organization,
  projects,
  hasExpiry,
  onCancel,
  onCreated,
}: {
  organization: string
  projects: readonly string[]
  hasExpiry: boolean
  onCancel: () => void
  onCreated: (created: ServiceUserWithToken) => void
}) {
  const create = useCreateServiceUser(organization)
  const { register, handleSubmit, setError, formState, control } = useForm<
    CreateInput,
    unknown,
    CreateValues
  >({
    resolver: valibotResolver(createSchema),
    mode: 'onChange',
    defaultValues: {
      project: projects.length === 1 ? projects[0] : '',
      name: '',
      expiry_date: '',
      role: DEFAULT_SERVICE_USER_ROLE,
    },
  })
  const roles = useProjectRoleNames(organization, useWatch({ control, name: 'project' }))
  const onSubmit = ({ project, name, expiry_date, role }: CreateValues) =>
    create.mutate(
      { project, name, expiryDate: hasExpiry && expiry_date ? expiry_date : null, role: role || null },
      {
        onSuccess: onCreated,
        onError: (error) => setServerErrors(error, ['name', 'expiry_date'], setError),
      },
    )
  return (
    <form className="stack" onSubmit={handleSubmit(onSubmit)} noValidate>
      <SelectField
        label="Project"
        data-autofocus
        {...register('project')}
        error={formState.errors.project?.message}
      >
        <option value="">Choose a project</option>
        {projects.map((project) => (
          <option key={project} value={project}>
            {project}
          </option>
        ))}
      </SelectField>
      <TextField
        label="Name"
        autoComplete="off"
        spellCheck={false}
        maxLength={SERVICE_USER_NAME_MAX_LENGTH + 1}
        hint="What it is for, e.g. nightly-export."
        {...register('name')}
        error={formState.errors.name?.message}
      />
      <SelectField
        label="Role"
        hint="What its token may do in the project. You can change it later."
        {...register('role')}
      >
        {roles.map((role) => (
          <option key={role} value={role}>
            {role}
          </option>
        ))}
        <option value="">No role (its token can do nothing yet)</option>
      </SelectField>
      {hasExpiry && (
        <TextField
          label="Expires on (optional)"
          type="date"
          hint="The token stops working at the start of this day (UTC). Leave empty for no expiry."
          {...register('expiry_date')}
          error={formState.errors.expiry_date?.message}
        />
      )}
      <FormError>{formState.errors.root?.server?.message}</FormError>
      <div className="service-users-dialog__actions">
        <Button onClick={onCancel} disabled={create.isPending}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" isPending={create.isPending}>
          Create service user
        </Button>
      </div>
    </form>
  )
}

/**
 * The token of a service user just created or reset, shown this once with a copy button. The token
 * lives only in the caller's state: closing the dialog forgets it, and the API never answers it again.
 */
export function TokenDialog({ shown, onClose }: { shown: ServiceUserWithToken | null; onClose: () => void }) {
  return (
    <Dialog
      open={shown !== null}
      onClose={onClose}
      title={shown ? `Token of ${shown.serviceUser.name}` : 'Token'}
      description="Copy it now and keep it somewhere safe: it is shown only this once. Send it as “Authorization: Token <token>”."
      footer={
        <Button variant="primary" onClick={onClose} data-autofocus>
          Done
        </Button>
      }
    >
      {shown && (
        <div className="stack">
          {shown.roleError !== undefined && (
            <p className="ui-notice" role="alert">
              {shown.serviceUser.name} was created without a role: {errorMessageOf(shown.roleError)} Give it
              one with “Change role” in the list.
            </p>
          )}
          <TextField
            label={`API token (project ${shown.serviceUser.projectName})`}
            value={shown.token}
            readOnly
            spellCheck={false}
            className="service-users-token"
            onFocus={(event) => event.currentTarget.select()}
          />
          <CopyButton value={shown.token} label="Copy the token" />
        </div>
      )}
    </Dialog>
  )
}

/** A confirmation of one action on a service user, run by `action`; stays open with the reason if it fails. */
function ServiceUserConfirmDialog<Result>({
  serviceUser,
  action,
  onClose,
  onDone,
  title,
  confirmLabel,
  children,
}: {
  serviceUser: ServiceUser | null
  action: UseMutationResult<Result, Error, ServiceUser>
  onClose: () => void
  onDone: (result: Result, serviceUser: ServiceUser) => void
  title: (serviceUser: ServiceUser) => string
  confirmLabel: string
  children: (serviceUser: ServiceUser) => ReactNode
}) {
  const close = () => {
    action.reset()
    onClose()
  }
  return (
    <ConfirmDialog
      open={serviceUser !== null}
      onClose={close}
      onConfirm={() =>
        serviceUser &&
        action.mutate(serviceUser, {
          onSuccess: (result) => {
            action.reset()
            onDone(result, serviceUser)
          },
        })
      }
      title={serviceUser ? title(serviceUser) : confirmLabel}
      confirmLabel={confirmLabel}
      isDestructive
      isPending={action.isPending}
      error={action.error ? errorMessageOf(action.error) : null}
    >
      {serviceUser && children(serviceUser)}
    </ConfirmDialog>
  )
}

/** Asks before giving a service user a new token; the old one stops working at once. */
export function ResetTokenDialog({
  organization,
  serviceUser,
  onClose,
  onReset,
}: {
  organization: string
  serviceUser: ServiceUser | null
  onClose: () => void
  onReset: (reset: ServiceUserWithToken) => void
}) {
  return (
    <ServiceUserConfirmDialog
      serviceUser={serviceUser}
      action={useResetServiceUserToken(organization)}
      onClose={onClose}
      onDone={onReset}
      title={(shown) => `Reset the token of ${shown.name}?`}
      confirmLabel="Reset token"
    >
      {(shown) => (
        <p>
          Its current token stops working at once: whatever uses it in {shown.projectName} will be refused
          until it gets the new one, which is shown once.
        </p>
      )}
    </ServiceUserConfirmDialog>
  )
}

/** Asks before deleting a service user; its token stops working at once. */
export function DeleteServiceUserDialog({
  organization,
  serviceUser,
  onClose,
  onDeleted,
}: {
  organization: string
  serviceUser: ServiceUser | null
  onClose: () => void
  onDeleted: (serviceUser: ServiceUser) => void
}) {
  return (
    <ServiceUserConfirmDialog
      serviceUser={serviceUser}
      action={useDeleteServiceUser(organization)}
      onClose={onClose}
      onDone={(_result, deleted) => {
        onDeleted(deleted)
        onClose()
      }}
      title={(shown) => `Delete ${shown.name}?`}
      confirmLabel="Delete service user"
    >
      {(shown) => (
        <p>
          {shown.name} leaves {shown.projectName}, and its token stops working at once. This cannot be undone.
        </p>
      )}
    </ServiceUserConfirmDialog>
  )
}
