// The roles of service users as the Service users page shows and changes them: a service user holds
// project roles through role assignments, as a person does (shared/API.md, "Projects, access and
// audit"), and its token acts in its project by them.
import type { RoleAssignment } from '../../../api/model'

/** The role a new service user is given unless another is chosen, as the UbiOps WebApp does. */
export const DEFAULT_SERVICE_USER_ROLE = 'project-viewer'

/** A service user's project-wide roles as its Role cell reads: the names, or `No role`. */
export function rolesLabel(held: readonly RoleAssignment[]): string {
  return held.length === 0 ? 'No role' : held.map((assignment) => assignment.role).join(', ')
}

/**
 * What a change of a service user's role does, as its confirmation says it: `to` is the one role it
 * will hold on its project (null: none), `held` the roles it holds now.
 */
export function roleChangeSentence(
  serviceUser: { name: string; projectName: string },
  held: readonly RoleAssignment[],
  to: string | null,
): string {
  const { name, projectName } = serviceUser
  const now = held.map((assignment) => assignment.role)
  if (to === null)
    return now.length === 0
      ? `${name} holds no role in ${projectName}; nothing changes.`
      : `${name} loses ${now.join(' and ')}: its token can do nothing in ${projectName} until it is given a role again.`
  if (now.length === 1 && now[0] === to)
    return `${name} already holds ${to} in ${projectName}; nothing changes.`
  return (
    `${name} holds ${to} in ${projectName}` +
    (now.length === 0 ? '' : ` instead of ${now.join(' and ')}`) +
    ', and its token works with that role at once.'
  )
}

/** Whether setting the one role `to` (null: none) changes what the service user holds. */
export function isRoleChange(held: readonly RoleAssignment[], to: string | null): boolean {
  return to === null ? held.length > 0 : held.length !== 1 || held[0]!.role !== to
}
