import type { FastifyInstance } from 'fastify'
import { projectFor } from '../auth/access'
import { badRequest } from '../lib/http-error'
import { AUDIT_ACTIONS, type AuditAction } from '../repositories/audit-events'
import { auditQuery, projectParams } from '../schemas/bodies'
import { arrayOf } from '../schemas/openapi'

/** `limit` when the caller gives none, as the official clients document it. */
export const AUDIT_DEFAULT_LIMIT = 50
/** The most events one page holds (local: the hosted API documents no bound). */
export const AUDIT_MAX_LIMIT = 1000

interface AuditQuery {
  action?: string
  limit?: string
  offset?: string
}

/** A whole number written in digits only, or null. */
const wholeNumber = (text: string) => (/^\d{1,9}$/.test(text) ? Number(text) : null)

/**
 * The checked query of GET /projects/{name}/audit: `action` one of create, update, delete, info;
 * `limit` 1 to {@link AUDIT_MAX_LIMIT} (default {@link AUDIT_DEFAULT_LIMIT}); `offset` 0 or more
 * (default 0). Every value at fault is named in one 400.
 */
export function parseAuditQuery(query: AuditQuery) {
  const problems: string[] = []
  const action = query.action === undefined || query.action === '' ? undefined : query.action
  if (action !== undefined && !AUDIT_ACTIONS.includes(action as AuditAction))
    problems.push(`action: use create, update, delete or info (got "${action}").`)
  const limit = query.limit === undefined ? AUDIT_DEFAULT_LIMIT : wholeNumber(query.limit)
  if (limit === null || limit < 1 || limit > AUDIT_MAX_LIMIT)
    problems.push(`limit: give a whole number from 1 to ${AUDIT_MAX_LIMIT} (got "${query.limit}").`)
  const offset = query.offset === undefined ? 0 : wholeNumber(query.offset)
  if (offset === null) problems.push(`offset: give a whole number, 0 or more (got "${query.offset}").`)
  if (problems.length > 0) throw badRequest(problems)
  return { action: action as AuditAction | undefined, limit: limit!, offset: offset! }
}

/**
 * A project's audit events (shared/API.md, "Projects, access and audit"): every user of the
 * project and every admin of its organization reads them, newest first, a page at a time.
 */
export async function auditRoutes(app: FastifyInstance): Promise<void> {
  const { auditEvents } = app.repositories

  app.get<{ Params: { project_name: string }; Querystring: AuditQuery }>(
    '/projects/:project_name/audit',
    { schema: { params: projectParams, querystring: auditQuery, response: { 200: arrayOf('AuditEvent') } } },
    async (request) => {
      const page = parseAuditQuery(request.query)
      const { project } = projectFor(request, request.params.project_name, 'member')
      return auditEvents.list(project.id, page)
    },
  )
}
