import { valibotResolver } from '@hookform/resolvers/valibot'
import { useMutation } from '@tanstack/react-query'
import { useForm } from 'react-hook-form'
import { Button } from '../../../components/ui/button'
import { TextField } from '../../../components/ui/field'
import { codeSchema, type CodeInput } from '../lib/sign-in-schemas'
import { passwordErrorMessage, signInWithPassword, type PasswordSignIn } from '../password-sign-in'

interface CodeStepProps {
  email: string
  password: string
  submitLabel: string
  onSignedIn: (result: PasswordSignIn) => void | Promise<void>
}

/**
 * What a two-factor code field is, here and beside the password when the account is known to need
 * one: a code an authenticator app shows (room for a space some apps put in the middle).
 */
export const CODE_FIELD = {
  label: 'Two-factor code',
  inputMode: 'numeric',
  autoComplete: 'one-time-code',
  maxLength: 7,
} as const

/** The two-factor code the API asked for; a wrong or reused one shows on the field, to try again. */
export function CodeStep({ email, password, submitLabel, onSignedIn }: CodeStepProps) {
  const form = useForm<CodeInput, unknown, CodeInput>({
    resolver: valibotResolver(codeSchema),
    defaultValues: { code: '' },
  })
  const verify = useMutation({
    mutationFn: ({ code }: CodeInput) => signInWithPassword(email, password, code),
    meta: { handlesUnauthorized: true },
    onSuccess: (result) => onSignedIn(result),
    onError: (error) => {
      form.setError('code', { message: passwordErrorMessage(error) }, { shouldFocus: true })
      form.setValue('code', '')
    },
  })

  return (
    <form className="stack" onSubmit={form.handleSubmit((input) => verify.mutate(input))} noValidate>
      <TextField
        {...CODE_FIELD}
        autoFocus
        data-autofocus
        hint="The 6-digit code your authenticator app shows for UbiOps."
        {...form.register('code')}
        error={form.formState.errors.code?.message}
      />
      <Button type="submit" variant="primary" isPending={verify.isPending}>
        {submitLabel}
      </Button>
    </form>
  )
}
