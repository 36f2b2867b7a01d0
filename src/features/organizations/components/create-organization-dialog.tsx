import { useId, useState, type FormEvent } from 'react'
import { useNavigate } from 'react-router'
import { isApiError } from '../../../api/client'
import { FREE_SUBSCRIPTION, ORGANIZATION_NAME_MAX_LENGTH } from '../../../api/rules'
import type { Subscription } from '../../../api/types'
import { Button } from '../../../components/ui/button'
import { Dialog } from '../../../components/ui/dialog'
import { FormError, SelectField, TextField } from '../../../components/ui/field'
import { errorMessageOf } from '../../../components/ui/query-state'
import { useToast } from '../../../components/ui/toast'
import {
  createOrganizationProblems,
  splitServerError,
  type CreateField,
  type ServerProblems,
} from '../lib/organization-rules'
import { paths } from '../../../lib/paths'
import { useCreateOrganization } from '../mutations'
import { SubscriptionOptions } from './subscription-options'

const FIELDS: readonly CreateField[] = ['name', 'subscription', 'endDate']

/**
 * Create an organization. The rules are checked as the person types (a field's problem shows once
 * it has something in it, or after a submit); the server's refusal lands on the field it names.
 * Default export: this dialog is loaded only when someone opens it.
 */
export default function CreateOrganizationDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const formId = useId()
  const navigate = useNavigate()
  const toast = useToast()
  const create = useCreateOrganization()
  const [name, setName] = useState('')
  const [subscription, setSubscription] = useState<Subscription>(FREE_SUBSCRIPTION)
  const [endDate, setEndDate] = useState('')
  const [submitted, setSubmitted] = useState(false)
  const [serverError, setServerError] = useState<ServerProblems<CreateField> | null>(null)

  const isFree = subscription === FREE_SUBSCRIPTION
  const problems = createOrganizationProblems({ name, subscription, endDate: isFree ? '' : endDate })
  const shown = (field: CreateField, value: string) => {
    const refusal = serverError?.byField[field]
    if (refusal) return refusal
    return submitted || value ? (problems[field] ?? null) : null
  }

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault()
    setSubmitted(true)
    setServerError(null)
    if (Object.keys(problems).length > 0) return
    create.mutate(
      { name, subscription, ...(isFree ? {} : { subscription_end_date: endDate }) },
      {
        onSuccess: async (organization) => {
          toast.show({ message: `Organization ${organization.name} created.`, tone: 'success' })
          onClose()
          await navigate(paths.organization(organization.name))
        },
        onError: (error) => {
          setServerError(
            isApiError(error, 400)
              ? splitServerError(error.message, FIELDS)
              : { byField: {}, formLevel: errorMessageOf(error) },
          )
        },
      },
    )
  }

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
      <form id={formId} className="stack" onSubmit={handleSubmit} noValidate>
        <TextField
          label="Name"
          name="name"
          value={name}
          onChange={(event) => {
            setName(event.target.value)
            setServerError(null)
          }}
          autoComplete="off"
          spellCheck={false}
          maxLength={ORGANIZATION_NAME_MAX_LENGTH + 20}
          hint={`Lowercase letters, digits and dashes, starting with a letter; at most ${ORGANIZATION_NAME_MAX_LENGTH} characters. It is part of the address and must be unique.`}
          error={shown('name', name)}
          data-autofocus
        />
        <SelectField
          label="Subscription"
          name="subscription"
          value={subscription}
          onChange={(event) => {
            setSubscription(event.target.value as Subscription)
            setServerError(null)
          }}
          hint={
            isFree
              ? 'Free runs for a year from today and has no end date.'
              : 'Paid subscriptions need an end date.'
          }
          error={shown('subscription', subscription)}
        >
          <SubscriptionOptions />
        </SelectField>
        {!isFree && (
          <TextField
            label="Subscription end date"
            name="subscription_end_date"
            type="date"
            value={endDate}
            onChange={(event) => {
              setEndDate(event.target.value)
              setServerError(null)
            }}
            error={shown('endDate', endDate)}
          />
        )}
        <FormError>{serverError?.formLevel}</FormError>
      </form>
    </Dialog>
  )
}
