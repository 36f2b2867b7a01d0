import { useState, type FormEvent } from 'react'
import { emailProblem } from '../../../../domain/email'
import { isApiError } from '../../../api/client'
import type { Member } from '../../../api/types'
import { Button } from '../../../components/ui/button'
import { Dialog } from '../../../components/ui/dialog'
import { CheckboxField, FormError, TextField } from '../../../components/ui/field'
import { errorMessageOf } from '../../../components/ui/query-state'
import { useToast } from '../../../components/ui/toast'
import { useAddMember } from '../queries'

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
  const [email, setEmail] = useState('')
  const [isAdmin, setIsAdmin] = useState(false)
  const [fieldError, setFieldError] = useState<string | null>(null)
  const addMember = useAddMember(organization)
  const toast = useToast()

  /** The field's problem found without asking the server: malformed, or already in the list. */
  const localProblem = (value: string) => {
    const normalized = value.trim().toLowerCase()
    const problem = emailProblem(normalized)
    if (problem) return problem
    if (members.some((member) => member.email.toLowerCase() === normalized))
      return `${normalized} is already a member of ${organization}.`
    return null
  }

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault()
    const problem = localProblem(email)
    setFieldError(problem)
    if (problem) return
    const normalized = email.trim().toLowerCase()
    addMember.mutate(
      { email: normalized, admin: isAdmin },
      {
        onSuccess: (member) => {
          toast.show({ message: `Added ${member.email}${member.admin ? ' as admin' : ''}.`, tone: 'success' })
          onDone()
        },
        // A 400 is about the address (taken, invalid): it belongs on the field.
        onError: (error) => {
          if (isApiError(error, 400)) setFieldError(error.message.replace(/^email:\s*/i, ''))
        },
      },
    )
  }

  const formError =
    addMember.isError && !isApiError(addMember.error, 400) ? errorMessageOf(addMember.error) : null

  return (
    <form className="stack" onSubmit={handleSubmit} noValidate>
      <TextField
        label="Email"
        type="email"
        autoComplete="off"
        value={email}
        data-autofocus
        error={fieldError}
        onChange={(event) => {
          setEmail(event.target.value)
          // Clear a shown error as soon as it is fixed, but do not nag while typing.
          if (fieldError) setFieldError(localProblem(event.target.value))
        }}
        onBlur={() => email.trim() && setFieldError(localProblem(email))}
      />
      <CheckboxField
        label="Admin"
        role="switch"
        hint="Admins can add and remove members and change roles."
        checked={isAdmin}
        onChange={(event) => setIsAdmin(event.target.checked)}
      />
      <FormError>{formError}</FormError>
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
