// Pure transforms of projects and role assignments into what the views show.
import type { RoleAssignment } from '../../../api/model'

/** What the projects list says of the caller's own role in a project. */
export function yourRoleLabel({
  isOrganizationAdmin,
  ownRoles,
}: {
  isOrganizationAdmin: boolean
  /** the caller's roles there; null when the API does not let them read roles */
  ownRoles: readonly string[] | null | undefined
}): string | undefined {
  if (isOrganizationAdmin) return 'Organization admin'
  if (ownRoles === undefined) return undefined
  if (ownRoles === null || ownRoles.length === 0) return 'Project member'
  return [...ownRoles].sort().join(', ')
}

/** A user's roles in one project, by user id, each list sorted by role name. */
export function rolesByUser(assignments: readonly RoleAssignment[]): Map<string, RoleAssignment[]> {
  const byUser = new Map<string, RoleAssignment[]>()
  for (const assignment of assignments) {
    const list = byUser.get(assignment.userId)
    if (list) list.push(assignment)
    else byUser.set(assignment.userId, [assignment])
  }
  for (const list of byUser.values()) list.sort((a, b) => a.role.localeCompare(b.role))
  return byUser
}
