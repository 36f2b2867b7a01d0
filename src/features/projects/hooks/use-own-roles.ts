import { useQueries, useQuery } from '@tanstack/react-query'
import { PROJECT_ADMIN } from '../../../../domain/project'
import type { Project, RoleAssignment } from '../../../api/model'
import { userQueries } from '../../auth/queries'
import { projectQueries } from '../queries'

/** The caller's own standing in each listed project, as the Projects tab shows and uses it. */
export interface OwnRoles {
  /**
   * The caller's project-wide roles in `project`: undefined while asked (or for an organization
   * admin, whose roles are not asked), null when the API does not let them read roles there.
   */
  rolesIn: (project: Project) => readonly string[] | null | undefined
  /** Whether reading the caller's roles in `project` failed. */
  isErrorIn: (project: Project) => boolean
  /**
   * Whether the caller may change `project`'s settings (its credit limit): organization admins in
   * every project, others where they hold project-admin, as the server's PATCH /projects/{name}
   * allows (shared/API.md, "Projects, access and audit").
   */
  administers: (project: Project) => boolean
}

/**
 * The caller's roles in each of `projects`, one request per project (the cached userRoles query),
 * asked only of someone who is not an organization admin: an organization admin administers all.
 */
export function useOwnRoles(
  organization: string,
  projects: readonly Project[],
  isOrganizationAdmin: boolean,
): OwnRoles {
  const me = useQuery(userQueries.me())
  const results = useQueries({
    queries: projects.map((project) => ({
      ...projectQueries.userRoles(organization, project.name, me.data?.id ?? ''),
      enabled: me.isSuccess && !isOrganizationAdmin,
      select: (assignments: RoleAssignment[] | null) =>
        assignments?.map((assignment) => assignment.role) ?? null,
    })),
  })
  const byName = new Map(projects.map((project, index) => [project.name, results[index]]))
  const rolesIn = (project: Project) => byName.get(project.name)?.data
  return {
    rolesIn,
    isErrorIn: (project) => byName.get(project.name)?.isError ?? false,
    administers: (project) => isOrganizationAdmin || (rolesIn(project)?.includes(PROJECT_ADMIN) ?? false),
  }
}
