import { useQuery } from '@tanstack/react-query'
import { PendingState, QueryView } from '../../../components/ui/query-state'
import { formatSubscription } from '../../../../domain/subscriptions'
import { formatDate } from '../../../lib/format-date'
import { organizationQueries } from '../queries'
import { useAdministrationRights } from '../hooks/use-administration-rights'
import { RenameForm } from './rename-form'
import { SubscriptionForm } from './subscription-form'
import { TwoFactorForm } from './two-factor-form'

/** Rename and subscription for admins (and staff); a read-only summary for everyone else. */
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
            <SubscriptionForm key={`subscription-${organization.name}`} organization={organization} />
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
              <dt>Subscription</dt>
              <dd>{formatSubscription(organization.subscription)}</dd>
              <dt>Start date</dt>
              <dd>{formatDate(organization.subscription_start_date)}</dd>
              <dt>End date</dt>
              <dd>
                {organization.subscription_end_date
                  ? formatDate(organization.subscription_end_date)
                  : 'No end date'}
              </dd>
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
