import { useMutation } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import type { SignInProvider } from '../../../api/types'
import { Button } from '../../../components/ui/button'
import { TextField } from '../../../components/ui/field'
import { checkSignInEmail } from '../lib/sign-in-email'
import { passwordErrorMessage, signInProvider } from '../password-sign-in'

interface EmailStepProps {
  defaultEmail: string
  onProvider: (email: string, provider: SignInProvider) => void
  /** Called as the email is sent: the next step's code can load meanwhile. */
  onSubmit?: () => void
}

/**
 * The first step: the email, and POST /oauth/sign-in to learn how that account signs in. One
 * field, checked by hand rather than with react-hook-form (see lib/sign-in-email.ts: this is a first
 * page, and the byte budget has no room for the form library).
 */
export function EmailStep({ defaultEmail, onProvider, onSubmit }: EmailStepProps) {
  const [value, setValue] = useState(defaultEmail)
  const [problem, setProblem] = useState<string | null>(null)
  const lookUp = useMutation({
    mutationFn: (email: string) => signInProvider(email),
    meta: { handlesUnauthorized: true },
    onSuccess: (provider, email) => onProvider(email, provider),
    onError: (error) => setProblem(passwordErrorMessage(error)),
  })

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault()
    const { email, problem: found } = checkSignInEmail(value)
    setProblem(found)
    if (found || lookUp.isPending) return
    onSubmit?.()
    lookUp.mutate(email)
  }

  return (
    <form className="stack" onSubmit={handleSubmit} noValidate>
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="username"
        spellCheck={false}
        autoFocus
        value={value}
        onChange={(event) => {
          setValue(event.target.value)
          // Once shown, a problem follows the typing, as the other forms' checks do.
          if (problem) setProblem(checkSignInEmail(event.target.value).problem)
        }}
        error={problem}
      />
      <Button type="submit" variant="primary" isPending={lookUp.isPending}>
        Continue
      </Button>
    </form>
  )
}
