import { useQueryClient } from '@tanstack/react-query'
import { clearToken } from '../../api/auth-token'
import { useSettledNavigate } from '../../components/ui/use-settled-navigate'
import { SIGN_IN_PATH } from './lib/next-path'

/** Forgets the token and every cached answer, then shows the sign-in page. */
export function useSignOut() {
  const queryClient = useQueryClient()
  const navigate = useSettledNavigate()
  return async () => {
    clearToken()
    // Leave the signed-in pages first, so that nothing still on screen refetches without a token.
    await navigate(SIGN_IN_PATH, { replace: true })
    queryClient.clear()
  }
}
