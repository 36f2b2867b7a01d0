import { useRef, useState, type FormEvent } from 'react'
import { flushSync } from 'react-dom'
import { isApiError } from '../../../api/client'
import { ORGANIZATION_NAME_MAX_LENGTH, renameProblem } from '../../../../domain/organization'
import { serverProblems } from '../../../api/server-problems'
import { Button } from '../../../components/ui/button'
import { ConfirmDialog } from '../../../components/ui/dialog'
import { FormError, TextField } from '../../../components/ui/field'
import { errorMessageOf } from '../../../components/ui/query-state'
import { useToast } from '../../../components/ui/toast'
import { useRenameOrganization } from '../mutations'

/** Rename: checks the name as it is typed, warns that the address changes, then follows the new name. */
export function RenameForm({ name }: { name: string }) {
  const [newName, setNewName] = useState(name)
  const [submitted, setSubmitted] = useState(false)
  const [isConfirming, setIsConfirming] = useState(false)
  const [serverError, setServerError] = useState<{ onField: boolean; message: string } | null>(null)
  const inputRef = useRef<HTMLInputElement>(null)
  const rename = useRenameOrganization(name)
  const toast = useToast()

  const problem = renameProblem(newName, name)
  const fieldError = serverError?.onField
    ? serverError.message
    : submitted || newName !== name
      ? problem
      : null

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault()
    setSubmitted(true)
    setServerError(null)
    if (!problem) setIsConfirming(true)
  }

  const handleConfirm = () => {
    rename.mutate(newName, {
      onSuccess: (updated) => {
        // Close first (the Rename button that opened it is disabled now), then focus the name.
        flushSync(() => setIsConfirming(false))
        inputRef.current?.focus()
        toast.show({ message: `Renamed to ${updated.name}. Its address changed too.`, tone: 'success' })
      },
      onError: (error) => {
        setIsConfirming(false)
        const onName = isApiError(error, 400)
          ? serverProblems(error.message, ['name']).byField.name
          : undefined
        setServerError(
          onName ? { onField: true, message: onName } : { onField: false, message: errorMessageOf(error) },
        )
      },
    })
  }

  const oldPath = `/organizations/${name}`
  const newPath = `/organizations/${newName}`

  return (
    <section aria-labelledby="rename-heading" className="ui-card stack">
      <h2 id="rename-heading">Name</h2>
      <form className="stack" onSubmit={handleSubmit} noValidate>
        <TextField
          label="Organization name"
          name="name"
          ref={inputRef}
          value={newName}
          onChange={(event) => {
            setNewName(event.target.value)
            setServerError(null)
          }}
          autoComplete="off"
          spellCheck={false}
          maxLength={ORGANIZATION_NAME_MAX_LENGTH + 20}
          hint="Renaming changes the organization's address: links and bookmarks to the old one stop working."
          error={fieldError}
        />
        <FormError>{serverError && !serverError.onField ? serverError.message : null}</FormError>
        <div className="row">
          <Button type="submit" disabled={newName === name}>
            Rename…
          </Button>
        </div>
      </form>
      <ConfirmDialog
        open={isConfirming}
        onClose={() => setIsConfirming(false)}
        onConfirm={handleConfirm}
        title={`Rename ${name} to ${newName}?`}
        confirmLabel="Rename organization"
        isPending={rename.isPending}
      >
        <p>
          The address changes from <code>{oldPath}</code> to <code>{newPath}</code>. Links and bookmarks to
          the old address will stop working, and so will scripts that use the old name.
        </p>
      </ConfirmDialog>
    </section>
  )
}
