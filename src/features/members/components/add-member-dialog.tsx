import { valibotResolver } from '@hookform/resolvers/valibot'
import { useForm } from 'react-hook-form'
import * as v from 'valibot'
import { emailProblem } from '../../../../domain/email'
import { isApiError } from '../../../api/client'
import { serverProblems } from '../../../api/server-problems'
import type { Member } from '../../../api/types'
import { Button } from '../../../components/ui/button'
import { Dialog } from '../../../components/ui/dialog'
import { CheckboxField, FormError, TextField } from '../../../components/ui/field'
import { FORM_ERROR, rule } from '../../../components/ui/form-rules'
import { errorMessageOf } from '../../../components/ui/query-state'
import { useToast } from '../../../components/ui/toast'
import { useAddMember } from '../queries'

/** The request's fields; the address is compared and sent trimmed and lowercase. */
const addMemberSchema = v.object({
  email: v.pipe(v.string(), v.trim(), v.toLowerCase(), rule(emailProblem)),
  admin: v.boolean(),
})
type AddMemberInput = v.InferInput<typeof addMemberSchema>
type AddMemberValues = v.InferOutput<typeof addMemberSchema>

interface AddMemberDialogProps {
  organization: string
  members: readonly Member[]
  open: boolean
  onClose: () => void
}

/** Adds one person by email, optionally as admin. Problems are shown on the email field. */
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
  const toast = useToast()
  const { register, handleSubmit, setError, formState } = useForm<AddMemberInput, unknown, AddMemberValues>({
    resolver: valibotResolver(addMemberSchema),
    defaultValues: { email: '', admin: false },
  })

  const onSubmit = ({ email, admin }: AddMemberValues) => {
    // Already in the list: said without asking the server.
    if (members.some((member) => member.email.toLowerCase() === email))
      return setError('email', { message: `${email} is already a member of ${organization}.` })
    addMember.mutate(
      { email, admin },
      {
        onSuccess: (member) => {
          toast.show({ message: `Added ${member.email}${member.admin ? ' as admin' : ''}.`, tone: 'success' })
          onDone()
        },
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
      <FormError>{formState.errors.root?.server?.message}</FormError>
      <div className="members-dialog__actions">
        <Button onClick={onDone} disabled={addMember.isPending}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" isPending={addMember.isPending}>
          Add member
        </Button>
      </div>
    </form>
  )
}
