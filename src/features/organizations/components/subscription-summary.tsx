import { formatSubscription } from '../../../../domain/subscriptions'
import type { OrganizationDetail } from '../../../api/model'
import { formatDate } from '../../../lib/format-date'

/** The subscription and its dates as terms of a `<dl>`, for whoever may not change them. */
export function SubscriptionTerms({ organization }: { organization: OrganizationDetail }) {
  return (
    <>
      <dt>Subscription</dt>
      <dd>{formatSubscription(organization.subscription)}</dd>
      <dt>Start date</dt>
      <dd>{formatDate(organization.subscription_start_date)}</dd>
      <dt>End date</dt>
      <dd>
        {organization.subscription_end_date ? formatDate(organization.subscription_end_date) : 'No end date'}
      </dd>
    </>
  )
}

/**
 * The subscription for an admin who is not the platform operator: read-only, saying first who
 * can change it, so nobody fills in a form only to be refused.
 */
export function SubscriptionSummary({ organization }: { organization: OrganizationDetail }) {
  return (
    <section aria-labelledby="subscription-heading" className="ui-card stack">
      <h2 id="subscription-heading">Subscription</h2>
      <p className="ui-notice ui-notice--info">
        <strong>Only the UbiOps platform operator can change a subscription.</strong> To change the
        subscription of {organization.name}, contact UbiOps support.
      </p>
      <dl className="ui-details">
        <SubscriptionTerms organization={organization} />
      </dl>
    </section>
  )
}
