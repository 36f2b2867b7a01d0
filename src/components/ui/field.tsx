import { useId, type ComponentProps, type ComponentPropsWithoutRef, type ReactNode } from 'react'

/** What a form control needs to be wired to its label, hint and error. */
export interface ControlProps {
  id: string
  'aria-describedby'?: string
  'aria-invalid'?: true
}

interface FieldFrameProps {
  /** The visible label (required: every control is labelled). */
  label: ReactNode
  /** Help shown under the control, read after the label. */
  hint?: ReactNode
  /** What is wrong and how to fix it; marks the control aria-invalid. */
  error?: string | null
  /** Ids of descriptions outside the field (a message about two fields), read after its own. */
  describedBy?: string
  /** Marks the control aria-invalid without an error of its own (a message outside names it). */
  invalid?: boolean
  className?: string
}

export interface FieldProps extends FieldFrameProps {
  /** Renders the control with the given props spread on it. */
  children: (control: ControlProps) => ReactNode
}

/** Label + control + hint + error, with aria-describedby and aria-invalid set for the control. */
export function Field({ label, hint, error, describedBy, invalid, className, children }: FieldProps) {
  const id = useId()
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const descriptions =
    [hint ? hintId : null, error ? errorId : null, describedBy].filter(Boolean).join(' ') || undefined
  return (
    <div className={['ui-field', className].filter(Boolean).join(' ')}>
      <label className="ui-field__label" htmlFor={id}>
        {label}
      </label>
      {children({
        id,
        'aria-describedby': descriptions,
        'aria-invalid': error || invalid ? true : undefined,
      })}
      {hint && (
        <p id={hintId} className="ui-field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="ui-field__error">
          {error}
        </p>
      )}
    </div>
  )
}

/** A field's own props apart from those of its control. */
function splitFrame<Props extends FieldFrameProps>(props: Props) {
  const { label, hint, error, describedBy, invalid, className, ...control } = props
  return [{ label, hint, error, describedBy, invalid, className }, control] as const
}

/** A labelled <input>. Props: label, hint, error, describedBy, invalid, plus those of <input> (ref included). */
export function TextField(props: FieldFrameProps & Omit<ComponentProps<'input'>, 'id'>) {
  const [frame, inputProps] = splitFrame(props)
  return <Field {...frame}>{(control) => <input className="ui-input" {...inputProps} {...control} />}</Field>
}

/** A labelled <select>. Props: label, hint, error, describedBy, invalid, plus those of <select> (options as children). */
export function SelectField(props: FieldFrameProps & Omit<ComponentProps<'select'>, 'id'>) {
  const [frame, { children, ...selectProps }] = splitFrame(props)
  return (
    <Field {...frame}>
      {(control) => (
        <select className="ui-select" {...selectProps} {...control}>
          {children}
        </select>
      )}
    </Field>
  )
}

/** A checkbox with its label beside it, and an optional hint. Props: label, hint, plus <input>'s. */
export function CheckboxField({
  label,
  hint,
  className,
  ...inputProps
}: Omit<FieldFrameProps, 'error'> & Omit<ComponentPropsWithoutRef<'input'>, 'id' | 'type'>) {
  const id = useId()
  return (
    <div className={['ui-checkbox', className].filter(Boolean).join(' ')}>
      <input type="checkbox" id={id} aria-describedby={hint ? `${id}-hint` : undefined} {...inputProps} />
      <div>
        <label htmlFor={id}>{label}</label>
        {hint && (
          <p id={`${id}-hint`} className="ui-field__hint">
            {hint}
          </p>
        )}
      </div>
    </div>
  )
}

/** A form-level error (e.g. the server's answer that names no field), announced when it appears. */
export function FormError({ children }: { children?: ReactNode }) {
  if (!children) return null
  return (
    <div role="alert" className="ui-form-error">
      {children}
    </div>
  )
}
