// Projects, project users, roles and role assignments, in either generation, as the dashboard's
// model (./model.ts): the normalisers below are the only code that knows how the two generations'
// answers and requests differ (shared/API.md, "Projects, access and audit").
import type { InferOutput } from 'valibot'
import { creditLimitField } from '../../domain/project-limits'
import type { ApiGeneration, Project, ProjectRole, ProjectUser, RoleAssignment } from './model'
import type {
  ProjectSchema,
  ProjectUserSchema,
  RoleAssignment2022Schema,
  RoleAssignmentCurrentSchema,
  RoleSchema,
} from './schemas'

type ProjectAnswer = InferOutput<typeof ProjectSchema>
type RoleAssignment2022Answer = InferOutput<typeof RoleAssignment2022Schema>
type RoleAssignmentCurrentAnswer = InferOutput<typeof RoleAssignmentCurrentSchema>

/**
 * The generation a project answer was given in: the credit limit, labels or CORS origins are the
 * current generation's fields, `gb_seconds` the 2022 one's; an answer with none of them is taken
 * for the older contract.
 */
export function projectGeneration(answer: ProjectAnswer): ApiGeneration {
  if ('credits' in answer || 'labels' in answer || 'cors_origins' in answer) return 'current'
  return '2022'
}

/** A project answer (list item or detail) as the model. */
export function projectOf(answer: ProjectAnswer): Project {
  return {
    id: answer.id,
    name: answer.name,
    organizationName: answer.organization_name,
    creationDate: answer.creation_date,
    generation: projectGeneration(answer),
    creditLimit: answer.credits ?? answer.gb_seconds ?? null,
    suspended: answer.suspended === true,
    suspendedReason: answer.suspended === true ? (answer.suspended_reason ?? null) : null,
  }
}

/**
 * The PATCH /projects/{name} body that sets (a number) or clears (null) the credit limit, in the
 * generation's own field (domain/project-limits.ts: `credits` current, `gb_seconds` 2022).
 */
export function creditLimitRequest(generation: ApiGeneration, limit: number | null) {
  return { [creditLimitField(generation)]: limit }
}

export function projectUserOf(answer: InferOutput<typeof ProjectUserSchema>): ProjectUser {
  return { id: answer.id, email: answer.email, name: answer.name ?? '', surname: answer.surname ?? '' }
}

export function projectRoleOf(answer: InferOutput<typeof RoleSchema>): ProjectRole {
  return { id: answer.id, name: answer.name }
}

const isProjectWide = (type: string | null | undefined) => type == null || type === '' || type === 'project'

/** 2022 `[{id, user_id, role, object_name, object_type}]` of a project: its project-wide roles. */
export function roleAssignmentsOf2022(
  answers: readonly RoleAssignment2022Answer[],
  projectName: string,
): RoleAssignment[] {
  return answers
    .filter((answer) => isProjectWide(answer.object_type))
    .map((answer) => ({ id: answer.id, projectName, userId: answer.user_id, role: answer.role }))
}

/** Current `[{id, assignee, assignee_type, role, resource, resource_type}]`: users' project-wide roles. */
export function roleAssignmentsOfCurrent(
  answers: readonly RoleAssignmentCurrentAnswer[],
  projectName: string,
): RoleAssignment[] {
  return answers
    .filter((answer) => answer.assignee_type === 'user' && isProjectWide(answer.resource_type))
    .map((answer) => ({ id: answer.id, projectName, userId: answer.assignee, role: answer.role }))
}

/** The POST body that gives `userId` the role `role` on the whole project, in the generation's words. */
export function roleAssignmentRequest(
  generation: ApiGeneration,
  projectName: string,
  userId: string,
  role: string,
): Record<string, string> {
  return generation === '2022'
    ? { user_id: userId, role, object_type: 'project', object_name: projectName }
    : { assignee: userId, assignee_type: 'user', role, resource_type: 'project', resource: projectName }
}
