import { useId, useState, type DragEvent, type FormEvent } from 'react'
import { Button } from '../../../components/ui/button'
import { Field } from '../../../components/ui/field'
import { PROJECT_ROLE_COLUMNS_EXAMPLE, PROJECTS_COLUMN_EXAMPLE } from '../lib/parse-email-list'

const MAX_FILE_BYTES = 1024 * 1024

interface BulkAddInputProps {
  text: string
  onTextChange: (text: string) => void
  onReview: (text: string) => void
  onCancel: () => void
  /** the review is being prepared (it waits for the organization's projects) */
  isReviewing?: boolean
}

/** The list to add: typed, pasted, dropped as a file, or chosen with the file picker (keyboard). */
export function BulkAddInput({ text, onTextChange, onReview, onCancel, isReviewing }: BulkAddInputProps) {
  const fileId = useId()
  const [error, setError] = useState<string | null>(null)
  const [isDragging, setIsDragging] = useState(false)

  const readFile = async (file: File | undefined) => {
    if (!file) return
    if (file.size > MAX_FILE_BYTES) {
      setError(`${file.name} is larger than 1 MB. Split it into smaller files.`)
      return
    }
    const content = await file.text()
    setError(null)
    onTextChange(content)
    onReview(content)
  }

  const handleDrop = (event: DragEvent) => {
    event.preventDefault()
    setIsDragging(false)
    void readFile(event.dataTransfer.files[0])
  }

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (text.trim() === '') {
      setError('Paste at least one email address, or choose a CSV file.')
      return
    }
    onReview(text)
  }

  return (
    <form className="stack members-bulk" onSubmit={handleSubmit} noValidate>
      <div
        className={`members-bulk__drop${isDragging ? ' is-dragging' : ''}`}
        onDragOver={(event) => {
          event.preventDefault()
          setIsDragging(true)
        }}
        onDragLeave={() => setIsDragging(false)}
        onDrop={handleDrop}
      >
        <Field
          label="Email addresses"
          hint={
            <>
              One per line, or separated by commas or semicolons. A CSV with an <code>email,admin</code>{' '}
              header works too; you can drop the file here.{' '}
              <span className="members-bulk__formats">
                To give project roles in the same step, add a <code>projects</code> column of{' '}
                <code>project:role</code> pairs separated by <code>;</code> (
                <code>{PROJECTS_COLUMN_EXAMPLE.split('\n')[1]}</code>), or <code>project</code> and{' '}
                <code>role</code> columns, one role a line (
                <code>{PROJECT_ROLE_COLUMNS_EXAMPLE.split('\n')[0]}</code>
                ). Roles: admin, editor or viewer.
              </span>
            </>
          }
          error={error}
        >
          {(control) => (
            <textarea
              {...control}
              className="ui-input members-bulk__text"
              rows={8}
              spellCheck={false}
              data-autofocus
              value={text}
              placeholder={'ann@example.com\nbob@example.com, carol@example.com'}
              onChange={(event) => {
                onTextChange(event.target.value)
                if (error) setError(null)
              }}
            />
          )}
        </Field>
      </div>
      <div className="stack-sm">
        <label htmlFor={fileId} className="ui-field__label">
          Or choose a CSV or text file
        </label>
        <input
          id={fileId}
          type="file"
          accept=".csv,.txt,text/csv,text/plain"
          onChange={(event) => void readFile(event.target.files?.[0])}
        />
      </div>
      <div className="members-dialog__actions">
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary" isPending={isReviewing}>
          Review list
        </Button>
      </div>
    </form>
  )
}
