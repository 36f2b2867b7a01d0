import type { FastifyInstance } from 'fastify'
import { randomUUID } from 'node:crypto'
import { organizationFor } from '../auth/access'
import { timestamp, utcToday } from '../../domain/dates'
import { nameTakenProblem } from '../../domain/organization'
import {
  changesSubscription,
  createProblems,
  fieldProblems,
  resolveSubscription,
  FREE_SUBSCRIPTION,
  type SubscriptionInput,
} from '../../domain/subscriptions'
import { badRequest, forbidden, prefixedProblems } from '../lib/http-error'
import type { OrganizationRow } from '../repositories/organizations'
import {
  organizationCreateBody,
  organizationCreateBodyCurrent,
  organizationNameParams,
  organizationUpdateBody,
  organizationUpdateBodyCurrent,
} from '../schemas/bodies'
import { arrayOf, ref } from '../schemas/openapi'

type NameParams = { organization_name: string }
type OrganizationCreateBody = Omit<OrganizationCreateInput, 'subscription'> & { subscription?: string }

// Each answer is built with every field of both generations; the generation's response schema
// (its OpenAPI document) serializes only the fields that generation has.

function listed(
  organization: Pick<
    OrganizationRow,
    'id' | 'name' | 'creation_date' | 'status' | 'two_factor_authentication_forced'
  >,
) {
  return {
    id: organization.id,
    name: organization.name,
    creation_date: organization.creation_date,
    status: organization.status,
    two_factor_authentication_forced: organization.two_factor_authentication_forced === 1,
  }
}

function detail(organization: OrganizationRow) {
  return {
    ...listed(organization),
    subscription: organization.subscription,
    subscription_self_service: organization.subscription_self_service === 1,
    subscription_start_date: organization.subscription_start_date,
    subscription_end_date: organization.subscription_end_date,
    overage_usage: organization.overage_usage === 1,
    // Current generation only (its schema keeps it): the voucher the organization was created with.
    voucher: organization.voucher,
  }
}

const nameTaken = (name: string) => `name: ${nameTakenProblem(name)}`

interface OrganizationCreateInput {
  name: string
  subscription: string
  subscription_end_date?: string | null
  /** Current generation only: a voucher code (checked against the known vouchers below). */
  voucher?: string
  /** Current generation only: the organization requires 2FA of its members. */
  two_factor_authentication_forced?: boolean
}

type OrganizationUpdateInput = SubscriptionInput & { name?: string }

export async function organizationsRoutes(app: FastifyInstance): Promise<void> {
  const { organizations, members, vouchers } = app.repositories
  const isCurrent = app.apiGeneration === 'current'

  app.get('/organizations', { schema: { response: { 200: arrayOf('OrganizationList') } } }, async (request) =>
    organizations.listOfMember(request.user.id).map(listed),
  )

  app.post<{ Body: OrganizationCreateBody }>(
    '/organizations',
    {
      schema: {
        body: isCurrent ? organizationCreateBodyCurrent : organizationCreateBody,
        response: { 201: ref('OrganizationList') },
      },
    },
    async (request, reply) => {
      // The 2022 generation ignores the fields it does not know, as any unknown field.
      const body = request.body
      const input: OrganizationCreateInput = isCurrent
        ? { ...body, subscription: body.subscription ?? FREE_SUBSCRIPTION }
        : {
            name: body.name,
            subscription: body.subscription!,
            subscription_end_date: body.subscription_end_date,
          }
      const startDate = utcToday()
      const problems = prefixedProblems(createProblems(input, startDate))
      if (input.voucher !== undefined && !vouchers.find(input.voucher))
        problems.push(
          `voucher: there is no voucher "${input.voucher}"; check the code, or leave the voucher out.`,
        )
      if (problems.length > 0) throw badRequest(problems)
      // Check and insert in one IMMEDIATE transaction: two creators of one name cannot both pass.
      const created = app.db
        .transaction(() => {
          if (organizations.findByName(input.name)) throw badRequest([nameTaken(input.name)])
          const organization = {
            // A UUID v4, as the contract's ids are (shared/API.md).
            id: randomUUID(),
            name: input.name,
            creation_date: timestamp(),
            subscription: input.subscription,
            subscription_start_date: startDate,
            subscription_end_date: input.subscription_end_date ?? null,
            two_factor_authentication_forced: input.two_factor_authentication_forced ?? false,
            voucher: input.voucher ?? null,
          }
          organizations.insert(organization)
          members.add(organization.id, request.user.id, true)
          return organizations.findById(organization.id)!
        })
        .immediate()
      return reply.code(201).send(listed(created))
    },
  )

  app.get<{ Params: NameParams }>(
    '/organizations/:organization_name',
    { schema: { params: organizationNameParams, response: { 200: ref('OrganizationDetail') } } },
    async (request) => detail(organizationFor(request, request.params.organization_name, 'member')),
  )

  app.patch<{
    Params: NameParams
    Body: OrganizationUpdateInput & { two_factor_authentication_forced?: boolean }
  }>(
    '/organizations/:organization_name',
    {
      schema: {
        params: organizationNameParams,
        body: isCurrent ? organizationUpdateBodyCurrent : organizationUpdateBody,
        response: { 200: ref(isCurrent ? 'OrganizationDetail' : 'OrganizationUpdated') },
      },
    },
    async (request) => {
      const { two_factor_authentication_forced: forceTwoFactor, ...input } = request.body
      // Read, check and write in one IMMEDIATE transaction: a change another process commits in
      // between (a staff subscription change, a demotion of this admin) must be neither
      // overwritten by values read before it nor bypassed by a right that was checked before it.
      return detail(
        app.db
          .transaction(() => {
            const current = organizationFor(request, request.params.organization_name, 'admin')
            const formatProblems = prefixedProblems(fieldProblems(input))
            if (formatProblems.length > 0) throw badRequest(formatProblems)
            if (changesSubscription(input, current) && !request.user.staff)
              throw forbidden(
                'Only the platform operator (UbiOps staff) can change a subscription or its dates. ' +
                  'Admins can rename the organization; contact support to change the subscription.',
              )
            const resolved = resolveSubscription(input, current)
            if ('problems' in resolved) throw badRequest(prefixedProblems(resolved.problems))
            if (input.name !== undefined && input.name !== current.name) {
              const holder = organizations.findByName(input.name)
              if (holder && holder.id !== current.id) throw badRequest([nameTaken(input.name)])
            }
            organizations.update(current.id, {
              name: input.name,
              ...resolved.values,
              // Admins switch 2FA enforcement (current generation; the 2022 one ignores the field).
              two_factor_authentication_forced: isCurrent ? forceTwoFactor : undefined,
            })
            return organizations.findById(current.id)!
          })
          .immediate(),
      )
    },
  )

  app.get<{ Params: NameParams }>(
    '/organizations/:organization_name/resources',
    { schema: { params: organizationNameParams, response: { 200: ref('Resources') } } },
    async (request) => {
      const organization = organizationFor(request, request.params.organization_name, 'member')
      return organizations.resourceCounts(organization.id)
    },
  )
}
