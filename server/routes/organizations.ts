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
  type SubscriptionInput,
} from '../../domain/subscriptions'
import { badRequest, forbidden, prefixedProblems } from '../lib/http-error'
import type { OrganizationRow } from '../repositories/organizations'
import { organizationCreateBody, organizationNameParams, organizationUpdateBody } from '../schemas/bodies'
import { arrayOf, ref } from '../schemas/openapi'

type NameParams = { organization_name: string }

function detail(organization: OrganizationRow) {
  return { ...updated(organization), subscription_self_service: organization.subscription_self_service === 1 }
}

function updated(organization: OrganizationRow) {
  return {
    id: organization.id,
    name: organization.name,
    creation_date: organization.creation_date,
    subscription: organization.subscription,
    status: organization.status,
    subscription_start_date: organization.subscription_start_date,
    subscription_end_date: organization.subscription_end_date,
  }
}

const nameTaken = (name: string) => `name: ${nameTakenProblem(name)}`

interface OrganizationCreateInput {
  name: string
  subscription: string
  subscription_end_date?: string | null
}

type OrganizationUpdateInput = SubscriptionInput & { name?: string }

export async function organizationsRoutes(app: FastifyInstance): Promise<void> {
  const { organizations, members } = app.repositories

  app.get('/organizations', { schema: { response: { 200: arrayOf('OrganizationList') } } }, async (request) =>
    organizations.listOfMember(request.user.id),
  )

  app.post<{ Body: OrganizationCreateInput }>(
    '/organizations',
    { schema: { body: organizationCreateBody, response: { 201: ref('OrganizationList') } } },
    async (request, reply) => {
      const input = request.body
      const startDate = utcToday()
      const problems = prefixedProblems(createProblems(input, startDate))
      if (problems.length > 0) throw badRequest(problems)
      // Check and insert in one IMMEDIATE transaction: two creators of one name cannot both pass.
      const created = app.db
        .transaction(() => {
          if (organizations.findByName(input.name)) throw badRequest([nameTaken(input.name)])
          const organization = {
            id: randomUUID(),
            name: input.name,
            creation_date: timestamp(),
            subscription: input.subscription,
            subscription_start_date: startDate,
            subscription_end_date: input.subscription_end_date ?? null,
          }
          organizations.insert(organization)
          members.add(organization.id, request.user.id, true)
          return organization
        })
        .immediate()
      return reply
        .code(201)
        .send({ id: created.id, name: created.name, creation_date: created.creation_date })
    },
  )

  app.get<{ Params: NameParams }>(
    '/organizations/:organization_name',
    { schema: { params: organizationNameParams, response: { 200: ref('OrganizationDetail') } } },
    async (request) => detail(organizationFor(request, request.params.organization_name, 'member')),
  )

  app.patch<{ Params: NameParams; Body: OrganizationUpdateInput }>(
    '/organizations/:organization_name',
    {
      schema: {
        params: organizationNameParams,
        body: organizationUpdateBody,
        response: { 200: ref('OrganizationUpdated') },
      },
    },
    async (request) => {
      const input = request.body
      // Read, check and write in one IMMEDIATE transaction: a change another process commits in
      // between (a staff subscription change, a demotion of this admin) must be neither
      // overwritten by values read before it nor bypassed by a right that was checked before it.
      return updated(
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
            organizations.update(current.id, { name: input.name, ...resolved.values })
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
