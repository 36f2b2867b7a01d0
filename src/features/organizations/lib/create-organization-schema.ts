// The create-organization form's schema: the contract's create rules (shared/API.md "Rules":
// name, subscription, end date), from domain/, which the local server enforces too.
import * as v from 'valibot'
import { utcToday } from '../../../../domain/dates'
import { createProblems, FREE_SUBSCRIPTION, type KnownSubscription } from '../../../../domain/subscriptions'
import { fieldRules } from '../../../components/ui/form-rules'

/** Longest voucher code the form sends (the API documents none; this only stops pasted essays). */
export const VOUCHER_MAX_LENGTH = 128

/**
 * Form values: `endDate` `YYYY-MM-DD` or '' (ignored for free), `voucher` a code or ''. Problems
 * land on the field they concern, in domain/'s words: name rules on `name`; "needs an end date",
 * "no end date", a date outside the range or not after today on `endDate`.
 */
export const createOrganizationSchema = v.pipe(
  v.object({
    name: v.string(),
    subscription: v.string(),
    endDate: v.string(),
    voucher: v.pipe(
      v.string(),
      v.trim(),
      v.maxLength(VOUCHER_MAX_LENGTH, `Use at most ${VOUCHER_MAX_LENGTH} characters.`),
    ),
  }),
  fieldRules(({ name, subscription, endDate }) => {
    const { subscription_end_date: endDateProblem, ...problems } = createProblems(
      {
        name,
        subscription,
        // The form keeps a typed end date while free is chosen; free sends none (createBody).
        subscription_end_date: subscription === FREE_SUBSCRIPTION || endDate === '' ? null : endDate,
      },
      utcToday(),
    )
    return { ...problems, endDate: endDateProblem }
  }),
)

export type CreateOrganizationValues = v.InferInput<typeof createOrganizationSchema>
export type CreateOrganizationOutput = v.InferOutput<typeof createOrganizationSchema>

/** The POST body of checked values: no end date for free, no voucher when none was given. */
export function createBody(values: CreateOrganizationOutput) {
  const isFree = values.subscription === FREE_SUBSCRIPTION
  return {
    name: values.name,
    // The schema's domain rule has refused any subscription it does not know.
    subscription: values.subscription as KnownSubscription,
    ...(isFree || !values.endDate ? {} : { subscription_end_date: values.endDate }),
    ...(values.voucher ? { voucher: values.voucher } : {}),
  }
}
