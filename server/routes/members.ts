import type { FastifyInstance } from 'fastify'
import { emailProblem } from '../../domain/email'
import type { components } from '../../src/api/schema'
import { organizationFor } from '../auth/access'
import { badRequest, notFound } from '../lib/http-error'
import type { MemberRow } from '../repositories/members'
import { memberCreateBody, memberParams, memberUpdateBody, organizationNameParams } from '../schemas/bodies'
import { arrayOf, ref } from '../schemas/openapi'

/** The body as server/openapi.yaml declares it (the type the dashboard sends, generated from it). */
type MemberCreate = components['schemas']['OrganizationUserCreate']
type NameParams = { organization_name: string }
type MemberParams = NameParams & { user_id: string }

/**
 * One member as OrganizationUserDetail. `status` is in both generations' models (the official
 * clients 3.7 and 4.12); locally every membership is active. `creation_date` (local, additive) is
 * when they joined, given where one member is answered, not in the list.
 */
const toMember = (row: MemberRow) => ({ ...row, admin: row.admin === 1, status: 'active' })

export async function membersRoutes(app: FastifyInstance): Promise<void> {
  const { members, users } = app.repositories

  const memberNotFound = (userId: string, organization: string) =>
    notFound(
      `There is no member with id "${userId}" in "${organization}". The member list has the current ids.`,
    )
  const lastAdmin = (member: MemberRow, organization: string, action: string) =>
    badRequest([
      `${member.email} is the last admin of "${organization}" and cannot be ${action}: make another member admin first.`,
    ])

  app.get<{ Params: NameParams }>(
    '/organizations/:organization_name/users',
    { schema: { params: organizationNameParams, response: { 200: arrayOf('OrganizationUserDetail') } } },
    async (request, reply) => {
      const organization = organizationFor(request, request.params.organization_name, 'member')
      // Already JSON (see membersRepository.listJson): sent as it is, not serialized again.
      return reply.type('application/json; charset=utf-8').send(members.listJson(organization.id))
    },
  )

  app.post<{ Params: NameParams; Body: MemberCreate }>(
    '/organizations/:organization_name/users',
    {
      schema: {
        params: organizationNameParams,
        body: memberCreateBody,
        response: { 201: ref('OrganizationUserDetail') },
      },
    },
    async (request, reply) => {
      const organization = organizationFor(request, request.params.organization_name, 'admin')
      const email = request.body.email.trim()
      const problem = emailProblem(email)
      if (problem) throw badRequest([`email: ${problem}`])
      const member = app.db
        .transaction(() => {
          // Checked again inside the transaction: the caller may have been demoted meanwhile.
          organizationFor(request, request.params.organization_name, 'admin')
          const user = users.findOrCreate(email)
          if (members.find(organization.id, user.id))
            throw badRequest([`email: ${user.email} is already a member of "${organization.name}".`])
          members.add(organization.id, user.id, request.body.admin ?? false)
          return members.find(organization.id, user.id)!
        })
        .immediate()
      return reply.code(201).send(toMember(member))
    },
  )

  app.get<{ Params: MemberParams }>(
    '/organizations/:organization_name/users/:user_id',
    { schema: { params: memberParams, response: { 200: ref('OrganizationUserDetail') } } },
    async (request) => {
      const organization = organizationFor(request, request.params.organization_name, 'admin')
      const member = members.find(organization.id, request.params.user_id)
      if (!member) throw memberNotFound(request.params.user_id, organization.name)
      return toMember(member)
    },
  )

  app.patch<{ Params: MemberParams; Body: { admin: boolean } }>(
    '/organizations/:organization_name/users/:user_id',
    {
      schema: {
        params: memberParams,
        body: memberUpdateBody,
        response: { 200: ref('OrganizationUserDetail') },
      },
    },
    async (request) => {
      const { user_id: userId } = request.params
      // The caller's right, the last-admin check and the write are one IMMEDIATE transaction: of two
      // admins demoting each other at once (in this process or another), the second sees the first's
      // demotion, and is refused (no longer admin, or the last admin left).
      const member = app.db
        .transaction(() => {
          const organization = organizationFor(request, request.params.organization_name, 'admin')
          const current = members.find(organization.id, userId)
          if (!current) throw memberNotFound(userId, organization.name)
          if (current.admin && !request.body.admin && members.countAdmins(organization.id) <= 1)
            throw lastAdmin(current, organization.name, 'demoted')
          members.setAdmin(organization.id, userId, request.body.admin)
          return members.find(organization.id, userId)!
        })
        .immediate()
      return toMember(member)
    },
  )

  app.delete<{ Params: MemberParams }>(
    '/organizations/:organization_name/users/:user_id',
    { schema: { params: memberParams } },
    async (request, reply) => {
      const { user_id: userId } = request.params
      app.db
        .transaction(() => {
          const organization = organizationFor(request, request.params.organization_name, 'admin')
          const current = members.find(organization.id, userId)
          if (!current) throw memberNotFound(userId, organization.name)
          if (current.admin && members.countAdmins(organization.id) <= 1)
            throw lastAdmin(current, organization.name, 'removed')
          members.remove(organization.id, userId)
        })
        .immediate()
      return reply.code(204).send()
    },
  )
}
