import type { FastifyRequest } from 'fastify'
import { forbidden, notFound, type HttpError } from '../lib/http-error'
import type { OrganizationRow } from '../repositories/organizations'
import type { ProjectRow } from '../repositories/projects'

export type Access = 'member' | 'admin'

/** The caller's service user credential, when the caller is a service user (auth/authenticate.ts). */
function serviceUserCredential(request: FastifyRequest) {
  const credential = request.credential
  return credential?.kind === 'service-user' ? credential : null
}

/**
 * The 403 of a service user's token used outside its project: a service user belongs to one
 * project and is no member of any organization (shared/API.md, "Signing in": API tokens are service
 * users'), so organizations and other projects are never its to reach.
 */
export function outsideServiceUserProject(projectName: string): HttpError {
  return forbidden(
    `A service user's token works only within its project ("${projectName}"); ` +
      'sign in as a person to manage organizations and other projects.',
  )
}

/**
 * The organization, if the caller may act on it at this level. A caller who is neither a member
 * nor staff gets the same 404 as for a name that does not exist, so names do not leak. Staff act as
 * the platform operator: they pass every check without being members. A service user is a 403:
 * it never acts on an organization.
 */
export function organizationFor(request: FastifyRequest, name: string, access: Access): OrganizationRow {
  const serviceUser = serviceUserCredential(request)
  if (serviceUser) throw outsideServiceUserProject(serviceUser.projectName)
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
 *
 * A service user acts in its own project by the roles it holds there on the project itself, as a
 * person does: any role reads (`member`), `project-admin` administers; it is never an organization
 * admin. Another project's name is a 403 before any lookup (so it learns nothing of that project),
 * and its own project without a role a 403 saying to give it one.
 */
export function projectFor(request: FastifyRequest, name: string, access: ProjectAccess): ProjectCaller {
  const serviceUser = serviceUserCredential(request)
  if (serviceUser) return serviceUserProjectFor(request, serviceUser.projectName, name, access)
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

function serviceUserProjectFor(
  request: FastifyRequest,
  ownProject: string,
  name: string,
  access: ProjectAccess,
): ProjectCaller {
  if (name !== ownProject) throw outsideServiceUserProject(ownProject)
  const { projects, projectAccess } = request.server.repositories
  const project = projects.findByName(name)
  if (!project)
    throw notFound(`There is no project "${name}" that you have access to. Check the name in the address.`)
  const roles = projectAccess.projectRolesOf(project.id, request.user.id)
  const who = request.user.name ? `"${request.user.name}"` : request.user.id
  if (roles.length === 0)
    throw forbidden(
      `The service user ${who} holds no role in the project "${name}". Ask a project admin to give it one.`,
    )
  if (access === 'organization-admin')
    throw forbidden(
      `Only admins of the organization "${project.organization_name}" can do this, and a service user is never one.`,
    )
  if (access === 'project-admin' && !roles.includes('project-admin'))
    throw forbidden(
      `Only project admins of "${name}" and admins of "${project.organization_name}" can do this; ` +
        `the service user ${who} holds ${roles.join(', ')}. Ask a project admin.`,
    )
  return { project, isOrganizationAdmin: false, isProjectUser: true }
}

/**
 * The live projects GET /projects lists to the caller, by name: a person's are those they are a
 * user of and all of the organizations they administer (every one of the organization for staff),
 * only `organizationName`'s when given (a 404 for an organization they are no member of). A service
 * user's is its own project while it holds a role there; naming another organization is a 403.
 */
export function projectsVisibleTo(request: FastifyRequest, organizationName: string | undefined): ProjectRow[] {
  const { projects, projectAccess } = request.server.repositories
  const serviceUser = serviceUserCredential(request)
  if (serviceUser) {
    const own = projects.findByName(serviceUser.projectName)
    if (!own) return []
    if (organizationName !== undefined && organizationName !== own.organization_name)
      throw outsideServiceUserProject(own.name)
    return projectAccess.projectRolesOf(own.id, request.user.id).length > 0 ? [own] : []
  }
  if (organizationName === undefined) return projects.listVisibleTo(request.user.id, null)
  const organization = organizationFor(request, organizationName, 'member')
  // Staff act as the platform operator: they see every project of the organization.
  return request.user.staff
    ? projects.listOfOrganization(organization.id)
    : projects.listVisibleTo(request.user.id, organization.id)
}
