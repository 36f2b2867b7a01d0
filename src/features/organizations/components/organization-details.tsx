import type { OrganizationDetail } from '../../../api/model'
import { CopyButton } from '../../../components/ui/copy-button'
import { formatSubscription } from '../../../../domain/subscriptions'
import { addDays, utcToday } from '../../../../domain/dates'
import { currentPeriod } from '../../../../domain/subscriptions'
import { formatDate, formatDateTime, formatDayRange } from '../../../lib/format-date'

/**
 * The organization's facts as a description list. Words as the API uses them: the subscription's
 * term is its start and end dates (`subscription_start_date`, `subscription_end_date`); a
 * subscription period is the month the usage and credits are counted by (the API's default usage
 * period), from the start's day of the month. `today`: a UTC day, for the current period.
 */
export function OrganizationDetails({
  organization,
  today = utcToday(),
}: {
  organization: OrganizationDetail
  today?: string
}) {
  const period = organization.subscription_start_date
    ? currentPeriod(organization.subscription_start_date, today)
    : null
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
          <dt>Subscription term</dt>
          <dd>
            {formatDate(organization.subscription_start_date)} –{' '}
            {organization.subscription_end_date
              ? formatDate(organization.subscription_end_date)
              : 'no end date'}
          </dd>
        </>
      )}
      {period && (
        <>
          <dt>Current subscription period</dt>
          <dd>
            {formatDayRange(period.start, addDays(period.end, -1))}{' '}
            <span className="muted">(monthly: usage and credits are counted per period)</span>
          </dd>
        </>
      )}
      {organization.voucher !== undefined && (
        <>
          <dt>Voucher</dt>
          <dd>{organization.voucher ?? <span className="muted">None</span>}</dd>
        </>
      )}
      {/* Each row only when the API gives the field: self-service is 2022's, the others current. */}
      {organization.subscription_self_service !== undefined && (
        <>
          <dt>Self-service</dt>
          <dd>{organization.subscription_self_service ? 'Yes' : 'No'}</dd>
        </>
      )}
      {organization.overage_usage !== undefined && (
        <>
          <dt>Overage</dt>
          <dd>
            {organization.overage_usage
              ? 'Allowed: credits beyond the subscription are used and billed'
              : 'Not allowed: usage stops at the subscription’s credits'}
          </dd>
        </>
      )}
      {organization.two_factor_authentication_forced !== undefined && (
        <>
          <dt>Two-factor authentication</dt>
          <dd>
            {organization.two_factor_authentication_forced
              ? 'Required of every member'
              : 'Not required (each member chooses)'}
          </dd>
        </>
      )}
      <dt>Status</dt>
      <dd>
        <span className="ui-badge ui-badge--success">{organization.status}</span>
      </dd>
    </dl>
  )
}
