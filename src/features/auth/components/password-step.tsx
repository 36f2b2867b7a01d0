import { valibotResolver } from '@hookform/resolvers/valibot'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { useForm, type Resolver } from 'react-hook-form'
import { Button } from '../../../components/ui/button'
import { CheckboxField, TextField } from '../../../components/ui/field'
import { CODE_FIELD } from './code-step'
import { isKnownToNeedCode, rememberNeedsCode } from '../lib/code-accounts'
import { passwordAndCodeSchema, passwordSchema, type PasswordAndCodeInput } from '../lib/sign-in-schemas'
import {
  asksForCode,
  passwordErrorMessage,
  signInWithPassword,
  type PasswordSignIn,
} from '../password-sign-in'

interface PasswordStepProps {
  email: string
  /** Offer "Keep me signed in on this device" (not when renewing a session: that keeps its place). */
  canRemember: boolean
  submitLabel: string
  onSignedIn: (result: PasswordSignIn, remember: boolean) => void | Promise<void>
  /** The account has two-factor authentication: the API asked for the code. */
  onNeedsCode: (password: string, remember: boolean) => void
}

/** The form's values: the code only when the account is known to need one. */
type PasswordStepInput = Omit<PasswordAndCodeInput, 'code'> & { code?: string }

/**
 * The password for `email`; a refusal shows on the field, a request for the code moves on. For an
 * account the API has already asked for a code in this tab, the code is asked here too and sent
 * with the password, so the API is not asked for what it will refuse.
 */
export function PasswordStep({
  email,
  canRemember,
  submitLabel,
  onSignedIn,
  onNeedsCode,
}: PasswordStepProps) {
  const [withCode] = useState(() => isKnownToNeedCode(email))
  const form = useForm<PasswordStepInput, unknown, PasswordStepInput>({
    resolver: valibotResolver(
      withCode ? passwordAndCodeSchema : passwordSchema,
    ) as Resolver<PasswordStepInput>,
    defaultValues: { password: '', remember: false, ...(withCode && { code: '' }) },
  })
  const signIn = useMutation({
    mutationFn: ({ password, code }: PasswordStepInput) => signInWithPassword(email, password, code),
    // A refused password is this form's business, not a reason to "return to sign-in".
    meta: { handlesUnauthorized: true },
    onSuccess: (result, { remember }) => onSignedIn(result, remember),
    onError: (error, { password, remember }) => {
      if (withCode && asksForCode(error)) {
        form.setError('code', { message: passwordErrorMessage(error) }, { shouldFocus: true })
        form.setValue('code', '')
      } else if (asksForCode(error)) {
        rememberNeedsCode(email)
        onNeedsCode(password, remember)
      } else form.setError('password', { message: passwordErrorMessage(error) }, { shouldFocus: true })
    },
  })

  return (
    <form className="stack" onSubmit={form.handleSubmit((input) => signIn.mutate(input))} noValidate>
      {/* For password managers: the account this password belongs to. */}
      <input type="hidden" name="username" autoComplete="username" value={email} readOnly />
      <TextField
        label="Password"
        type="password"
        autoComplete="current-password"
        autoFocus
        data-autofocus
        {...form.register('password')}
        error={form.formState.errors.password?.message}
      />
      {withCode && (
        <TextField
          {...CODE_FIELD}
          hint="This account has two-factor authentication: the 6-digit code your authenticator app shows for UbiOps."
          {...form.register('code')}
          error={form.formState.errors.code?.message}
        />
      )}
      {canRemember && (
        <CheckboxField
          label="Keep me signed in on this device"
          hint="Otherwise you are signed out when this tab closes. Do not tick this on a shared computer."
          {...form.register('remember')}
        />
      )}
      <Button type="submit" variant="primary" isPending={signIn.isPending}>
        {submitLabel}
      </Button>
    </form>
  )
}
