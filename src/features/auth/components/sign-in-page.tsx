import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { useNavigate, useSearchParams } from 'react-router'
import { normalizeToken } from '../../../api/auth-token'
import { Button } from '../../../components/ui/button'
import { CheckboxField, FormError, TextField } from '../../../components/ui/field'
import { safeNextPath } from '../lib/next-path'
import { completeSignIn, signInErrorMessage, verifyToken } from '../verify-token'

/** Paste an API token, have it checked by the API, keep it for this tab or this device. */
export function SignInPage({ linkError }: { linkError?: string | null }) {
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const [searchParams] = useSearchParams()
  const [token, setToken] = useState('')
  const [remember, setRemember] = useState(false)
  const [fieldError, setFieldError] = useState<string | null>(null)

  const signIn = useMutation({
    mutationFn: (value: string) => verifyToken(value),
    // A refused token is this form's business, not a reason to "return to sign-in".
    meta: { handlesUnauthorized: true },
    onSuccess: async (user, value) => {
      completeSignIn(queryClient, value, user, { remember })
      await navigate(safeNextPath(searchParams.get('next')), { replace: true })
    },
  })

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const value = normalizeToken(token)
    if (!value) {
      setFieldError('Paste your API token.')
      return
    }
    setFieldError(null)
    signIn.mutate(value)
  }

  const error = fieldError ?? (signIn.isError ? signInErrorMessage(signIn.error) : null)
  const isReturning = searchParams.has('next')

  return (
    <main className="sign-in">
      <title>Sign in · UbiOps organizations</title>
      <div className="ui-card sign-in__card stack">
        <div className="stack-sm">
          <p className="muted">UbiOps organizations</p>
          <h1>Sign in</h1>
          {isReturning && !linkError && (
            <p className="ui-notice ui-notice--info" role="status">
              Your session ended. Sign in again to go back to where you were.
            </p>
          )}
        </div>
        <FormError>{linkError}</FormError>
        <form className="stack" onSubmit={handleSubmit} noValidate>
          <TextField
            label="API token"
            name="token"
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={token}
            onChange={(event) => setToken(event.target.value)}
            hint='Paste a UbiOps API token, with or without the "Token " prefix.'
            error={error}
            autoFocus
          />
          <CheckboxField
            label="Keep me signed in on this device"
            hint="Otherwise you are signed out when this tab closes. Do not tick this on a shared computer."
            checked={remember}
            onChange={(event) => setRemember(event.target.checked)}
          />
          <Button type="submit" variant="primary" isPending={signIn.isPending}>
            Sign in
          </Button>
        </form>
      </div>
    </main>
  )
}
