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
  className?: string
}

export interface FieldProps extends FieldFrameProps {
  /** Renders the control with the given props spread on it. */
  children: (control: ControlProps) => ReactNode
}

/** Label + control + hint + error, with aria-describedby and aria-invalid set for the control. */
export function Field({ label, hint, error, className, children }: FieldProps) {
  const id = useId()
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined
  return (
    <div className={['ui-field', className].filter(Boolean).join(' ')}>
      <label className="ui-field__label" htmlFor={id}>
        {label}
      </label>
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
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

/** A labelled <input>. Props: label, hint, error, plus those of <input> (ref included). */
export function TextField({
  label,
  hint,
  error,
  className,
  ...inputProps
}: FieldFrameProps & Omit<ComponentProps<'input'>, 'id'>) {
  return (
    <Field label={label} hint={hint} error={error} className={className}>
      {(control) => <input className="ui-input" {...inputProps} {...control} />}
    </Field>
  )
}

/** A labelled <select>. Props: label, hint, error, plus those of <select> (options as children). */
export function SelectField({
  label,
  hint,
  error,
  className,
  children,
  ...selectProps
}: FieldFrameProps & Omit<ComponentProps<'select'>, 'id'>) {
  return (
    <Field label={label} hint={hint} error={error} className={className}>
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
