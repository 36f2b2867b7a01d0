import { useQueryClient } from '@tanstack/react-query'
import { clearToken } from '../../../api/auth-token'
import { useNavigate } from 'react-router'
import { paths } from '../../../lib/paths'

/** Forgets the token and every cached answer, then shows the sign-in page. */
export function useSignOut() {
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  return async () => {
    clearToken()
    // Leave the signed-in pages first, so that nothing still on screen refetches without a token
    // (flushSync: the promise resolves once sign-in is on screen).
    await navigate(paths.signIn(), { replace: true, flushSync: true })
    queryClient.clear()
  }
}
