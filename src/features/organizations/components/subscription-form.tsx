import { useState, type FormEvent } from 'react'
import { isApiError } from '../../../api/client'
import {
  FREE_SUBSCRIPTION,
  isKnownSubscription,
  subscriptionChangeProblems,
} from '../../../../domain/subscriptions'
import { serverProblems, type ServerProblems } from '../../../api/server-problems'
import type { OrganizationDetail } from '../../../api/types'
import { Button } from '../../../components/ui/button'
import { FormError, SelectField, TextField } from '../../../components/ui/field'
import { errorMessageOf } from '../../../components/ui/query-state'
import { useToast } from '../../../components/ui/toast'
import { useUpdateSubscription } from '../mutations'
import { SubscriptionOptions } from './subscription-options'

type SubscriptionField = 'subscription' | 'startDate' | 'endDate'
const API_FIELDS = ['subscription', 'subscription_start_date', 'subscription_end_date'] as const
type ApiField = (typeof API_FIELDS)[number]
const byFormField = ({
  byField,
  formLevel,
}: ServerProblems<ApiField>): ServerProblems<SubscriptionField> => ({
  byField: {
    subscription: byField.subscription,
    startDate: byField.subscription_start_date,
    endDate: byField.subscription_end_date,
  },
  formLevel,
})

/**
 * The subscription and its dates. Only the platform operator (staff) may change them; an admin
 * who tries gets that said plainly instead of the raw 403.
 */
export function SubscriptionForm({ organization }: { organization: OrganizationDetail }) {
  const [subscription, setSubscription] = useState(organization.subscription)
  const [startDate, setStartDate] = useState(organization.subscription_start_date ?? '')
  const [endDate, setEndDate] = useState(organization.subscription_end_date ?? '')
  const [submitted, setSubmitted] = useState(false)
  const [refusal, setRefusal] = useState<ServerProblems<SubscriptionField> | null>(null)
  const [isForbidden, setIsForbidden] = useState(false)
  const update = useUpdateSubscription(organization.name)
  const toast = useToast()

  const isFree = subscription === FREE_SUBSCRIPTION
  const problems = byFormField({
    byField: subscriptionChangeProblems({
      subscription,
      subscription_start_date: startDate || null,
      subscription_end_date: isFree || !endDate ? null : endDate,
    }),
    formLevel: null,
  }).byField
  const shown = (field: SubscriptionField, value: string) =>
    refusal?.byField[field] ?? (submitted || value ? (problems[field] ?? null) : null)

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault()
    setSubmitted(true)
    setRefusal(null)
    setIsForbidden(false)
    // An unknown subscription (see SubscriptionOptions) is one of the problems: pick a known one.
    if (Object.values(problems).some(Boolean) || !isKnownSubscription(subscription)) return
    update.mutate(
      {
        subscription,
        ...(startDate ? { subscription_start_date: startDate } : {}),
        subscription_end_date: isFree || !endDate ? null : endDate,
      },
      {
        onSuccess: () => toast.show({ message: 'Subscription saved.', tone: 'success' }),
        onError: (error) => {
          if (isApiError(error, 403)) return setIsForbidden(true)
          setRefusal(
            isApiError(error, 400)
              ? byFormField(serverProblems(error.message, API_FIELDS))
              : { byField: {}, formLevel: errorMessageOf(error) },
          )
        },
      },
    )
  }

  const edited = () => {
    setRefusal(null)
    setIsForbidden(false)
  }

  return (
    <section aria-labelledby="subscription-heading" className="ui-card stack">
      <h2 id="subscription-heading">Subscription</h2>
      <form className="stack" onSubmit={handleSubmit} noValidate>
        <SelectField
          label="Subscription"
          name="subscription"
          value={subscription}
          onChange={(event) => {
            setSubscription(event.target.value)
            edited()
          }}
          error={shown('subscription', subscription)}
          hint={
            isFree
              ? 'Free runs for a year from its start and has no end date.'
              : 'Paid subscriptions need a start and an end date.'
          }
        >
          <SubscriptionOptions current={organization.subscription} />
        </SelectField>
        <TextField
          label="Start date"
          name="subscription_start_date"
          type="date"
          value={startDate}
          onChange={(event) => {
            setStartDate(event.target.value)
            edited()
          }}
          error={shown('startDate', startDate)}
        />
        {!isFree && (
          <TextField
            label="End date"
            name="subscription_end_date"
            type="date"
            value={endDate}
            onChange={(event) => {
              setEndDate(event.target.value)
              edited()
            }}
            error={shown('endDate', endDate)}
          />
        )}
        {isForbidden && (
          <div role="alert" className="ui-notice">
            <strong>Only the UbiOps platform operator can change a subscription.</strong> Nothing was changed.
            To change the subscription of {organization.name}, contact UbiOps support.
          </div>
        )}
        <FormError>{refusal?.formLevel}</FormError>
        <div className="row">
          <Button type="submit" variant="primary" isPending={update.isPending}>
            Save subscription
          </Button>
        </div>
      </form>
    </section>
  )
}
