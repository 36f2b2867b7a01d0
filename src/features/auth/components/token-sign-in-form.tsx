import { valibotResolver } from '@hookform/resolvers/valibot'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useForm } from 'react-hook-form'
import { Button } from '../../../components/ui/button'
import { CheckboxField, TextField } from '../../../components/ui/field'
import { tokenSchema, type TokenInput } from '../lib/sign-in-schemas'
import { completeSignIn, signInErrorMessage, verifyToken } from '../verify-token'

/** Paste an API token, have it checked by the API (GET /user), keep it for this tab or this device. */
export function TokenSignInForm({ onSignedIn }: { onSignedIn: () => Promise<void> }) {
  const queryClient = useQueryClient()
  const form = useForm<TokenInput, unknown, { token: string; remember: boolean }>({
    resolver: valibotResolver(tokenSchema),
    defaultValues: { token: '', remember: false },
  })
  const signIn = useMutation({
    mutationFn: ({ token }: { token: string; remember: boolean }) => verifyToken(token),
    // A refused token is this form's business, not a reason to "return to sign-in".
    meta: { handlesUnauthorized: true },
    onSuccess: async (user, { token, remember }) => {
      completeSignIn(queryClient, token, user, { remember })
      await onSignedIn()
    },
    onError: (error) => form.setError('token', { message: signInErrorMessage(error) }),
  })

  return (
    <form className="stack" onSubmit={form.handleSubmit((input) => signIn.mutate(input))} noValidate>
      <TextField
        label="API token"
        type="password"
        autoComplete="off"
        spellCheck={false}
        hint='Paste a UbiOps API token, with or without the "Token " prefix.'
        autoFocus
        {...form.register('token')}
        error={form.formState.errors.token?.message}
      />
      <CheckboxField
        label="Keep me signed in on this device"
        hint="Otherwise you are signed out when this tab closes. Do not tick this on a shared computer."
        {...form.register('remember')}
      />
      <Button type="submit" variant="primary" isPending={signIn.isPending}>
        Sign in
      </Button>
    </form>
  )
}
