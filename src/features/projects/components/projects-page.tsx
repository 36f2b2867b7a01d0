import { useQueries, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { Link } from 'react-router'
import type { Project } from '../../../api/model'
import { Button } from '../../../components/ui/button'
import { ConfirmDialog } from '../../../components/ui/dialog'
import { EmptyState, errorMessageOf, QueryView, Skeleton } from '../../../components/ui/query-state'
import { useToast } from '../../../components/ui/toast'
import { VisuallyHidden } from '../../../components/ui/visually-hidden'
import { paths } from '../../../lib/paths'
import { yourRoleLabel } from '../lib/access'
import { useOwnRoles, type OwnRoles } from '../hooks/use-own-roles'
import { projectQueries, useDeleteProject } from '../queries'
import type { CreditOutlooks } from '../lib/credit-limits'
import { CreateProjectDialog } from './create-project-dialog'
import { CreditLimitsSection } from './credit-limits-section'
import '../projects.css'

/**
 * The organization's projects: name, how many users, the caller's own role. Organization admins
 * see every project and may create and delete them; others see theirs, and no such control.
 */
export function ProjectsPage({
  organization,
  canAdminister,
  outlooks,
  budget,
}: {
  organization: string
  /** an organization admin (or platform staff): sees every project, creates and deletes them */
  canAdminister: boolean
  /** each project's credits this subscription period (the app composes them from the usage) */
  outlooks: CreditOutlooks
  /** the organization's credit budget in credits (this browser's), null when none is set */
  budget: number | null
}) {
  const list = useQuery(projectQueries.list(organization))
  const [isCreating, setIsCreating] = useState(false)
  const [toDelete, setToDelete] = useState<Project | null>(null)

  return (
    <section className="stack" aria-labelledby="projects-heading">
      <div className="ui-page-header">
        <div className="ui-page-header__text">
          <h2 id="projects-heading">Projects</h2>
          <p className="muted">
            Members work in projects: each needs a role in a project to do anything there.
          </p>
        </div>
        {canAdminister && (
          <Button variant="primary" onClick={() => setIsCreating(true)}>
            Create project
          </Button>
        )}
      </div>
      <QueryView
        query={list}
        pendingLabel="Loading the projects"
        errorTitle="Could not load the projects"
        isEmpty={(projects) => projects.length === 0}
        empty={
          <EmptyState title="No projects yet">
            {canAdminister
              ? 'Create the first project, then give members roles in it.'
              : `You hold a role in no project of ${organization} yet. An organization admin can give you one.`}
          </EmptyState>
        }
      >
        {(projects) => (
          <ProjectsAndLimits
            organization={organization}
            projects={projects}
            isOrganizationAdmin={canAdminister}
            outlooks={outlooks}
            budget={budget}
            onDelete={setToDelete}
          />
        )}
      </QueryView>
      {canAdminister && (
        <>
          <CreateProjectDialog
            organization={organization}
            open={isCreating}
            onClose={() => setIsCreating(false)}
          />
          <DeleteProjectDialog
            organization={organization}
            project={toDelete}
            onClose={() => setToDelete(null)}
          />
        </>
      )}
    </section>
  )
}

/** The two tables of the listed projects, with the caller's roles in each read once for both. */
function ProjectsAndLimits({
  organization,
  projects,
  isOrganizationAdmin,
  outlooks,
  budget,
  onDelete,
}: {
  organization: string
  projects: readonly Project[]
  isOrganizationAdmin: boolean
  outlooks: CreditOutlooks
  budget: number | null
  onDelete: (project: Project) => void
}) {
  const ownRoles = useOwnRoles(organization, projects, isOrganizationAdmin)
  return (
    <>
      <ProjectsTable
        organization={organization}
        projects={projects}
        isOrganizationAdmin={isOrganizationAdmin}
        ownRoles={ownRoles}
        onDelete={onDelete}
      />
      <CreditLimitsSection
        organization={organization}
        projects={projects}
        outlooks={outlooks}
        budget={budget}
        canSplitBudget={isOrganizationAdmin}
        canSetLimit={ownRoles.administers}
      />
    </>
  )
}

function ProjectsTable({
  organization,
  projects,
  isOrganizationAdmin,
  ownRoles,
  onDelete,
}: {
  organization: string
  projects: readonly Project[]
  isOrganizationAdmin: boolean
  ownRoles: OwnRoles
  onDelete: (project: Project) => void
}) {
  const users = useQueries({
    queries: projects.map((project) => projectQueries.users(organization, project.name)),
  })
  return (
    <div className="ui-table-wrap" role="region" aria-labelledby="projects-caption" tabIndex={0}>
      <table className="ui-table projects-table">
        <caption id="projects-caption" className="visually-hidden">
          Projects of {organization}
        </caption>
        <thead>
          <tr>
            <th scope="col">Project</th>
            <th scope="col">Members</th>
            <th scope="col">Your role</th>
            {isOrganizationAdmin && (
              <th scope="col">
                <VisuallyHidden>Actions</VisuallyHidden>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {projects.map((project, index) => {
            const count = users[index]
            const role = yourRoleLabel({ isOrganizationAdmin, ownRoles: ownRoles.rolesIn(project) })
            return (
              <tr key={project.id}>
                <th scope="row">
                  <Link to={paths.project(organization, project.name)}>{project.name}</Link>
                  {project.suspended && <span className="projects-badge">Suspended</span>}
                </th>
                <td>
                  {count?.data ? (
                    count.data.length
                  ) : count?.isError ? (
                    <span className="muted" title={errorMessageOf(count.error)}>
                      Unknown
                    </span>
                  ) : (
                    <Skeleton width="2rem" />
                  )}
                </td>
                <td>
                  {role ??
                    (ownRoles.isErrorIn(project) ? (
                      <span className="muted">Unknown</span>
                    ) : (
                      <Skeleton width="6rem" />
                    ))}
                </td>
                {isOrganizationAdmin && (
                  <td className="projects-table__actions">
                    <Button size="small" variant="ghost" onClick={() => onDelete(project)}>
                      Delete<VisuallyHidden> {project.name}</VisuallyHidden>
                    </Button>
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

function DeleteProjectDialog({
  organization,
  project,
  onClose,
}: {
  organization: string
  project: Project | null
  onClose: () => void
}) {
  const remove = useDeleteProject(organization)
  const toast = useToast()
  const close = () => {
    remove.reset()
    onClose()
  }
  return (
    <ConfirmDialog
      open={project !== null}
      onClose={close}
      onConfirm={() =>
        project &&
        remove.mutate(project.name, {
          onSuccess: () => {
            toast.show({ message: `Deleted ${project.name}.`, tone: 'success' })
            close()
          },
        })
      }
      title={project ? `Delete ${project.name}?` : 'Delete project'}
      confirmLabel="Delete project"
      isDestructive
      isPending={remove.isPending}
      error={remove.error ? errorMessageOf(remove.error) : null}
    >
      {project && (
        <p>
          <strong>{project.name}</strong> and everything in it are deleted, and its members lose their roles
          there. Its usage stays in the organization’s, as a deleted project’s. This cannot be undone.
        </p>
      )}
    </ConfirmDialog>
  )
}
