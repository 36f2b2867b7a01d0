import type { FastifyInstance } from 'fastify'
import {
  parseExpiry,
  serviceUserDescriptionProblem,
  serviceUserNameProblem,
} from '../../domain/service-users'
import { projectFor } from '../auth/access'
import { roleOn } from '../lib/audit-sentences'
import { badRequest, notFound } from '../lib/http-error'
import { auditEventsRepository } from '../repositories/audit-events'
import type { ServiceUserRow } from '../repositories/service-users'
import { projectParams, serviceUserBody, serviceUserParams } from '../schemas/bodies'
import { arrayOf, ref } from '../schemas/openapi'

type ProjectParams = { project_name: string }
type ServiceUserParams = ProjectParams & { service_user_id: string }
interface ServiceUserInput {
  name?: string | null
  description?: string | null
  expiry_date?: string | null
}

/**
 * ServiceUserList with the fields of both generations; the generation's response schema keeps its
 * own (2022: `id, email, name, creation_date`; current: also `description`, `expiry_date` and
 * `token_last_used`, as the official clients' models have them).
 */
export function serviceUserAnswer(row: ServiceUserRow) {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    description: row.description,
    creation_date: row.creation_date,
    expiry_date: row.expiry_date,
    token_last_used: row.token_last_used,
  }
}

/** How a service user is named in messages and audit events: by its name, or its id when it has none. */
const label = (row: Pick<ServiceUserRow, 'name' | 'id'>) => (row.name ? `"${row.name}"` : row.id)

/**
 * Service users of a project (shared/API.md, "Projects, access and audit"): project admins and the
 * organization's admins list, create, read, update and delete them and reset their tokens; other
 * project users get a 403, everyone else the project's 404. A service user holds project roles
 * through role assignments (routes/role-assignments.ts); deleting it takes them. A token is in the answer of create and
 * of reset only, and stored hashed. Every write records an audit event (`service_user`) in its own
 * transaction, naming the service user, never its token.
 */
export async function serviceUsersRoutes(app: FastifyInstance): Promise<void> {
  const { serviceUsers, projectAccess } = app.repositories
  const auditEvents = auditEventsRepository(app.db)
  // The 2022 contract has neither a description nor an expiry: it ignores them, as any unknown field.
  const readsExpiry = app.apiGeneration === 'current'
  const now = () => app.auth.now()

  /** The body's values checked with domain/ rules; every field at fault named in one 400. */
  function checked(body: ServiceUserInput): ServiceUserInput {
    const problems: string[] = []
    const name = typeof body.name === 'string' ? body.name.trim() : body.name
    if (typeof name === 'string') {
      const problem = serviceUserNameProblem(name)
      if (problem) problems.push(`name: ${problem}`)
    }
    if (readsExpiry && typeof body.description === 'string') {
      const problem = serviceUserDescriptionProblem(body.description)
      if (problem) problems.push(`description: ${problem}`)
    }
    let expiry: string | null | undefined = undefined
    if (readsExpiry && body.expiry_date !== undefined) {
      if (body.expiry_date === null) expiry = null
      else {
        const parsed = parseExpiry(body.expiry_date, now())
        if ('problem' in parsed) problems.push(`expiry_date: ${parsed.problem}`)
        else expiry = parsed.timestamp
      }
    }
    if (problems.length > 0) throw badRequest(problems)
    return { name, description: readsExpiry ? body.description : undefined, expiry_date: expiry }
  }

  const notAServiceUser = (id: string, project: string) =>
    notFound(
      `There is no service user with id "${id}" in the project "${project}". Its list has the current ids.`,
    )

  app.get<{ Params: ProjectParams }>(
    '/projects/:project_name/service-users',
    { schema: { params: projectParams, response: { 200: arrayOf('ServiceUserList') } } },
    async (request) => {
      const { project } = projectFor(request, request.params.project_name, 'project-admin')
      return serviceUsers.list(project.id).map((row) => serviceUserAnswer(row))
    },
  )

  app.post<{ Params: ProjectParams; Body: ServiceUserInput }>(
    '/projects/:project_name/service-users',
    {
      schema: {
        params: projectParams,
        body: serviceUserBody,
        response: { 201: ref('ServiceUserTokenDetail') },
      },
    },
    async (request, reply) => {
      const input = checked(request.body)
      const created = app.db
        .transaction(() => {
          const { project } = projectFor(request, request.params.project_name, 'project-admin')
          const result = serviceUsers.create({
            projectId: project.id,
            projectName: project.name,
            name: input.name ?? null,
            description: input.description ?? '',
            expiryDate: input.expiry_date ?? null,
          })
          const expiry = result.row.expiry_date ? `, expiring ${result.row.expiry_date}` : ', never expiring'
          auditEvents.record({
            projectId: project.id,
            userId: request.user.id,
            action: 'create',
            objectType: 'service_user',
            objectName: result.row.name ?? result.row.id,
            event: `Created the service user ${label(result.row)}${readsExpiry ? expiry : ''}.`,
          })
          return result
        })
        .immediate()
      return reply.code(201).send({ ...serviceUserAnswer(created.row), token: created.token })
    },
  )

  app.get<{ Params: ServiceUserParams }>(
    '/projects/:project_name/service-users/:service_user_id',
    { schema: { params: serviceUserParams, response: { 200: ref('ServiceUserList') } } },
    async (request) => {
      const { project } = projectFor(request, request.params.project_name, 'project-admin')
      const row = serviceUsers.find(project.id, request.params.service_user_id)
      if (!row) throw notAServiceUser(request.params.service_user_id, project.name)
      return serviceUserAnswer(row)
    },
  )

  app.patch<{ Params: ServiceUserParams; Body: ServiceUserInput }>(
    '/projects/:project_name/service-users/:service_user_id',
    {
      schema: { params: serviceUserParams, body: serviceUserBody, response: { 200: ref('ServiceUserList') } },
    },
    async (request) => {
      const input = checked(request.body)
      return app.db
        .transaction(() => {
          const { project } = projectFor(request, request.params.project_name, 'project-admin')
          const before = serviceUsers.find(project.id, request.params.service_user_id)
          if (!before) throw notAServiceUser(request.params.service_user_id, project.name)
          const after = serviceUsers.update(project.id, before.id, {
            name: input.name === undefined ? before.name : input.name,
            description: input.description === undefined ? before.description : (input.description ?? ''),
            expiry_date: input.expiry_date === undefined ? before.expiry_date : input.expiry_date,
          })!
          const changes = [
            before.name !== after.name
              ? `name from ${before.name ?? 'none'} to ${after.name ?? 'none'}`
              : null,
            before.description !== after.description ? 'description' : null,
            before.expiry_date !== after.expiry_date
              ? `expiry from ${before.expiry_date ?? 'never'} to ${after.expiry_date ?? 'never'}`
              : null,
          ].filter((change) => change !== null)
          if (changes.length > 0)
            auditEvents.record({
              projectId: project.id,
              userId: request.user.id,
              action: 'update',
              objectType: 'service_user',
              objectName: after.name ?? after.id,
              event: `Changed the service user ${label(before)}: ${changes.join('; ')}.`,
            })
          return serviceUserAnswer(after)
        })
        .immediate()
    },
  )

  app.delete<{ Params: ServiceUserParams }>(
    '/projects/:project_name/service-users/:service_user_id',
    { schema: { params: serviceUserParams } },
    async (request, reply) => {
      app.db
        .transaction(() => {
          const { project } = projectFor(request, request.params.project_name, 'project-admin')
          const row = serviceUsers.find(project.id, request.params.service_user_id)
          const roles = row
            ? projectAccess.listAssignments(project.id, { assignee_type: 'user', assignee: row.id })
            : []
          // Its role assignments go in the same statement (the foreign key of migration 013).
          if (!row || !serviceUsers.remove(project.id, row.id))
            throw notAServiceUser(request.params.service_user_id, project.name)
          const held = roles.length === 0 ? '' : `, with its roles: ${roles.map(roleOn).join(', ')}`
          auditEvents.record({
            projectId: project.id,
            userId: request.user.id,
            action: 'delete',
            objectType: 'service_user',
            objectName: row.name ?? row.id,
            event: `Deleted the service user ${label(row)}${held}; its token no longer works.`,
          })
        })
        .immediate()
      return reply.code(204).send()
    },
  )

  app.put<{ Params: ServiceUserParams }>(
    '/projects/:project_name/service-users/:service_user_id/token',
    { schema: { params: serviceUserParams, response: { 200: ref('ServiceUserTokenList') } } },
    async (request) => {
      const token = app.db
        .transaction(() => {
          const { project } = projectFor(request, request.params.project_name, 'project-admin')
          const row = serviceUsers.find(project.id, request.params.service_user_id)
          if (!row) throw notAServiceUser(request.params.service_user_id, project.name)
          const fresh = serviceUsers.resetToken(project.id, row.id)
          auditEvents.record({
            projectId: project.id,
            userId: request.user.id,
            action: 'update',
            objectType: 'service_user',
            objectName: row.name ?? row.id,
            event: `Reset the token of the service user ${label(row)}; the previous token no longer works.`,
          })
          return fresh
        })
        .immediate()
      return { token }
    },
  )
}
