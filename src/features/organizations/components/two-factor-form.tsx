import { useState } from 'react'
import type { OrganizationDetail } from '../../../api/model'
import { Button } from '../../../components/ui/button'
import { ConfirmDialog } from '../../../components/ui/dialog'
import { errorMessageOf } from '../../../components/ui/query-state'
import { useToast } from '../../../components/ui/toast'
import { useSetTwoFactorForced } from '../mutations'

/**
 * Two-factor enforcement (current generation, `two_factor_authentication_forced`): the state, and
 * a switch that asks first, saying what it means for the members. Render only when the API gave
 * the field.
 */
export function TwoFactorForm({ organization }: { organization: OrganizationDetail }) {
  const isForced = organization.two_factor_authentication_forced === true
  const [isConfirming, setIsConfirming] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const setForced = useSetTwoFactorForced(organization.name)
  const toast = useToast()

  const handleConfirm = () => {
    setError(null)
    setForced.mutate(!isForced, {
      onSuccess: (updated) => {
        setIsConfirming(false)
        toast.show({
          message: updated.two_factor_authentication_forced
            ? 'Two-factor authentication is now required of every member.'
            : 'Two-factor authentication is no longer required.',
          tone: 'success',
        })
      },
      onError: (failure) => setError(errorMessageOf(failure)),
    })
  }

  return (
    <section aria-labelledby="two-factor-heading" className="ui-card stack">
      <h2 id="two-factor-heading">Two-factor authentication</h2>
      <p>
        {isForced
          ? `Required: every member of ${organization.name} must sign in with a second factor.`
          : `Not required: members of ${organization.name} choose whether to use a second factor.`}
      </p>
      <div className="row">
        <Button onClick={() => setIsConfirming(true)}>
          {isForced ? 'Stop requiring two-factor authentication…' : 'Require two-factor authentication…'}
        </Button>
      </div>
      <ConfirmDialog
        open={isConfirming}
        onClose={() => {
          setIsConfirming(false)
          setError(null)
        }}
        onConfirm={handleConfirm}
        title={
          isForced
            ? `Stop requiring two-factor authentication in ${organization.name}?`
            : `Require two-factor authentication in ${organization.name}?`
        }
        confirmLabel={isForced ? 'Stop requiring it' : 'Require two-factor authentication'}
        isDestructive={isForced}
        isPending={setForced.isPending}
        error={error}
      >
        {isForced ? (
          <p>
            Members will be able to reach {organization.name} with their password alone. Those who set up a
            second factor keep it; nobody is asked to set one up any more.
          </p>
        ) : (
          <>
            <p>
              Every member will need two-factor authentication on their account to work in {organization.name}
              . Members who have not set it up will have to do so before they can reach the organization
              again.
            </p>
            <p>
              <strong>This includes you.</strong> If you signed in with your password alone, you will be asked
              to set up a second factor before you can reach {organization.name} again; API tokens keep
              working.
            </p>
          </>
        )}
      </ConfirmDialog>
    </section>
  )
}
