import { useQuery } from '@tanstack/react-query'
import { PendingState, QueryView } from '../../../components/ui/query-state'
import { organizationQueries } from '../queries'
import { useAdministrationRights } from '../hooks/use-administration-rights'
import { RenameForm } from './rename-form'
import { SubscriptionForm } from './subscription-form'
import { SubscriptionSummary, SubscriptionTerms } from './subscription-summary'
import { TwoFactorForm } from './two-factor-form'

/**
 * Rename for admins and staff; the subscription form for staff only (the platform operator), read-only
 * for admins; a read-only summary for everyone else.
 */
export function OrganizationSettingsPage({ name }: { name: string }) {
  const detail = useQuery(organizationQueries.detail(name))
  const rights = useAdministrationRights(name)

  return (
    <QueryView query={detail} pendingLabel="Loading the settings" errorTitle="Could not load the settings">
      {(organization) =>
        !rights.isKnown ? (
          <PendingState label="Checking what you may change" lines={4} />
        ) : rights.canAdminister ? (
          <div className="two-columns">
            <RenameForm name={organization.name} />
            {/* Keyed by name: after a rename it starts from the organization's values again. */}
            {rights.isStaff ? (
              <SubscriptionForm key={`subscription-${organization.name}`} organization={organization} />
            ) : (
              <SubscriptionSummary organization={organization} />
            )}
            {organization.two_factor_authentication_forced !== undefined && (
              <TwoFactorForm organization={organization} />
            )}
          </div>
        ) : (
          <section aria-labelledby="settings-heading" className="ui-card stack">
            <h2 id="settings-heading">Settings</h2>
            <p className="ui-notice ui-notice--info">
              Only admins of {organization.name} can change its settings.
            </p>
            <dl className="ui-details">
              <dt>Name</dt>
              <dd>{organization.name}</dd>
              <SubscriptionTerms organization={organization} />
              {organization.two_factor_authentication_forced !== undefined && (
                <>
                  <dt>Two-factor authentication</dt>
                  <dd>{organization.two_factor_authentication_forced ? 'Required' : 'Not required'}</dd>
                </>
              )}
            </dl>
          </section>
        )
      }
    </QueryView>
  )
}
