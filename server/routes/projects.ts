import type { FastifyInstance } from 'fastify'
import { timestamp } from '../../domain/dates'
import {
  projectNameOfDeletedProblem,
  projectNameProblem,
  projectNameTakenProblem,
} from '../../domain/project'
import { organizationFor, projectFor, projectsVisibleTo } from '../auth/access'
import { badRequest, notFound } from '../lib/http-error'
import { randomUUID } from 'node:crypto'
import { projectStanding, type ProjectStanding } from '../lib/project-standing'
import type { ProjectRow } from '../repositories/projects'
import { auditSentences } from '../lib/audit-sentences'
import {
  projectCreateBody,
  projectCreateBodyCurrent,
  projectParams,
  projectsQuery,
  projectUserCreateBody,
  projectUserParams,
} from '../schemas/bodies'
import { arrayOf, ref } from '../schemas/openapi'

type ProjectParams = { project_name: string }
type ProjectUserParams = ProjectParams & { user_id: string }
interface ProjectCreateInput {
  name: string
  organization_name: string
  advanced_permissions?: boolean
  labels?: Record<string, string> | null
  cors_origins?: string[] | null
}

// Each answer is built with the fields of both generations; the generation's response schema (its
// OpenAPI document) serializes only its own: 2022 `gb_seconds`, current `credits`, `labels` and
// `cors_origins` (the official clients' ProjectList and ProjectDetail). Both carry the limit as
// stored and whether the project is suspended (../lib/project-standing.ts).

/** ProjectList: the limit, and (local, additive) whether the project is suspended and why. */
export function projectListed(project: ProjectRow, standing: ProjectStanding) {
  return {
    id: project.id,
    name: project.name,
    creation_date: project.creation_date,
    advanced_permissions: project.advanced_permissions === 1,
    organization_name: project.organization_name,
    gb_seconds: standing.limit === null ? null : Math.round(standing.limit),
    credits: standing.limit,
    labels: JSON.parse(project.labels) as Record<string, string>,
    suspended: standing.suspended,
    suspended_reason: standing.suspendedReason,
  }
}

/** ProjectDetail: the list's fields and its CORS origins. */
export function projectDetail(project: ProjectRow, standing: ProjectStanding) {
  return {
    ...projectListed(project, standing),
    cors_origins: JSON.parse(project.cors_origins) as string[],
  }
}

/**
 * Projects and their users (shared/API.md, "Projects, access and audit"). Organization admins create
 * and delete projects; project admins and organization admins manage a project's users; every
 * project user reads the project and its users.
 */
export async function projectsRoutes(app: FastifyInstance): Promise<void> {
  const { projects, projectAccess, members, auditEvents } = app.repositories
  const generation = app.apiGeneration
  const standingOf = (row: ProjectRow) => projectStanding(projects, row, generation)

  const notAProjectUser = (userId: string, project: string) =>
    notFound(
      `There is no user with id "${userId}" in the project "${project}". Its user list has the current ids.`,
    )

  app.get<{ Querystring: { organization?: string } }>(
    '/projects',
    { schema: { querystring: projectsQuery, response: { 200: arrayOf('ProjectList') } } },
    async (request) =>
      projectsVisibleTo(request, request.query.organization).map((row) => projectListed(row, standingOf(row))),
  )

  app.post<{ Body: ProjectCreateInput }>(
    '/projects',
    {
      schema: {
        body: generation === 'current' ? projectCreateBodyCurrent : projectCreateBody,
        response: { 201: ref('ProjectDetail') },
      },
    },
    async (request, reply) => {
      const body = request.body
      const nameProblem = projectNameProblem(body.name)
      if (nameProblem) throw badRequest([`name: ${nameProblem}`])
      // Check and insert in one IMMEDIATE transaction: of two creators of one name, one wins.
      const created = app.db
        .transaction(() => {
          const organization = organizationFor(request, body.organization_name, 'admin')
          if (projects.findByName(body.name))
            throw badRequest([`name: ${projectNameTakenProblem(body.name)}`])
          if (projects.wasDeletedName(organization.id, body.name))
            throw badRequest([`name: ${projectNameOfDeletedProblem(body.name, organization.name)}`])
          const id = randomUUID()
          projects.insert({
            id,
            name: body.name,
            organization_id: organization.id,
            creation_date: timestamp(),
            advanced_permissions: body.advanced_permissions ?? false,
            labels: (generation === 'current' && body.labels) || {},
            cors_origins: (generation === 'current' && body.cors_origins) || [],
          })
          // As on the hosted API, the organization's admins become the new project's admins.
          const projectAdmin = projectAccess.findRole(id, 'project-admin')!
          for (const admin of members.list(organization.id).filter((member) => member.admin === 1)) {
            projectAccess.addUser(id, admin.id)
            projectAccess.assign({
              projectId: id,
              roleId: projectAdmin.id,
              assignee: { type: 'user', userId: admin.id },
            })
          }
          auditEvents.record({
            projectId: id,
            userId: request.user.id,
            action: 'create',
            objectType: 'project',
            objectName: body.name,
            event: auditSentences.projectCreated(body.name, organization.name),
          })
          return projects.findByName(body.name)!
        })
        .immediate()
      return reply.code(201).send(projectDetail(created, standingOf(created)))
    },
  )

  app.get<{ Params: ProjectParams }>(
    '/projects/:project_name',
    { schema: { params: projectParams, response: { 200: ref('ProjectDetail') } } },
    async (request) => {
      const { project } = projectFor(request, request.params.project_name, 'member')
      return projectDetail(project, standingOf(project))
    },
  )

  app.delete<{ Params: ProjectParams }>(
    '/projects/:project_name',
    { schema: { params: projectParams } },
    async (request, reply) => {
      app.db
        .transaction(() => {
          const { project } = projectFor(request, request.params.project_name, 'organization-admin')
          const users = projectAccess.listUsers(project.id).length
          projects.delete(project.id, timestamp())
          // Recorded on the project, which is kept (soft-deleted), so the event stays with it.
          auditEvents.record({
            projectId: project.id,
            userId: request.user.id,
            action: 'delete',
            objectType: 'project',
            objectName: project.name,
            event: auditSentences.projectDeleted(project.name, users),
          })
        })
        .immediate()
      return reply.code(204).send()
    },
  )

  app.get<{ Params: ProjectParams }>(
    '/projects/:project_name/users',
    { schema: { params: projectParams, response: { 200: arrayOf('ProjectUser') } } },
    async (request) =>
      projectAccess.listUsers(projectFor(request, request.params.project_name, 'member').project.id),
  )

  app.post<{ Params: ProjectParams; Body: { user_id: string } }>(
    '/projects/:project_name/users',
    { schema: { params: projectParams, body: projectUserCreateBody, response: { 201: ref('ProjectUser') } } },
    async (request, reply) => {
      const { user_id: userId } = request.body
      const added = app.db
        .transaction(() => {
          const { project } = projectFor(request, request.params.project_name, 'project-admin')
          // Checked in the same transaction as the insert: a member removed meanwhile is not added.
          if (!members.find(project.organization_id, userId))
            throw badRequest([
              `user_id: "${userId}" is not a member of the organization "${project.organization_name}"; ` +
                'add them to the organization first.',
            ])
          if (projectAccess.findUser(project.id, userId))
            throw badRequest([`user_id: "${userId}" is already a user of the project "${project.name}".`])
          projectAccess.addUser(project.id, userId)
          const added = projectAccess.findUser(project.id, userId)!
          auditEvents.record({
            projectId: project.id,
            userId: request.user.id,
            action: 'create',
            objectType: 'user',
            objectName: added.email,
            event: auditSentences.userAdded(added.email, project.name),
          })
          return added
        })
        .immediate()
      return reply.code(201).send(added)
    },
  )

  app.get<{ Params: ProjectUserParams }>(
    '/projects/:project_name/users/:user_id',
    { schema: { params: projectUserParams, response: { 200: ref('ProjectUser') } } },
    async (request) => {
      const { project } = projectFor(request, request.params.project_name, 'member')
      const user = projectAccess.findUser(project.id, request.params.user_id)
      if (!user) throw notAProjectUser(request.params.user_id, project.name)
      return user
    },
  )

  app.delete<{ Params: ProjectUserParams }>(
    '/projects/:project_name/users/:user_id',
    { schema: { params: projectUserParams } },
    async (request, reply) => {
      app.db
        .transaction(() => {
          const { project } = projectFor(request, request.params.project_name, 'project-admin')
          const user = projectAccess.findUser(project.id, request.params.user_id)
          if (!user) throw notAProjectUser(request.params.user_id, project.name)
          const roles = projectAccess.listAssignments(project.id, {
            assignee_type: 'user',
            assignee: user.id,
          })
          // The user's role assignments in the project go with them (foreign key, migration 007).
          projectAccess.removeUser(project.id, user.id)
          auditEvents.record({
            projectId: project.id,
            userId: request.user.id,
            action: 'delete',
            objectType: 'user',
            objectName: user.email,
            event: auditSentences.userRemoved(user.email, project.name, roles),
          })
        })
        .immediate()
      return reply.code(204).send()
    },
  )
}
