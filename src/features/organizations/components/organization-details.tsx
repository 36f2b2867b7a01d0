import type { OrganizationDetail } from '../../../api/types'
import { CopyButton } from '../../../components/ui/copy-button'
import { formatDate, formatDateTime, formatSubscription } from '../lib/format'

/** The organization's facts as a description list. */
export function OrganizationDetails({ organization }: { organization: OrganizationDetail }) {
  return (
    <dl className="ui-details">
      <dt>ID</dt>
      <dd>
        <span className="row">
          <code>{organization.id}</code>
          <CopyButton value={organization.id} label="Copy organization ID" />
        </span>
      </dd>
      <dt>Created</dt>
      <dd>
        <time dateTime={organization.creation_date}>{formatDateTime(organization.creation_date)}</time>
      </dd>
      <dt>Subscription</dt>
      <dd>
        <span className="ui-badge ui-badge--accent">{formatSubscription(organization.subscription)}</span>
      </dd>
      {organization.subscription_start_date !== undefined && (
        <>
          <dt>Subscription period</dt>
          <dd>
            {formatDate(organization.subscription_start_date)} –{' '}
            {organization.subscription_end_date
              ? formatDate(organization.subscription_end_date)
              : 'no end date'}
          </dd>
        </>
      )}
      <dt>Self-service</dt>
      <dd>{organization.subscription_self_service ? 'Yes' : 'No'}</dd>
      <dt>Status</dt>
      <dd>
        <span className="ui-badge ui-badge--success">{organization.status}</span>
      </dd>
    </dl>
  )
}
