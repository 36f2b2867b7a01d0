import { valibotResolver } from '@hookform/resolvers/valibot'
import { useForm } from 'react-hook-form'
import * as v from 'valibot'
import { PROJECT_NAME_MAX_LENGTH, projectNameProblem } from '../../../../domain/project'
import { Button } from '../../../components/ui/button'
import { Dialog } from '../../../components/ui/dialog'
import { FormError, TextField } from '../../../components/ui/field'
import { rule, setServerErrors } from '../../../components/ui/form-rules'
import { useToast } from '../../../components/ui/toast'
import { useCreateProject } from '../queries'

const createProjectSchema = v.object({ name: v.pipe(v.string(), v.trim(), rule(projectNameProblem)) })
type CreateProjectInput = v.InferInput<typeof createProjectSchema>
type CreateProjectValues = v.InferOutput<typeof createProjectSchema>

/** Creates a project of the organization (organization admins); the name's problems show under it. */
export function CreateProjectDialog({
  organization,
  open,
  onClose,
}: {
  organization: string
  open: boolean
  onClose: () => void
}) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Create a project"
      description={`A project of ${organization}. Members can work in it once they hold a role there.`}
    >
      <CreateProjectForm organization={organization} onDone={onClose} />
    </Dialog>
  )
}

function CreateProjectForm({ organization, onDone }: { organization: string; onDone: () => void }) {
  const create = useCreateProject(organization)
  const toast = useToast()
  const { register, handleSubmit, setError, formState } = useForm<
    CreateProjectInput,
    unknown,
    CreateProjectValues
  >({
    resolver: valibotResolver(createProjectSchema),
    mode: 'onChange',
    defaultValues: { name: '' },
  })

  const onSubmit = ({ name }: CreateProjectValues) =>
    create.mutate(
      { name },
      {
        onSuccess: (project) => {
          toast.show({ message: `Created ${project.name}.`, tone: 'success' })
          onDone()
        },
        onError: (error) => setServerErrors(error, ['name'], setError),
      },
    )

  return (
    <form className="stack" onSubmit={handleSubmit(onSubmit)} noValidate>
      <TextField
        label="Name"
        autoComplete="off"
        spellCheck={false}
        maxLength={PROJECT_NAME_MAX_LENGTH + 1}
        hint="Lowercase letters, digits and dashes; starts with a letter. It cannot be changed here later."
        data-autofocus
        {...register('name')}
        error={formState.errors.name?.message}
      />
      <FormError>{formState.errors.root?.server?.message}</FormError>
      <div className="projects-dialog__actions">
        <Button onClick={onDone} disabled={create.isPending}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" isPending={create.isPending}>
          Create project
        </Button>
      </div>
    </form>
  )
}
