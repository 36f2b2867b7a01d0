import { useQueryClient } from '@tanstack/react-query'
import { clearToken, readCredential } from '../../../api/auth-token'
import { apiRequest } from '../../../api/client'
import { useNavigate } from 'react-router'
import { paths } from '../../../lib/paths'

/**
 * Ends a person's session on the server (`POST /oauth/sign-out`, the local API's: server/README.md,
 * "Local rules"), then forgets the credential and every cached answer and shows the sign-in page.
 * An API without that endpoint (the hosted one: 404 or 405), or one that cannot be reached, only
 * loses the token here; an API token is never revoked by signing out.
 */
export function useSignOut() {
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  return async () => {
    const credential = readCredential()
    if (credential?.scheme === 'Bearer')
      await apiRequest('/oauth/sign-out', { method: 'POST', credential, keepalive: true }).catch(() => {})
    clearToken()
    // Leave the signed-in pages first, so that nothing still on screen refetches without a token
    // (flushSync: the promise resolves once sign-in is on screen).
    await navigate(paths.signIn(), { replace: true, flushSync: true })
    queryClient.clear()
  }
}
