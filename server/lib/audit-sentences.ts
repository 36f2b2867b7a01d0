// The sentences of audit events (shared/API.md, "Projects, access and audit": `event`, with the old
// and new value where there is one, never a token or a secret), in one place for the routes that
// record them and the seed that writes the demo's trail.

/** A role assignment as a sentence names it: its role and what it is on. */
export interface AssignedRole {
  role: string
  resource_type: string
  resource: string
}

/** `project-editor on the project`, `deployment-viewer on deployment churn-scorer`. */
export const roleOn = ({ role, resource_type, resource }: AssignedRole) =>
  `${role} on ${resource_type === 'project' ? 'the project' : `${resource_type} ${resource}`}`

export const auditSentences = {
  projectCreated: (project: string, organization: string) =>
    `Created project ${project} in the organization ${organization}`,
  projectDeleted: (project: string, users: number) =>
    `Deleted project ${project} and removed its ${users} ${users === 1 ? 'user' : 'users'}`,
  userAdded: (email: string, project: string) => `Added ${email} to the project ${project}`,
  /** The roles the user held go with them; they are the old value. */
  userRemoved: (email: string, project: string, roles: readonly AssignedRole[]) =>
    `Removed ${email} from the project ${project}` +
    (roles.length === 0 ? ' (they held no role)' : `, with their roles: ${roles.map(roleOn).join(', ')}`),
  /** `joinedProject`: the role made them a user of the project (local rule of role assignments). */
  roleGiven: (who: string, assigned: AssignedRole, joinedProject: string | null = null) =>
    `Gave ${who} the role ${roleOn(assigned)}` +
    (joinedProject === null ? '' : `, adding them to the project ${joinedProject}`),
  roleTaken: (who: string, assigned: AssignedRole) => `Took the role ${roleOn(assigned)} from ${who}`,
  /** A setting of a deployment version changed from `from` to `to` (units in the values). */
  versionChanged: (deploymentVersion: string, setting: string, from: string, to: string) =>
    `Deployment version ${deploymentVersion}: ${setting} ${from} → ${to}`,
}
