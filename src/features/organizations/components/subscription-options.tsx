import { formatSubscription, isKnownSubscription, SUBSCRIPTIONS } from '../../../../domain/subscriptions'

/**
 * The options of a subscription select: the subscriptions this dashboard knows and, first, the
 * current one when it is another (the hosted API has more), so that a form never shows an
 * organization's subscription as something it is not.
 */
export function SubscriptionOptions({ current }: { current?: string }) {
  const values: readonly string[] =
    current && !isKnownSubscription(current) ? [current, ...SUBSCRIPTIONS] : SUBSCRIPTIONS
  return values.map((value) => (
    <option key={value} value={value}>
      {formatSubscription(value)}
    </option>
  ))
}
