import { valibotResolver } from '@hookform/resolvers/valibot'
import { useMutation } from '@tanstack/react-query'
import { useForm } from 'react-hook-form'
import { Button } from '../../../components/ui/button'
import { CheckboxField, TextField } from '../../../components/ui/field'
import { passwordSchema, type PasswordInput } from '../lib/sign-in-schemas'
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

/** The password for `email`; a refusal shows on the field, a request for the code moves on. */
export function PasswordStep({
  email,
  canRemember,
  submitLabel,
  onSignedIn,
  onNeedsCode,
}: PasswordStepProps) {
  const form = useForm<PasswordInput, unknown, PasswordInput>({
    resolver: valibotResolver(passwordSchema),
    defaultValues: { password: '', remember: false },
  })
  const signIn = useMutation({
    mutationFn: ({ password }: PasswordInput) => signInWithPassword(email, password),
    // A refused password is this form's business, not a reason to "return to sign-in".
    meta: { handlesUnauthorized: true },
    onSuccess: (result, { remember }) => onSignedIn(result, remember),
    onError: (error, { password, remember }) => {
      if (asksForCode(error)) onNeedsCode(password, remember)
      else form.setError('password', { message: passwordErrorMessage(error) }, { shouldFocus: true })
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
