import type { ComponentPropsWithoutRef } from 'react'
import { Link, type LinkProps } from 'react-router'

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost'
export type ButtonSize = 'medium' | 'small'

interface ButtonLookProps {
  /** 'secondary' (default), 'primary' (the one main action), 'danger' (destructive), 'ghost' (quiet). */
  variant?: ButtonVariant
  size?: ButtonSize
}

/** The class names of a button; for elements that must look like one (e.g. a <Link>). */
export function buttonClassName(
  { variant = 'secondary', size = 'medium' }: ButtonLookProps = {},
  extra?: string,
) {
  return ['ui-button', `ui-button--${variant}`, size === 'small' && 'ui-button--small', extra]
    .filter(Boolean)
    .join(' ')
}

export interface ButtonProps extends ComponentPropsWithoutRef<'button'>, ButtonLookProps {
  /** Shows a spinner, sets aria-busy and blocks clicks while an action runs. The label stays. */
  isPending?: boolean
}

/**
 * A button. `type` defaults to "button" (a submit must say so). While `isPending` it is disabled
 * and announces itself busy, so a form cannot be sent twice.
 */
export function Button({
  variant,
  size,
  isPending = false,
  type = 'button',
  className,
  disabled,
  children,
  ...props
}: ButtonProps) {
  return (
    <button
      {...props}
      type={type}
      className={buttonClassName({ variant, size }, className)}
      disabled={disabled || isPending}
      aria-busy={isPending || undefined}
    >
      {isPending && <span className="ui-spinner" aria-hidden="true" />}
      {children}
    </button>
  )
}

/** A react-router link that looks like a button (navigation, not an action). */
export function ButtonLink({ variant, size, className, ...props }: LinkProps & ButtonLookProps) {
  return <Link {...props} className={buttonClassName({ variant, size }, className)} />
}
