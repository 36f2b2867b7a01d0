import type { FastifyRequest } from 'fastify'
import { forbidden, notFound } from '../lib/http-error'
import type { OrganizationRow } from '../repositories/organizations'
import type { ProjectRow } from '../repositories/projects'

export type Access = 'member' | 'admin'

/**
 * The organization, if the caller may act on it at this level. A caller who is neither a member
 * nor staff gets the same 404 as for a name that does not exist, so names do not leak. Staff act as
 * the platform operator: they pass every check without being members.
 */
export function organizationFor(request: FastifyRequest, name: string, access: Access): OrganizationRow {
  const { organizations, members } = request.server.repositories
  const organization = organizations.findByName(name)
  const membership = organization ? members.find(organization.id, request.user.id) : undefined
  if (!organization || (!membership && !request.user.staff))
    throw notFound(
      `There is no organization "${name}" that you are a member of. Check the name in the address.`,
    )
  if (access === 'admin' && !membership?.admin && !request.user.staff)
    throw forbidden(`Only admins of "${name}" can do this. Ask one of its admins.`)
  return organization
}

/**
 * Who may act on a project (shared/API.md, "Projects, access and audit"):
 * - `member`: a user of the project, an admin of its organization, or staff;
 * - `project-admin`: besides the organization's admins and staff, a user holding `project-admin` on
 *   the project itself;
 * - `organization-admin`: an admin of the project's organization, or staff.
 */
export type ProjectAccess = 'member' | 'project-admin' | 'organization-admin'

export interface ProjectCaller {
  project: ProjectRow
  /** The caller administers the organization (or is staff): every right in its projects. */
  isOrganizationAdmin: boolean
  /** The caller is a user of the project. */
  isProjectUser: boolean
}

/**
 * The live project, if the caller may act on it at this level. A caller who may not even see the
 * project (an organization member who is not in it, a stranger) gets the same 404 as for a name that
 * does not exist; a project user without the right gets a 403 naming who can. Call it inside the
 * write's transaction, so that a right revoked meanwhile is seen.
 */
export function projectFor(request: FastifyRequest, name: string, access: ProjectAccess): ProjectCaller {
  const { projects, members, projectAccess } = request.server.repositories
  const project = projects.findByName(name)
  const membership = project ? members.find(project.organization_id, request.user.id) : undefined
  const isOrganizationAdmin = request.user.staff === 1 || membership?.admin === 1
  const isProjectUser =
    project !== undefined && projectAccess.findUser(project.id, request.user.id) !== undefined
  if (!project || (!isOrganizationAdmin && !isProjectUser))
    throw notFound(`There is no project "${name}" that you have access to. Check the name in the address.`)
  if (access === 'organization-admin' && !isOrganizationAdmin)
    throw forbidden(
      `Only admins of the organization "${project.organization_name}" can do this. Ask one of its admins.`,
    )
  if (
    access === 'project-admin' &&
    !isOrganizationAdmin &&
    !projectAccess.holdsProjectRole(project.id, request.user.id, 'project-admin')
  )
    throw forbidden(
      `Only project admins of "${name}" and admins of "${project.organization_name}" can do this. Ask one of them.`,
    )
  return { project, isOrganizationAdmin, isProjectUser }
}
