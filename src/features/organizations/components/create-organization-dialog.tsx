import { valibotResolver } from '@hookform/resolvers/valibot'
import { useQuery } from '@tanstack/react-query'
import { useId } from 'react'
import { useForm, useWatch, type UseFormSetError } from 'react-hook-form'
import { useNavigate } from 'react-router'
import { isApiError } from '../../../api/client'
import { listGeneration } from '../../../api/model'
import { ORGANIZATION_NAME_MAX_LENGTH } from '../../../../domain/organization'
import { FREE_SUBSCRIPTION } from '../../../../domain/subscriptions'
import { serverProblems } from '../../../api/server-problems'
import { Button } from '../../../components/ui/button'
import { Dialog } from '../../../components/ui/dialog'
import { FormError, SelectField, TextField } from '../../../components/ui/field'
import { errorMessageOf } from '../../../components/ui/query-state'
import { useToast } from '../../../components/ui/toast'
import {
  createBody,
  createOrganizationSchema,
  VOUCHER_MAX_LENGTH,
  type CreateOrganizationOutput,
  type CreateOrganizationValues,
} from '../lib/create-organization-schema'
import { paths } from '../../../lib/paths'
import { useCreateOrganization } from '../mutations'
import { organizationQueries } from '../queries'
import { SubscriptionOptions } from './subscription-options'
import { useVoucherCheck, VoucherStatus } from './voucher-check'

const SERVER_FIELDS = ['name', 'subscription', 'subscription_end_date', 'voucher'] as const
const DEFAULTS: CreateOrganizationValues = {
  name: '',
  subscription: FREE_SUBSCRIPTION,
  endDate: '',
  voucher: '',
}

/** A 400's sentences on the fields they name; the rest on the form (react-hook-form's `root`). */
function showServerError(error: unknown, setError: UseFormSetError<CreateOrganizationValues>) {
  if (!isApiError(error, 400)) {
    setError('root.server', { type: 'server', message: errorMessageOf(error) })
    return
  }
  // The API names the end date `subscription_end_date`; the form calls it `endDate`.
  const { byField, formLevel } = serverProblems(error.message, SERVER_FIELDS)
  const { subscription_end_date: endDate, ...named } = byField
  for (const [field, message] of Object.entries({ ...named, endDate }))
    if (message)
      setError(field as keyof CreateOrganizationValues, { type: 'server', message }, { shouldFocus: true })
  if (formLevel) setError('root.server', { type: 'server', message: formLevel })
}

/**
 * Create an organization (react-hook-form on the valibot schema of ../lib). A field's problem
 * shows as it is typed, or for every field on submit; the server's refusal lands on the field it
 * names. Where the API has vouchers (its organization list carries `status`: the current
 * generation), a voucher code is checked while it is typed and its description shown.
 * Default export: this dialog is loaded only when someone opens it.
 */
/** ", with the voucher WELCOME-2026 (500 free credits)": how the success message names the voucher. */
const voucherSentence = (code: string, description: string | null) =>
  `, with the voucher ${code}${description ? ` (${description})` : ''}`

export default function CreateOrganizationDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const formId = useId()
  const navigate = useNavigate()
  const toast = useToast()
  const create = useCreateOrganization()
  const organizations = useQuery(organizationQueries.list())
  const hasVouchers = organizations.data !== undefined && listGeneration(organizations.data) === 'current'
  const {
    register,
    handleSubmit,
    control,
    setError,
    formState: { errors },
  } = useForm<CreateOrganizationValues, unknown, CreateOrganizationOutput>({
    resolver: valibotResolver(createOrganizationSchema),
    mode: 'onChange',
    defaultValues: DEFAULTS,
  })
  const subscription = useWatch({ control, name: 'subscription' })
  const voucher = useWatch({ control, name: 'voucher' })
  const voucherCheck = useVoucherCheck(hasVouchers ? voucher : '')
  const isFree = subscription === FREE_SUBSCRIPTION

  const submit = handleSubmit(async (values) => {
    const voucherAnswer = hasVouchers ? await voucherCheck.confirm() : { isKnown: true, description: null }
    if (!voucherAnswer.isKnown) {
      setError('voucher', { type: 'server', message: voucherCheck.unknownMessage }, { shouldFocus: true })
      return
    }
    const body = createBody(values)
    create.mutate(hasVouchers ? body : { ...body, voucher: undefined }, {
      onSuccess: async (organization) => {
        const voucher =
          hasVouchers && body.voucher ? voucherSentence(body.voucher, voucherAnswer.description) : ''
        toast.show({ message: `Organization ${organization.name} created${voucher}.`, tone: 'success' })
        onClose()
        await navigate(paths.organization(organization.name))
      },
      onError: (error) => showServerError(error, setError),
    })
  })

  const close = () => {
    if (!create.isPending) onClose()
  }

  return (
    <Dialog
      open={open}
      onClose={close}
      title="Create an organization"
      dismissible={!create.isPending}
      footer={
        <>
          <Button onClick={close} disabled={create.isPending}>
            Cancel
          </Button>
          <Button type="submit" form={formId} variant="primary" isPending={create.isPending}>
            Create organization
          </Button>
        </>
      }
    >
      <form id={formId} className="stack" onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          label="Name"
          {...register('name')}
          autoComplete="off"
          spellCheck={false}
          maxLength={ORGANIZATION_NAME_MAX_LENGTH + 20}
          hint={`Lowercase letters, digits and dashes, starting with a letter; at most ${ORGANIZATION_NAME_MAX_LENGTH} characters. It is part of the address and must be unique.`}
          error={errors.name?.message}
          data-autofocus
        />
        <SelectField
          label="Subscription"
          {...register('subscription')}
          hint={
            isFree
              ? 'Free runs for one year from today: there is no end date to set.'
              : 'Paid subscriptions need an end date.'
          }
          error={errors.subscription?.message}
        >
          <SubscriptionOptions />
        </SelectField>
        {!isFree && (
          <TextField
            label="Subscription end date"
            type="date"
            {...register('endDate')}
            error={errors.endDate?.message}
          />
        )}
        {hasVouchers && (
          <TextField
            label="Voucher code (optional)"
            {...register('voucher', { onBlur: voucherCheck.check })}
            autoComplete="off"
            spellCheck={false}
            maxLength={VOUCHER_MAX_LENGTH + 20}
            hint={<VoucherStatus check={voucherCheck} />}
            error={errors.voucher?.message ?? (voucherCheck.isUnknown ? voucherCheck.unknownMessage : null)}
          />
        )}
        <FormError>{errors.root?.server?.message}</FormError>
      </form>
    </Dialog>
  )
}
