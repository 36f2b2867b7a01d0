// A member's project roles, gathered from the projects' role assignments.
import type { RoleAssignment } from '../../../api/model'

/** `userId`'s project-wide roles over every project, by project name then role. */
export function rolesOfMember(
  userId: string,
  assignmentsPerProject: ReadonlyArray<readonly RoleAssignment[]>,
): RoleAssignment[] {
  return assignmentsPerProject
    .flatMap((assignments) => assignments.filter((assignment) => assignment.userId === userId))
    .sort((a, b) => a.projectName.localeCompare(b.projectName) || a.role.localeCompare(b.role))
}

/** Roles that can still be given to a member in a project: those the project has and they lack there. */
export function rolesToGive(
  projectRoles: readonly string[],
  held: readonly RoleAssignment[],
  project: string,
): string[] {
  const holding = new Set(held.filter((a) => a.projectName === project).map((a) => a.role))
  return projectRoles.filter((role) => !holding.has(role))
}
