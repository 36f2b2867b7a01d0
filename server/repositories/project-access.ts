import type Database from 'better-sqlite3'
import { timestamp } from '../../domain/dates'
import { randomUUID } from 'node:crypto'

/**
 * A project user as the API lists them (ProjectUserList: id, email, name, surname). A name or surname
 * the account does not have yet is null, not "": the Python client 3.7.0's model refuses an empty one.
 */
export interface ProjectUserRow {
  id: string
  email: string
  name: string | null
  surname: string | null
}

const USER_COLUMNS = `users.id, users.email, nullif(users.name, '') AS name, nullif(users.surname, '') AS surname`

/** A role a project offers (RoleList: id, name, default). */
export interface RoleRow {
  id: string
  name: string
  is_default: number
}

export type AssigneeType = 'user' | 'deployment'
export type ResourceType = 'project' | 'deployment' | 'pipeline' | 'bucket'

/**
 * A role assignment with the names the answers of both generations need: `assignee` is the user's
 * or service user's id or the deployment's name, `resource` the name of the project or object (the
 * 2022 generation calls them `user_id`, `object_name` and `object_type`). A service user's assignment
 * is of `assignee_type` "user", as the API names it; `service_user` (1 or 0) tells it from a person's.
 */
export interface RoleAssignmentRow {
  id: string
  role: string
  assignee_type: AssigneeType
  assignee: string
  user_id: string | null
  service_user: number
  resource_type: ResourceType
  resource: string
}

export interface RoleAssignmentFilter {
  assignee_type?: AssigneeType
  assignee?: string
  resource_type?: ResourceType
  resource?: string
}

export interface NewRoleAssignment {
  projectId: string
  roleId: string
  assignee:
    | { type: 'user'; userId: string }
    | { type: 'service-user'; serviceUserId: string }
    | { type: 'deployment'; deploymentId: string }
  /** Omitted: the project itself. */
  resource?: { type: Exclude<ResourceType, 'project'>; id: string }
}

const ASSIGNMENT = `SELECT role_assignments.id, roles.name AS role, role_assignments.assignee_type,
    CASE role_assignments.assignee_type WHEN 'user' THEN role_assignments.assignee_id
      ELSE (SELECT name FROM deployments WHERE deployments.id = role_assignments.deployment_id) END AS assignee,
    coalesce(role_assignments.user_id, role_assignments.service_user_id) AS user_id,
    role_assignments.service_user_id IS NOT NULL AS service_user, role_assignments.resource_type,
    CASE role_assignments.resource_type
      WHEN 'project' THEN projects.name
      WHEN 'deployment' THEN (SELECT name FROM deployments WHERE deployments.id = role_assignments.resource_deployment_id)
      WHEN 'pipeline' THEN (SELECT name FROM pipelines WHERE pipelines.id = role_assignments.resource_pipeline_id)
      ELSE (SELECT name FROM buckets WHERE buckets.id = role_assignments.resource_bucket_id) END AS resource
  FROM role_assignments
  JOIN roles ON roles.id = role_assignments.role_id
  JOIN projects ON projects.id = role_assignments.project_id`

const ORDER = 'ORDER BY role_assignments.creation_date, role_assignments.id'

/**
 * Who may do what in a project: project users, the roles a project offers, and role assignments.
 * The schema (migrations 007 and 013) keeps them consistent on its own: a project user is a member
 * of the organization, a person's assignment belongs to a project user, a service user's to a
 * service user of the same project, and removing either removes what depends on it. Writes are meant to run inside the caller's IMMEDIATE transaction, after its checks.
 */
export function projectAccessRepository(db: Database.Database) {
  const users = db.prepare<[string], ProjectUserRow>(
    `SELECT ${USER_COLUMNS}
       FROM project_users JOIN users ON users.id = project_users.user_id
      WHERE project_users.project_id = ? ORDER BY users.email, users.id`,
  )
  const user = db.prepare<[string, string], ProjectUserRow>(
    `SELECT ${USER_COLUMNS}
       FROM project_users JOIN users ON users.id = project_users.user_id
      WHERE project_users.project_id = ? AND project_users.user_id = ?`,
  )
  const insertUser = db.prepare(
    `INSERT INTO project_users (project_id, organization_id, user_id, creation_date)
     SELECT id, organization_id, ?, ? FROM projects WHERE id = ?`,
  )
  const removeUser = db.prepare('DELETE FROM project_users WHERE project_id = ? AND user_id = ?')
  const roles = db.prepare<[string], RoleRow>(
    `SELECT id, name, is_default FROM roles WHERE project_id IS NULL OR project_id = ? ORDER BY name`,
  )
  const role = db.prepare<[string, string], RoleRow>(
    `SELECT id, name, is_default FROM roles WHERE (project_id IS NULL OR project_id = ?) AND name = ?`,
  )
  const holds = db.prepare<[string, string, string], { held: number }>(
    `SELECT EXISTS (SELECT 1 FROM role_assignments JOIN roles ON roles.id = role_assignments.role_id
                     WHERE role_assignments.project_id = ? AND role_assignments.assignee_type = 'user'
                       AND role_assignments.assignee_id = ?
                       AND role_assignments.resource_type = 'project' AND roles.name = ?) AS held`,
  )
  const heldRoles = db.prepare<[string, string], { role: string }>(
    `SELECT roles.name AS role FROM role_assignments JOIN roles ON roles.id = role_assignments.role_id
      WHERE role_assignments.project_id = ? AND role_assignments.assignee_type = 'user'
        AND role_assignments.assignee_id = ? AND role_assignments.resource_type = 'project'
      ORDER BY roles.name`,
  )
  const assignments = db.prepare<
    { project: string } & Record<keyof RoleAssignmentFilter, string | null>,
    RoleAssignmentRow
  >(
    `${ASSIGNMENT}
      WHERE role_assignments.project_id = @project
        AND (@assignee_type IS NULL OR role_assignments.assignee_type = @assignee_type)
        AND (@assignee IS NULL OR assignee = @assignee)
        AND (@resource_type IS NULL OR role_assignments.resource_type = @resource_type)
        AND (@resource IS NULL OR resource = @resource)
      ${ORDER}`,
  )
  const assignment = db.prepare<[string, string], RoleAssignmentRow>(
    `${ASSIGNMENT} WHERE role_assignments.project_id = ? AND role_assignments.id = ?`,
  )
  const insertAssignment = db.prepare(
    `INSERT INTO role_assignments (id, project_id, role_id, assignee_type, user_id, service_user_id, deployment_id,
       resource_type, resource_deployment_id, resource_pipeline_id, resource_bucket_id, creation_date)
     VALUES (@id, @project_id, @role_id, @assignee_type, @user_id, @service_user_id, @deployment_id,
       @resource_type, @resource_deployment_id, @resource_pipeline_id, @resource_bucket_id, @creation_date)
     ON CONFLICT DO NOTHING`,
  )
  const removeAssignment = db.prepare('DELETE FROM role_assignments WHERE project_id = ? AND id = ?')
  const objects = {
    deployment: db.prepare<[string, string], { id: string }>(
      'SELECT id FROM deployments WHERE project_id = ? AND name = ?',
    ),
    pipeline: db.prepare<[string, string], { id: string }>(
      'SELECT id FROM pipelines WHERE project_id = ? AND name = ?',
    ),
    bucket: db.prepare<[string, string], { id: string }>(
      'SELECT id FROM buckets WHERE project_id = ? AND name = ?',
    ),
  }

  return {
    /** The project's users, by email. */
    listUsers: (projectId: string) => users.all(projectId),
    findUser: (projectId: string, userId: string) => user.get(projectId, userId),
    /** Adds an organization member to the project (the schema refuses anyone else). */
    addUser: (projectId: string, userId: string) => void insertUser.run(userId, timestamp(), projectId),
    /** Removes the user from the project, and with them every role they hold there. */
    removeUser: (projectId: string, userId: string) => removeUser.run(projectId, userId).changes > 0,

    /** The roles the project offers: the default ones and its own, by name. */
    listRoles: (projectId: string) => roles.all(projectId),
    findRole: (projectId: string, name: string) => role.get(projectId, name),
    /** Whether the user (a person or a service user, by id) holds `roleName` on the project itself. */
    holdsProjectRole: (projectId: string, userId: string, roleName: string) =>
      holds.get(projectId, userId, roleName)!.held === 1,
    /** The roles a person or service user (by id) holds on the project itself, by name. */
    projectRolesOf: (projectId: string, userId: string) =>
      heldRoles.all(projectId, userId).map((row) => row.role),

    /** The id of the project's deployment, pipeline or bucket of this name. */
    findObject: (projectId: string, type: Exclude<ResourceType, 'project'>, name: string) =>
      objects[type].get(projectId, name)?.id,

    /** The project's role assignments matching every given filter, oldest first. */
    listAssignments: (projectId: string, filter: RoleAssignmentFilter = {}) =>
      assignments.all({
        project: projectId,
        assignee_type: filter.assignee_type ?? null,
        assignee: filter.assignee ?? null,
        resource_type: filter.resource_type ?? null,
        resource: filter.resource ?? null,
      }),
    findAssignment: (projectId: string, id: string) => assignment.get(projectId, id),
    /**
     * Records the assignment and returns its id, or null when the assignee already holds that role on
     * that resource (the unique index decides, so two requests at once cannot both record it).
     */
    assign(assignment: NewRoleAssignment): string | null {
      const id = randomUUID()
      const { assignee, resource } = assignment
      const inserted = insertAssignment.run({
        id,
        project_id: assignment.projectId,
        role_id: assignment.roleId,
        // The API names a service user's assignee type "user", as a person's.
        assignee_type: assignee.type === 'deployment' ? 'deployment' : 'user',
        user_id: assignee.type === 'user' ? assignee.userId : null,
        service_user_id: assignee.type === 'service-user' ? assignee.serviceUserId : null,
        deployment_id: assignee.type === 'deployment' ? assignee.deploymentId : null,
        resource_type: resource?.type ?? 'project',
        resource_deployment_id: resource?.type === 'deployment' ? resource.id : null,
        resource_pipeline_id: resource?.type === 'pipeline' ? resource.id : null,
        resource_bucket_id: resource?.type === 'bucket' ? resource.id : null,
        creation_date: timestamp(),
      })
      return inserted.changes > 0 ? id : null
    },
    removeAssignment: (projectId: string, id: string) => removeAssignment.run(projectId, id).changes > 0,
  }
}

export type ProjectAccessRepository = ReturnType<typeof projectAccessRepository>
