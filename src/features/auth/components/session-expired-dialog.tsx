import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { renewAccessToken } from '../../../api/auth-token'
import { Button } from '../../../components/ui/button'
import { Dialog } from '../../../components/ui/dialog'
import type { PasswordSignIn } from '../password-sign-in'
import { userQueries } from '../queries'
import type { ExpiredSession } from '../session-expiry'
import { CodeStep } from './code-step'
import { PasswordStep } from './password-step'

interface SessionExpiredDialogProps {
  session: ExpiredSession
  /** Signed in again: the new token is kept; the app refetches what failed. */
  onRenewed: () => void
  /** The person would rather leave: to the sign-in page, and back here afterwards. */
  onSignInElsewhere: () => void
}

/**
 * Over the current page when a person's session ends: the password (and the code) again, for the
 * same account. The page below stays mounted, so forms and open dialogs keep what was typed; the
 * action that failed is not re-sent behind the person's back, they send it again.
 */
export default function SessionExpiredDialog({
  session,
  onRenewed,
  onSignInElsewhere,
}: SessionExpiredDialogProps) {
  const queryClient = useQueryClient()
  const [password, setPassword] = useState<string | null>(null)

  const renew = (result: PasswordSignIn) => {
    renewAccessToken(result.access, result.user.email)
    queryClient.setQueryData(userQueries.me().queryKey, result.user)
    onRenewed()
  }

  return (
    <Dialog
      open
      // Closing would leave a page whose every call fails: the way out is "Sign in another way".
      dismissible={false}
      onClose={() => undefined}
      title="Your session has ended"
      description={`Sign in again as ${session.email} to carry on where you were. Nothing you typed is lost.`}
    >
      <div className="stack">
        {password === null ? (
          <PasswordStep
            email={session.email}
            canRemember={false}
            submitLabel="Sign in again"
            onSignedIn={renew}
            onNeedsCode={(typed) => setPassword(typed)}
          />
        ) : (
          <CodeStep
            email={session.email}
            password={password}
            submitLabel="Verify and sign in"
            onSignedIn={renew}
          />
        )}
        <Button variant="ghost" onClick={onSignInElsewhere}>
          Sign in another way
        </Button>
      </div>
    </Dialog>
  )
}
