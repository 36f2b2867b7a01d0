import type { FastifyInstance, FastifyRequest } from 'fastify'
import { projectFor, type ProjectCaller } from '../auth/access'
import { auditSentences } from '../lib/audit-sentences'
import { badRequest, forbidden, notFound } from '../lib/http-error'
import type {
  AssigneeType,
  NewRoleAssignment,
  ResourceType,
  RoleAssignmentFilter,
  RoleAssignmentRow,
} from '../repositories/project-access'
import {
  projectParams,
  projectUserParams,
  roleAssignmentCreateBody,
  roleAssignmentCreateBodyCurrent,
  roleAssignmentParams,
  roleAssignmentsQuery,
} from '../schemas/bodies'
import { arrayOf, ref } from '../schemas/openapi'

type ProjectParams = { project_name: string }

const ASSIGNEE_TYPES: AssigneeType[] = ['user', 'deployment']
const RESOURCE_TYPES: ResourceType[] = ['project', 'deployment', 'pipeline', 'bucket']
// The 2022 generation names objects (object_type) of these types only (RoleAssignmentCreate's docs).
const OBJECT_TYPES_2022: ResourceType[] = ['project', 'deployment', 'pipeline']

/** One request to assign a role, whichever generation's body it came in. */
interface AssignmentRequest {
  role: string
  assigneeType: string
  assignee: string
  resourceType: string | null
  resource: string | null
  /** The body's names for the fields, for the messages: `user_id` or `assignee`, ... */
  fields: { assignee: string; resource: string; resourceType: string }
}

/**
 * RoleAssignmentList with the fields of both generations; the generation's response schema keeps its
 * own: 2022 names the user (`user_id`) and the object (`object_type`, `object_name`), the current
 * generation the assignee and the resource (the official clients' models).
 */
export function roleAssignmentAnswer(row: RoleAssignmentRow) {
  return {
    id: row.id,
    role: row.role,
    user_id: row.user_id,
    object_name: row.resource,
    object_type: row.resource_type,
    assignee: row.assignee,
    assignee_type: row.assignee_type,
    resource: row.resource,
    resource_type: row.resource_type,
  }
}

/**
 * Roles and role assignments of a project (shared/API.md, "Projects, access and audit"): every
 * project user reads the roles and their own assignments; project admins and organization admins
 * read all assignments, give and take roles.
 *
 * Local rule: a role given to a member of the organization who is not yet a user of the project makes
 * them one (the dashboard's "give member X role R on project P" is one request); someone who is not a
 * member of the organization is a 400, as adding them to the project is. Taking the role away leaves
 * them a project user (without roles they can do nothing there); removing them from the project
 * takes every role.
 *
 * A service user of the project is an assignee like a person (`assignee_type` "user" with its id;
 * 2022 `user_id`), and its token then acts in the project by that role (auth/access.ts); a service
 * user of another project is a 400 that says so. Deleting the service user takes its roles.
 */
export async function roleAssignmentsRoutes(app: FastifyInstance): Promise<void> {
  const { projectAccess, members, auditEvents, serviceUsers } = app.repositories
  const isCurrent = app.apiGeneration === 'current'

  /** Project admins and organization admins see every assignment; other project users only their own. */
  function mayRead(request: FastifyRequest, caller: ProjectCaller, userId: string | null | undefined): void {
    if (caller.isOrganizationAdmin || userId === request.user.id) return
    if (projectAccess.holdsProjectRole(caller.project.id, request.user.id, 'project-admin')) return
    throw forbidden(
      `Only project admins of "${caller.project.name}" and admins of "${caller.project.organization_name}" ` +
        "can see other users' role assignments. Ask one of them.",
    )
  }

  app.get<{ Params: ProjectParams }>(
    '/projects/:project_name/roles',
    { schema: { params: projectParams, response: { 200: arrayOf('Role') } } },
    async (request) => {
      const { project } = projectFor(request, request.params.project_name, 'member')
      return projectAccess
        .listRoles(project.id)
        .map((role) => ({ id: role.id, name: role.name, default: role.is_default === 1 }))
    },
  )

  if (isCurrent)
    app.get<{ Params: ProjectParams; Querystring: RoleAssignmentFilter }>(
      '/projects/:project_name/role-assignments',
      {
        schema: {
          params: projectParams,
          querystring: roleAssignmentsQuery,
          response: { 200: arrayOf('RoleAssignmentList') },
        },
      },
      async (request) => {
        const caller = projectFor(request, request.params.project_name, 'member')
        const filter = request.query
        const problems: string[] = []
        if (filter.assignee_type !== undefined && !ASSIGNEE_TYPES.includes(filter.assignee_type))
          problems.push(`assignee_type: use "user" or "deployment" (got "${filter.assignee_type}").`)
        if (filter.resource_type !== undefined && !RESOURCE_TYPES.includes(filter.resource_type))
          problems.push(
            `resource_type: use "project", "deployment", "pipeline" or "bucket" (got "${filter.resource_type}").`,
          )
        if (problems.length > 0) throw badRequest(problems)
        const ownOnly = filter.assignee_type === 'user' || filter.assignee_type === undefined
        mayRead(request, caller, ownOnly ? filter.assignee : undefined)
        return projectAccess
          .listAssignments(
            caller.project.id,
            ownOnly && filter.assignee ? { ...filter, assignee_type: 'user' } : filter,
          )
          .map((row) => roleAssignmentAnswer(row))
      },
    )
  else
    app.get<{ Params: ProjectParams & { user_id: string } }>(
      '/projects/:project_name/users/:user_id/role-assignments',
      { schema: { params: projectUserParams, response: { 200: arrayOf('RoleAssignmentList') } } },
      async (request) => {
        const caller = projectFor(request, request.params.project_name, 'member')
        mayRead(request, caller, request.params.user_id)
        const { user_id: userId } = request.params
        if (!projectAccess.findUser(caller.project.id, userId) && !serviceUsers.find(caller.project.id, userId))
          throw notFound(
            `There is no user with id "${request.params.user_id}" in the project "${caller.project.name}". ` +
              'Its user list has the current ids.',
          )
        return projectAccess
          .listAssignments(caller.project.id, { assignee_type: 'user', assignee: request.params.user_id })
          .map((row) => roleAssignmentAnswer(row))
      },
    )

  app.get<{ Params: ProjectParams & { id: string } }>(
    '/projects/:project_name/role-assignments/:id',
    { schema: { params: roleAssignmentParams, response: { 200: ref('RoleAssignmentList') } } },
    async (request) => {
      const caller = projectFor(request, request.params.project_name, 'member')
      const row = projectAccess.findAssignment(caller.project.id, request.params.id)
      // Someone who may not read it learns nothing of its existence either.
      const readable = row !== undefined && (row.user_id === request.user.id || isAdmin(request, caller))
      if (!row || !readable) throw assignmentNotFound(request.params.id, caller.project.name)
      return roleAssignmentAnswer(row)
    },
  )

  function isAdmin(request: FastifyRequest, caller: ProjectCaller): boolean {
    return (
      caller.isOrganizationAdmin ||
      projectAccess.holdsProjectRole(caller.project.id, request.user.id, 'project-admin')
    )
  }

  /**
   * How events and messages name an assignee: a person by e-mail address, a service user by its
   * name (its e-mail address is made up, and would read as a person's), a deployment by its name.
   */
  function assigneeName(project: ProjectCaller['project'], row: Pick<RoleAssignmentRow, 'assignee' | 'assignee_type' | 'service_user'>) {
    if (row.assignee_type !== 'user') return row.assignee
    if (row.service_user) return serviceUsers.find(project.id, row.assignee)?.name ?? row.assignee
    return members.find(project.organization_id, row.assignee)?.email ?? row.assignee
  }

  /** A service user of the project as messages name it: `"name"`, or its id when it has none. */
  const serviceUserLabel = (project: ProjectCaller['project'], id: string) => {
    const name = serviceUsers.find(project.id, id)?.name
    return name ? `"${name}"` : id
  }

  const assignmentNotFound = (id: string, project: string) =>
    notFound(`There is no role assignment with id "${id}" in the project "${project}".`)

  app.post<{ Params: ProjectParams; Body: Record<string, string | null | undefined> }>(
    '/projects/:project_name/role-assignments',
    {
      schema: {
        params: projectParams,
        body: isCurrent ? roleAssignmentCreateBodyCurrent : roleAssignmentCreateBody,
        response: { 201: ref('RoleAssignmentList') },
      },
    },
    async (request, reply) => {
      const body = request.body
      const asked: AssignmentRequest = isCurrent
        ? {
            role: body.role!,
            assigneeType: body.assignee_type!,
            assignee: body.assignee!,
            resourceType: body.resource_type ?? null,
            resource: body.resource ?? null,
            fields: { assignee: 'assignee', resource: 'resource', resourceType: 'resource_type' },
          }
        : {
            role: body.role!,
            assigneeType: 'user',
            assignee: body.user_id!,
            resourceType: body.object_type ?? null,
            resource: body.object_name ?? null,
            fields: { assignee: 'user_id', resource: 'object_name', resourceType: 'object_type' },
          }
      const row = app.db
        .transaction(() => {
          // The right, the checks and the insert in one IMMEDIATE transaction: a member removed from the
          // organization meanwhile is not given a role (and the schema would refuse it anyway).
          const caller = projectFor(request, request.params.project_name, 'project-admin')
          const assignment = resolveAssignment(caller, asked)
          const addsUser =
            assignment.assignee.type === 'user' &&
            !projectAccess.findUser(caller.project.id, assignment.assignee.userId)
          if (addsUser)
            projectAccess.addUser(caller.project.id, (assignment.assignee as { userId: string }).userId)
          const id = projectAccess.assign(assignment)
          if (id === null) {
            const on =
              asked.resource === null
                ? `the project "${caller.project.name}"`
                : `${asked.resourceType} "${asked.resource}"`
            const who =
              assignment.assignee.type === 'user'
                ? members.find(caller.project.organization_id, assignment.assignee.userId)!.email
                : assignment.assignee.type === 'service-user'
                  ? `The service user ${serviceUserLabel(caller.project, asked.assignee)}`
                  : `The deployment "${asked.assignee}"`
            throw badRequest([
              `role: ${who} already has the role "${asked.role}" on ${on}; nothing was changed.`,
            ])
          }
          const created = projectAccess.findAssignment(caller.project.id, id)!
          const who = assigneeName(caller.project, created)
          auditEvents.record({
            projectId: caller.project.id,
            userId: request.user.id,
            action: 'create',
            objectType: 'role_assignment',
            objectName: who,
            event: auditSentences.roleGiven(
              created.service_user ? `the service user ${who}` : who,
              created,
              addsUser ? caller.project.name : null,
            ),
          })
          return created
        })
        .immediate()
      return reply.code(201).send(roleAssignmentAnswer(row))
    },
  )

  /** The checked assignment, or a 400 naming every field at fault. */
  function resolveAssignment(caller: ProjectCaller, asked: AssignmentRequest): NewRoleAssignment {
    const { project } = caller
    const problems: string[] = []
    const role = projectAccess.findRole(project.id, asked.role)
    if (!role)
      problems.push(
        `role: there is no role "${asked.role}" in the project "${project.name}"; use one of ` +
          projectAccess
            .listRoles(project.id)
            .map((known) => known.name)
            .join(', ') +
          '.',
      )
    let assignee: NewRoleAssignment['assignee'] | undefined
    if (asked.assigneeType === 'user') {
      if (members.find(project.organization_id, asked.assignee))
        assignee = { type: 'user', userId: asked.assignee }
      else if (serviceUsers.find(project.id, asked.assignee))
        assignee = { type: 'service-user', serviceUserId: asked.assignee }
      else if (serviceUsers.findById(asked.assignee))
        problems.push(
          `${asked.fields.assignee}: "${asked.assignee}" is a service user of another project; a service user ` +
            `holds roles only in its own project. Create one in "${project.name}" instead.`,
        )
      else
        problems.push(
          `${asked.fields.assignee}: "${asked.assignee}" is not a member of the organization "${project.organization_name}"; ` +
            'add them to the organization first.',
        )
    } else if (asked.assigneeType === 'deployment') {
      const deploymentId = projectAccess.findObject(project.id, 'deployment', asked.assignee)
      if (deploymentId) assignee = { type: 'deployment', deploymentId }
      else
        problems.push(
          `assignee: there is no deployment "${asked.assignee}" in the project "${project.name}".`,
        )
    } else problems.push(`assignee_type: use "user" or "deployment" (got "${asked.assigneeType}").`)

    let resource: NewRoleAssignment['resource']
    const { resourceType, resource: resourceName, fields } = asked
    if ((resourceType === null) !== (resourceName === null))
      problems.push(
        `${fields.resourceType}: give ${fields.resource} and ${fields.resourceType} together, or neither for the whole project.`,
      )
    else if (resourceType !== null && resourceName !== null) {
      const types = isCurrent ? RESOURCE_TYPES : OBJECT_TYPES_2022
      if (!types.includes(resourceType as ResourceType))
        problems.push(
          `${fields.resourceType}: use ${types.map((type) => `"${type}"`).join(', ')} (got "${resourceType}").`,
        )
      else if (resourceType === 'project') {
        if (resourceName !== project.name)
          problems.push(
            `${fields.resource}: a role on a project is given in that project; use "${project.name}".`,
          )
      } else {
        const type = resourceType as Exclude<ResourceType, 'project'>
        const id = projectAccess.findObject(project.id, type, resourceName)
        if (id) resource = { type, id }
        else
          problems.push(
            `${fields.resource}: there is no ${type} "${resourceName}" in the project "${project.name}".`,
          )
      }
    }
    if (problems.length > 0 || !role || !assignee) throw badRequest(problems)
    return { projectId: project.id, roleId: role.id, assignee, resource }
  }

  app.delete<{ Params: ProjectParams & { id: string } }>(
    '/projects/:project_name/role-assignments/:id',
    { schema: { params: roleAssignmentParams } },
    async (request, reply) => {
      app.db
        .transaction(() => {
          const { project } = projectFor(request, request.params.project_name, 'project-admin')
          const row = projectAccess.findAssignment(project.id, request.params.id)
          if (!row || !projectAccess.removeAssignment(project.id, row.id))
            throw assignmentNotFound(request.params.id, project.name)
          const who = assigneeName(project, row)
          auditEvents.record({
            projectId: project.id,
            userId: request.user.id,
            action: 'delete',
            objectType: 'role_assignment',
            objectName: who,
            event: auditSentences.roleTaken(row.service_user ? `the service user ${who}` : who, row),
          })
        })
        .immediate()
      return reply.code(204).send()
    },
  )
}
