// The create-organization form's schema: the contract's create rules (shared/API.md "Rules":
// name, subscription, end date), built from api/rules.ts, which the local server enforces too.
import * as v from 'valibot'
import { FREE_SUBSCRIPTION, SUBSCRIPTIONS, isCalendarDate, organizationNameProblem } from '../../../api/rules'

/** Longest voucher code the form sends (the API documents none; this only stops pasted essays). */
export const VOUCHER_MAX_LENGTH = 128

/**
 * Form values: `endDate` `YYYY-MM-DD` or '' (ignored for free), `voucher` a code or ''. Problems
 * land on the field they concern: name rules on `name`; "needs an end date" and "no end date" on
 * `endDate`.
 */
export const createOrganizationSchema = v.pipe(
  v.object({
    name: v.pipe(
      v.string(),
      v.check(
        (name) => organizationNameProblem(name) === null,
        (issue) => organizationNameProblem(String(issue.input)) ?? '',
      ),
    ),
    subscription: v.picklist(SUBSCRIPTIONS, 'Choose a subscription.'),
    endDate: v.pipe(
      v.string(),
      v.check((date) => date === '' || isCalendarDate(date), 'Enter a real date (YYYY-MM-DD).'),
    ),
    voucher: v.pipe(
      v.string(),
      v.trim(),
      v.maxLength(VOUCHER_MAX_LENGTH, `Use at most ${VOUCHER_MAX_LENGTH} characters.`),
    ),
  }),
  v.forward(
    v.partialCheck(
      [['subscription'], ['endDate']],
      ({ subscription, endDate }) => subscription === FREE_SUBSCRIPTION || endDate !== '',
      (issue) =>
        `The ${(issue.input as { subscription: string }).subscription} subscription needs an end date.`,
    ),
    ['endDate'],
  ),
)

export type CreateOrganizationValues = v.InferInput<typeof createOrganizationSchema>
export type CreateOrganizationOutput = v.InferOutput<typeof createOrganizationSchema>

/** The POST body of checked values: no end date for free, no voucher when none was given. */
export function createBody(values: CreateOrganizationOutput) {
  const isFree = values.subscription === FREE_SUBSCRIPTION
  return {
    name: values.name,
    subscription: values.subscription as typeof values.subscription & string,
    ...(isFree || !values.endDate ? {} : { subscription_end_date: values.endDate }),
    ...(values.voucher ? { voucher: values.voucher } : {}),
  }
}
