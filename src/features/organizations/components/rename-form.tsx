import { valibotResolver } from '@hookform/resolvers/valibot'
import { useState } from 'react'
import { flushSync } from 'react-dom'
import { useForm, useWatch } from 'react-hook-form'
import * as v from 'valibot'
import { ORGANIZATION_NAME_MAX_LENGTH, renameProblem } from '../../../../domain/organization'
import { Button } from '../../../components/ui/button'
import { ConfirmDialog } from '../../../components/ui/dialog'
import { FormError, TextField } from '../../../components/ui/field'
import { fieldRules, FORM_ERROR, setServerErrors } from '../../../components/ui/form-rules'
import { useToast } from '../../../components/ui/toast'
import { useRenameOrganization } from '../mutations'

/** The new name (`name`, as the API calls it) and the current one, which it must differ from. */
const renameSchema = v.pipe(
  v.object({ name: v.string(), current: v.string() }),
  fieldRules(({ name, current }) => ({ name: renameProblem(name, current) })),
)
type RenameValues = v.InferOutput<typeof renameSchema>

/** Rename: checks the name as it is typed, warns that the address changes, then follows the new name. */
export function RenameForm({ name }: { name: string }) {
  const [confirming, setConfirming] = useState<string | null>(null)
  const rename = useRenameOrganization(name)
  const toast = useToast()
  const { register, handleSubmit, control, setError, clearErrors, setFocus, setValue, formState } =
    useForm<RenameValues>({
      resolver: valibotResolver(renameSchema),
      mode: 'onChange',
      defaultValues: { name, current: name },
    })
  const newName = useWatch({ control, name: 'name' })

  const handleConfirm = () => {
    if (confirming === null) return
    rename.mutate(confirming, {
      onSuccess: (updated) => {
        // Close first (the Rename button that opened it is disabled now), then focus the name.
        flushSync(() => setConfirming(null))
        // The new name is the current one now: typing it again is "Enter a different name."
        setValue('current', updated.name)
        setFocus('name')
        toast.show({ message: `Renamed to ${updated.name}. Its address changed too.`, tone: 'success' })
      },
      onError: (error) => {
        setConfirming(null)
        setServerErrors(error, ['name'], setError)
      },
    })
  }

  return (
    <section aria-labelledby="rename-heading" className="ui-card stack">
      <h2 id="rename-heading">Name</h2>
      <form className="stack" onSubmit={handleSubmit((values) => setConfirming(values.name))} noValidate>
        <TextField
          label="Organization name"
          {...register('name', { onChange: () => clearErrors(FORM_ERROR) })}
          autoComplete="off"
          spellCheck={false}
          maxLength={ORGANIZATION_NAME_MAX_LENGTH + 20}
          hint="Renaming changes the organization's address: links and bookmarks to the old one stop working."
          error={formState.errors.name?.message}
        />
        <FormError>{formState.errors.root?.server?.message}</FormError>
        <div className="row">
          <Button type="submit" disabled={newName === name}>
            Rename…
          </Button>
        </div>
      </form>
      <ConfirmDialog
        open={confirming !== null}
        onClose={() => setConfirming(null)}
        onConfirm={handleConfirm}
        title={`Rename ${name} to ${confirming}?`}
        confirmLabel="Rename organization"
        isPending={rename.isPending}
      >
        <p>
          The address changes from <code>/organizations/{name}</code> to{' '}
          <code>/organizations/{confirming}</code>. Links and bookmarks to the old address will stop working,
          and so will scripts that use the old name.
        </p>
      </ConfirmDialog>
    </section>
  )
}
