import type { FastifyInstance } from 'fastify'
import {
  projectNameOfDeletedProblem,
  projectNameProblem,
  projectNameTakenProblem,
} from '../../domain/project'
import { creditLimitChangeEvent, creditLimitField, creditLimitProblem } from '../../domain/project-limits'
import { projectFor } from '../auth/access'
import { badRequest } from '../lib/http-error'
import { projectStanding } from '../lib/project-standing'
import { auditEventsRepository } from '../repositories/audit-events'
import type { ProjectChanges, ProjectRow } from '../repositories/projects'
import { projectParams, projectUpdateBody, projectUpdateBodyCurrent } from '../schemas/bodies'
import { ref } from '../schemas/openapi'
import { projectDetail } from './projects'

/** A PATCH body as either generation's client sends it (ProjectUpdate); every field optional. */
interface ProjectUpdateInput {
  name?: string
  advanced_permissions?: boolean
  /** 2022: the limit. */
  gb_seconds?: number | null
  /** Current: the limit. */
  credits?: number | null
  suspend?: boolean
  labels?: Record<string, string> | null
  cors_origins?: string[] | null
}

const json = (value: unknown) => JSON.stringify(value)

/** The audit sentence of one PATCH: each field changed, old and new value; or that nothing changed. */
function changeSentence(before: ProjectRow, changes: ProjectChanges): string {
  const parts: string[] = []
  if (changes.name !== undefined && changes.name !== before.name)
    parts.push(`Renamed the project from "${before.name}" to "${changes.name}".`)
  if (changes.credit_limit !== undefined && changes.credit_limit !== before.credit_limit)
    parts.push(creditLimitChangeEvent(before.credit_limit, changes.credit_limit))
  const permissions = before.advanced_permissions === 1
  if (changes.advanced_permissions !== undefined && changes.advanced_permissions !== permissions)
    parts.push(`Changed advanced permissions from ${permissions} to ${changes.advanced_permissions}.`)
  if (changes.labels !== undefined && json(changes.labels) !== before.labels)
    parts.push(`Changed the labels from ${before.labels} to ${json(changes.labels)}.`)
  if (changes.cors_origins !== undefined && json(changes.cors_origins) !== before.cors_origins)
    parts.push(`Changed the CORS origins from ${before.cors_origins} to ${json(changes.cors_origins)}.`)
  return parts.length ? parts.join(' ') : 'Updated the project; nothing changed.'
}

/**
 * PATCH /projects/{name} (shared/API.md, "Projects, access and audit"): organization admins and
 * the project's admins set, change or clear its credit limit (`credits` current, `gb_seconds`
 * 2022, null for none), rename it, and change its advanced permissions (and, current, its labels
 * and CORS origins). Answers ProjectDetail, suspended or not under the new limit. Each PATCH
 * records one audit event with the old and new values, in the write's transaction.
 *
 * `suspend` is accepted as the clients send it only where it changes nothing: this server
 * suspends a project by its credit limit alone (a 400 says so otherwise).
 */
export async function projectUpdateRoutes(app: FastifyInstance): Promise<void> {
  const { projects } = app.repositories
  const auditEvents = auditEventsRepository(app.db)
  const generation = app.apiGeneration
  const limitField = creditLimitField(generation)

  app.patch<{ Params: { project_name: string }; Body: ProjectUpdateInput }>(
    '/projects/:project_name',
    {
      schema: {
        params: projectParams,
        body: generation === 'current' ? projectUpdateBodyCurrent : projectUpdateBody,
        response: { 200: ref('ProjectDetail') },
      },
    },
    async (request) => {
      const body = request.body
      const problems: string[] = []
      if (body.name !== undefined) {
        const problem = projectNameProblem(body.name)
        if (problem) problems.push(`name: ${problem}`)
      }
      const limit = body[limitField]
      if (typeof limit === 'number') {
        const problem = creditLimitProblem(limit, generation)
        if (problem) problems.push(`${limitField}: ${problem}`)
      }
      if (problems.length) throw badRequest(problems)
      const changes: ProjectChanges = {
        name: body.name,
        advanced_permissions: body.advanced_permissions,
        credit_limit: limit,
        ...(generation === 'current' && {
          labels: body.labels === null ? {} : body.labels,
          cors_origins: body.cors_origins === null ? [] : body.cors_origins,
        }),
      }
      // Access, the name's uniqueness, the suspension rule and the audit event are checked and
      // written in one IMMEDIATE transaction: a right revoked or a name taken meanwhile is seen.
      return app.db
        .transaction(() => {
          const { project } = projectFor(request, request.params.project_name, 'project-admin')
          if (changes.name !== undefined && changes.name !== project.name) {
            if (projects.findByName(changes.name))
              throw badRequest([`name: ${projectNameTakenProblem(changes.name)}`])
            if (projects.wasDeletedName(project.organization_id, changes.name))
              throw badRequest([
                `name: ${projectNameOfDeletedProblem(changes.name, project.organization_name)}`,
              ])
          }
          projects.update(project.id, changes)
          const updated = projects.findByName(changes.name ?? project.name)!
          const standing = projectStanding(projects, updated, generation)
          // Judged under the new limit, and thrown inside the transaction: the update is undone.
          if (body.suspend !== undefined && body.suspend !== standing.suspended)
            throw badRequest([
              body.suspend
                ? `suspend: this server suspends a project only when its usage reaches its credit limit; set ${limitField} to stop "${updated.name}".`
                : `suspend: "${updated.name}" is suspended by its credit limit; raise or clear ${limitField} (null) to lift it.`,
            ])
          auditEvents.record({
            projectId: project.id,
            userId: request.user.id,
            action: 'update',
            objectType: 'project',
            objectName: updated.name,
            event: changeSentence(project, changes),
          })
          return projectDetail(updated, standing)
        })
        .immediate()
    },
  )
}
