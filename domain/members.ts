/**
 * The last-admin rule, for one member or many at once: an organization always keeps at least one
 * admin (shared/API.md, "Rules": "The last admin can be neither demoted nor removed"). The server
 * checks it per request inside a transaction; the dashboard checks a whole change before sending
 * any of it, so a bulk change is refused as one rather than failing half-way.
 */

/** A member as the rule needs it. */
export interface MemberRole {
  id: string
  admin: boolean
}

/** What a change does to the members it names. */
export type MemberChange = 'make-admin' | 'make-member' | 'remove'

/** How many admins the organization has after `change` is applied to the members `ids`. */
export function adminsAfter(
  members: readonly MemberRole[],
  ids: ReadonlySet<string>,
  change: MemberChange,
): number {
  let admins = 0
  for (const member of members) {
    const isAffected = ids.has(member.id)
    if (change === 'remove' && isAffected) continue
    if (isAffected ? change === 'make-admin' : member.admin) admins += 1
  }
  return admins
}

/**
 * Why `change` of the members `ids` may not be made, or null when it may: it would leave no admin.
 * `organization` names the organization in the sentence.
 */
export function lastAdminProblem(
  members: readonly MemberRole[],
  ids: ReadonlySet<string>,
  change: MemberChange,
  organization: string,
): string | null {
  if (change === 'make-admin' || adminsAfter(members, ids, change) > 0) return null
  const verb = change === 'remove' ? 'Removing' : 'Making members of'
  return `${verb} ${ids.size === 1 ? 'this member' : 'all of these'} would leave ${organization} without an admin. Keep at least one admin: make someone else admin first, or leave an admin out of the selection.`
}

/** The id of the only admin, when there is exactly one: the one whose demotion or removal must be guarded. */
export function onlyAdminId(members: readonly MemberRole[]): string | null {
  let found: string | null = null
  for (const member of members) {
    if (!member.admin) continue
    if (found) return null
    found = member.id
  }
  return found
}
