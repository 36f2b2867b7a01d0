import { useQuery } from '@tanstack/react-query'
import { Link } from 'react-router'
import { isApiError } from '../../../api/client'
import type { ProjectUser, RoleAssignment } from '../../../api/model'
import { EmptyState, ErrorState, QueryView } from '../../../components/ui/query-state'
import { paths } from '../../../lib/paths'
import { rolesByUser } from '../lib/access'
import { projectQueries } from '../queries'
import '../projects.css'

/**
 * One project: its members and their roles. Roles are readable by project and organization
 * admins only; anyone else sees the members and is told why the roles are not shown.
 */
export function ProjectPage({
  organization,
  project,
  canAdminister,
}: {
  organization: string
  project: string
  /** an organization admin (or platform staff): member names link to their details */
  canAdminister: boolean
}) {
  const detail = useQuery(projectQueries.detail(organization, project))
  const users = useQuery(projectQueries.users(organization, project))
  const assignments = useQuery(projectQueries.roleAssignments(organization, project))

  if (isApiError(detail.error, 404) || isApiError(detail.error, 403))
    return (
      <EmptyState title={`No project ${project} here`}>
        <p>
          {project} is not a project of {organization} you can see. It may have been deleted.{' '}
          <Link to={paths.projects(organization)}>All projects</Link>
        </p>
      </EmptyState>
    )

  const rolesHidden = isApiError(assignments.error, 403)
  return (
    <section className="stack" aria-labelledby="project-heading">
      <div className="ui-page-header__text">
        <h2 id="project-heading">{project}</h2>
        <Link to={paths.projectUsage(organization, project)}>Usage of {project}</Link>
        {detail.data?.suspended && <p className="ui-notice">This project is suspended.</p>}
      </div>
      <QueryView
        query={users}
        pendingLabel="Loading the project’s members"
        errorTitle="Could not load the project’s members"
        isEmpty={(list) => list.length === 0}
        empty={
          <EmptyState title="Nobody in this project yet">
            {canAdminister
              ? 'Give a member a role here from their details on the Members tab.'
              : 'Only organization admins hold access here.'}
          </EmptyState>
        }
      >
        {(list) => (
          <>
            {rolesHidden && (
              <p className="muted">Only admins of this project or of the organization can see its roles.</p>
            )}
            {assignments.isError && !rolesHidden && (
              <ErrorState
                title="Could not load the roles"
                error={assignments.error}
                onRetry={() => void assignments.refetch()}
                isRetrying={assignments.isFetching}
              />
            )}
            <ProjectMembersTable
              organization={organization}
              project={project}
              users={list}
              assignments={assignments.data}
              showRoles={!rolesHidden}
              canOpenMembers={canAdminister}
            />
          </>
        )}
      </QueryView>
    </section>
  )
}

function ProjectMembersTable({
  organization,
  project,
  users,
  assignments,
  showRoles,
  canOpenMembers,
}: {
  organization: string
  project: string
  users: readonly ProjectUser[]
  assignments: readonly RoleAssignment[] | undefined
  showRoles: boolean
  canOpenMembers: boolean
}) {
  const byUser = assignments && rolesByUser(assignments)
  return (
    <div className="ui-table-wrap" role="region" aria-labelledby="project-members-caption" tabIndex={0}>
      <table className="ui-table projects-table">
        <caption id="project-members-caption" className="visually-hidden">
          Members of {project} and their roles
        </caption>
        <thead>
          <tr>
            <th scope="col">Member</th>
            <th scope="col">Name</th>
            {showRoles && <th scope="col">Roles</th>}
          </tr>
        </thead>
        <tbody>
          {users.map((user) => {
            const roles = byUser?.get(user.id) ?? []
            return (
              <tr key={user.id}>
                <th scope="row">
                  {canOpenMembers ? (
                    <Link to={paths.members(organization, user.id)}>{user.email}</Link>
                  ) : (
                    user.email
                  )}
                </th>
                <td>
                  {[user.name, user.surname].filter(Boolean).join(' ') || (
                    <span className="muted">Not set</span>
                  )}
                </td>
                {showRoles && (
                  <td>
                    {!byUser ? (
                      <span className="muted">Loading…</span>
                    ) : roles.length ? (
                      <ul className="projects-roles" aria-label={`Roles of ${user.email}`}>
                        {roles.map((assignment) => (
                          <li key={assignment.id} className="projects-badge">
                            {assignment.role}
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <span className="muted">No role</span>
                    )}
                  </td>
                )}
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
