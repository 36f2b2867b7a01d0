import { valibotResolver } from '@hookform/resolvers/valibot'
import { useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import * as v from 'valibot'
import {
  FREE_SUBSCRIPTION,
  isKnownSubscription,
  subscriptionChangeProblems,
} from '../../../../domain/subscriptions'
import { isApiError } from '../../../api/client'
import type { OrganizationDetail } from '../../../api/model'
import { Button } from '../../../components/ui/button'
import { FormError, SelectField, TextField } from '../../../components/ui/field'
import { fieldRules, FORM_ERROR, setServerErrors } from '../../../components/ui/form-rules'
import { useToast } from '../../../components/ui/toast'
import { useUpdateSubscription } from '../mutations'
import { SubscriptionOptions } from './subscription-options'

/** The form's values are the request's fields; '' is an empty date (sent as none). */
type SubscriptionValues = {
  subscription: string
  subscription_start_date: string
  subscription_end_date: string
}
const subscriptionSchema = v.pipe(
  v.object({
    subscription: v.string(),
    subscription_start_date: v.string(),
    subscription_end_date: v.string(),
  }),
  fieldRules<SubscriptionValues>((values) => subscriptionChangeProblems(toRequest(values))),
)
const FIELDS = ['subscription', 'subscription_start_date', 'subscription_end_date'] as const

/** What is sent: free has no end date, an empty date is none. */
function toRequest({ subscription, subscription_start_date, subscription_end_date }: SubscriptionValues) {
  return {
    subscription,
    subscription_start_date: subscription_start_date || null,
    subscription_end_date:
      subscription === FREE_SUBSCRIPTION || !subscription_end_date ? null : subscription_end_date,
  }
}

/**
 * The subscription and its dates. Only the platform operator (staff) may change them; an admin
 * who tries gets that said plainly instead of the raw 403.
 */
export function SubscriptionForm({ organization }: { organization: OrganizationDetail }) {
  const [isForbidden, setIsForbidden] = useState(false)
  const update = useUpdateSubscription(organization.name)
  const toast = useToast()
  const { register, handleSubmit, control, setError, clearErrors, formState } = useForm<SubscriptionValues>({
    resolver: valibotResolver(subscriptionSchema),
    defaultValues: {
      subscription: organization.subscription,
      subscription_start_date: organization.subscription_start_date ?? '',
      subscription_end_date: organization.subscription_end_date ?? '',
    },
  })
  const isFree = useWatch({ control, name: 'subscription' }) === FREE_SUBSCRIPTION
  const { errors } = formState

  const onSubmit = (values: SubscriptionValues) => {
    setIsForbidden(false)
    const request = toRequest(values)
    // The schema refuses an unknown subscription (see SubscriptionOptions); this tells TypeScript.
    if (!isKnownSubscription(request.subscription)) return
    update.mutate(
      {
        subscription: request.subscription,
        ...(request.subscription_start_date
          ? { subscription_start_date: request.subscription_start_date }
          : {}),
        subscription_end_date: request.subscription_end_date,
      },
      {
        onSuccess: () => toast.show({ message: 'Subscription saved.', tone: 'success' }),
        onError: (error) => {
          if (isApiError(error, 403)) return setIsForbidden(true)
          setServerErrors(error, FIELDS, setError)
        },
      },
    )
  }

  const edited = {
    onChange: () => {
      clearErrors(FORM_ERROR)
      setIsForbidden(false)
    },
  }

  return (
    <section aria-labelledby="subscription-heading" className="ui-card stack">
      <h2 id="subscription-heading">Subscription</h2>
      <form className="stack" onSubmit={handleSubmit(onSubmit)} noValidate>
        <SelectField
          label="Subscription"
          {...register('subscription', edited)}
          error={errors.subscription?.message}
          hint={
            isFree
              ? 'Free runs for one year from its start date: there is no end date to set.'
              : 'Paid subscriptions need a start and an end date.'
          }
        >
          <SubscriptionOptions current={organization.subscription} />
        </SelectField>
        <TextField
          label="Start date"
          type="date"
          {...register('subscription_start_date', edited)}
          error={errors.subscription_start_date?.message}
        />
        {!isFree && (
          <TextField
            label="End date"
            type="date"
            {...register('subscription_end_date', edited)}
            error={errors.subscription_end_date?.message}
          />
        )}
        {isForbidden && (
          <div role="alert" className="ui-notice">
            <strong>Only the UbiOps platform operator can change a subscription.</strong> Nothing was changed.
            To change the subscription of {organization.name}, contact UbiOps support.
          </div>
        )}
        <FormError>{errors.root?.server?.message}</FormError>
        <div className="row">
          <Button type="submit" variant="primary" isPending={update.isPending}>
            Save subscription
          </Button>
        </div>
      </form>
    </section>
  )
}
