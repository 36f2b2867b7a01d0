import { valibotResolver } from '@hookform/resolvers/valibot'
import { useMutation } from '@tanstack/react-query'
import { useForm } from 'react-hook-form'
import type { SignInProvider } from '../../../api/types'
import { Button } from '../../../components/ui/button'
import { TextField } from '../../../components/ui/field'
import { emailSchema, type EmailInput } from '../lib/sign-in-schemas'
import { passwordErrorMessage, signInProvider } from '../password-sign-in'

interface EmailStepProps {
  defaultEmail: string
  onProvider: (email: string, provider: SignInProvider) => void
}

/** The first step: the email, and POST /oauth/sign-in to learn how that account signs in. */
export function EmailStep({ defaultEmail, onProvider }: EmailStepProps) {
  const form = useForm<EmailInput, unknown, EmailInput>({
    resolver: valibotResolver(emailSchema),
    defaultValues: { email: defaultEmail },
  })
  const lookUp = useMutation({
    mutationFn: (email: string) => signInProvider(email),
    meta: { handlesUnauthorized: true },
    onSuccess: (provider, email) => onProvider(email, provider),
    onError: (error) => form.setError('email', { message: passwordErrorMessage(error) }),
  })

  return (
    <form className="stack" onSubmit={form.handleSubmit(({ email }) => lookUp.mutate(email))} noValidate>
      <TextField
        label="Email"
        type="email"
        autoComplete="username"
        spellCheck={false}
        autoFocus
        {...form.register('email')}
        error={form.formState.errors.email?.message}
      />
      <Button type="submit" variant="primary" isPending={lookUp.isPending}>
        Continue
      </Button>
    </form>
  )
}
