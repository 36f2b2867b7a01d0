import { useQueries, useQuery, type UseQueryResult } from '@tanstack/react-query'
import { useId, useMemo, useState } from 'react'
import { EXPIRING_SOON_DAYS, UNUSED_DAYS } from '../../../../domain/service-users'
import { isApiError } from '../../../api/client'
import type { ServiceUser } from '../../../api/service-user-answers'
import { Button } from '../../../components/ui/button'
import { EmptyState, ErrorState, errorMessageOf, PendingState } from '../../../components/ui/query-state'
import { useToast } from '../../../components/ui/toast'
import { VisuallyHidden } from '../../../components/ui/visually-hidden'
import { formatDateTime } from '../../../lib/format-date'
import { projectQueries } from '../../projects/queries'
import { flagCounts, flagLabels, serviceUserRows, type ServiceUserRow } from '../lib/service-user-rows'
import { rolesLabel } from '../lib/service-user-roles'
import { serviceUserQueries } from '../queries'
import type { ServiceUserWithToken } from '../queries'
import {
  CreateServiceUserDialog,
  DeleteServiceUserDialog,
  ResetTokenDialog,
  TokenDialog,
} from './service-user-dialogs'
import { ServiceUserRoleDialog, type RoleChangeTarget } from './service-user-role-dialog'
import '../service-users.css'

/** Each project's list: its service users, or why not (a 403: not this viewer's to manage). */
function combineLists(results: UseQueryResult<ServiceUser[]>[]) {
  return {
    lists: results.map((result) => result.data),
    isPending: results.some((result) => result.isPending && !result.isError),
    failed: results.find((result) => result.isError && !isApiError(result.error, 403)),
  }
}

/**
 * /organizations/:name/service-users — the service users (API tokens) of every project of the
 * organization the viewer manages (project admins and organization admins; the API answers others'
 * lists with a 403): name, project, role, created, expires, last used, and flags for expired,
 * expiring soon, never used and unused ones; create (with a role), change the role, reset a token
 * and delete, each token shown once.
 */
export function ServiceUsersPage({ organization }: { organization: string }) {
  const headingId = useId()
  const projects = useQuery(projectQueries.list(organization))
  const names = useMemo(() => projects.data?.map((project) => project.name) ?? [], [projects.data])
  const lists = useQueries({
    queries: names.map((project) => ({
      ...serviceUserQueries.list(organization, project),
      // A 403 is an answer: that project's service users are not for this viewer.
      retry: (failures: number, error: Error) => !isApiError(error, 403) && failures < 2,
    })),
    combine: combineLists,
  })
  // The flags are computed against the moment the page opened, so they do not change under the reader.
  const [nowMs] = useState(() => Date.now())
  const rows = useMemo(() => serviceUserRows(lists.lists, nowMs), [lists.lists, nowMs])
  const managed = names.filter((_, index) => lists.lists[index] !== undefined)
  const hasExpiry = projects.data?.some((project) => project.generation === 'current') ?? false

  const [isCreating, setIsCreating] = useState(false)
  const [toReset, setToReset] = useState<ServiceUser | null>(null)
  const [toDelete, setToDelete] = useState<ServiceUser | null>(null)
  const [toChangeRole, setToChangeRole] = useState<RoleChangeTarget | null>(null)
  const [shownToken, setShownToken] = useState<ServiceUserWithToken | null>(null)
  const toast = useToast()

  const isPending = projects.isPending || lists.isPending
  const error = projects.error ?? lists.failed?.error

  return (
    <section className="stack" aria-labelledby={headingId}>
      <div className="ui-page-header">
        <div className="ui-page-header__text">
          <h2 id={headingId}>Service users</h2>
          <p className="muted">
            API tokens of {organization}’s projects, for scripts and services. Project admins and organization
            admins manage them; each token is shown once, when it is made or reset.
          </p>
        </div>
        {!isPending && managed.length > 0 && (
          <Button variant="primary" onClick={() => setIsCreating(true)}>
            Create service user
          </Button>
        )}
      </div>
      {isPending ? (
        <PendingState label="Loading the service users" lines={6} />
      ) : error ? (
        <ErrorState
          title="Could not load the service users"
          error={error}
          onRetry={() => void (projects.error ? projects.refetch() : lists.failed?.refetch())}
        />
      ) : managed.length === 0 ? (
        <EmptyState title="No service users to manage">
          Service users are managed by project admins and organization admins, and you are neither in any
          project of {organization}.
        </EmptyState>
      ) : rows.length === 0 ? (
        <EmptyState title="No service users yet">
          Create one to give a script or a service its own token for one project.
        </EmptyState>
      ) : (
        <>
          <FlagSummary rows={rows} />
          <ServiceUsersTable
            organization={organization}
            rows={rows}
            hasExpiry={hasExpiry}
            onChangeRole={setToChangeRole}
            onReset={setToReset}
            onDelete={setToDelete}
          />
        </>
      )}
      {managed.length > 0 && (
        <CreateServiceUserDialog
          organization={organization}
          projects={managed}
          hasExpiry={hasExpiry}
          open={isCreating}
          onClose={() => setIsCreating(false)}
          onCreated={(created) => {
            setIsCreating(false)
            setShownToken(created)
          }}
        />
      )}
      <ResetTokenDialog
        organization={organization}
        serviceUser={toReset}
        onClose={() => setToReset(null)}
        onReset={(reset) => {
          setToReset(null)
          setShownToken(reset)
        }}
      />
      <DeleteServiceUserDialog
        organization={organization}
        serviceUser={toDelete}
        onClose={() => setToDelete(null)}
        onDeleted={(deleted) => toast.show({ message: `Deleted ${deleted.name}.`, tone: 'success' })}
      />
      <ServiceUserRoleDialog
        organization={organization}
        target={toChangeRole}
        onClose={() => setToChangeRole(null)}
        onChanged={(changed, role) => {
          setToChangeRole(null)
          toast.show({
            message: role
              ? `${changed.name} is now ${role} in ${changed.projectName}.`
              : `${changed.name} holds no role in ${changed.projectName} now.`,
            tone: 'success',
          })
        }}
      />
      <TokenDialog shown={shownToken} onClose={() => setShownToken(null)} />
    </section>
  )
}

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`

/** One line saying what needs attention: expired, expiring soon, never used, unused. */
function FlagSummary({ rows }: { rows: readonly ServiceUserRow[] }) {
  const counts = flagCounts(rows)
  const parts = [
    counts.isExpired > 0 && `${plural(counts.isExpired, 'expired token')}`,
    counts.isExpiringSoon > 0 && `${counts.isExpiringSoon} expiring within ${EXPIRING_SOON_DAYS} days`,
    counts.isNeverUsed > 0 && `${counts.isNeverUsed} never used`,
    counts.isUnused > 0 && `${counts.isUnused} unused for ${UNUSED_DAYS} days`,
  ].filter(Boolean)
  return (
    <p className="muted">
      {plural(rows.length, 'service user')}
      {parts.length > 0 ? `: ${parts.join(', ')}.` : '.'}
    </p>
  )
}

/** A timestamp as the reader's date and time, with the exact UTC moment on hover; `null` as `never`. */
function Moment({ value, never }: { value: string | null | undefined; never: string }) {
  if (value === undefined) return <span className="muted">Not given by this API</span>
  if (value === null) return <span className="muted">{never}</span>
  return (
    <time dateTime={value} title={value}>
      {formatDateTime(value)}
    </time>
  )
}

/**
 * A service user's role on its project, and the control that changes it (only once what it holds
 * is known: a change is worked out from it).
 */
function RoleCell({
  organization,
  row,
  onChangeRole,
}: {
  organization: string
  row: ServiceUserRow
  onChangeRole: (target: RoleChangeTarget) => void
}) {
  const roles = useQuery(serviceUserQueries.roles(organization, row))
  const held = roles.data
  return (
    <div className="service-users-role">
      {roles.isPending ? (
        <span className="muted">Loading…</span>
      ) : roles.isError ? (
        <span className="muted">Could not load: {errorMessageOf(roles.error)}</span>
      ) : held === null || held === undefined ? (
        <span className="muted">Not shown to you</span>
      ) : (
        <span className={held.length === 0 ? 'muted' : undefined}>{rolesLabel(held)}</span>
      )}
      {roles.isError ? (
        <Button size="small" variant="ghost" onClick={() => void roles.refetch()}>
          Retry
          <VisuallyHidden> loading the role of {row.name}</VisuallyHidden>
        </Button>
      ) : (
        held && (
          <Button size="small" variant="ghost" onClick={() => onChangeRole({ serviceUser: row, held })}>
            Change role
            <VisuallyHidden>
              {' '}
              of {row.name} in {row.projectName}
            </VisuallyHidden>
          </Button>
        )
      )}
    </div>
  )
}

function ServiceUsersTable({
  organization,
  rows,
  hasExpiry,
  onChangeRole,
  onReset,
  onDelete,
}: {
  organization: string
  rows: readonly ServiceUserRow[]
  hasExpiry: boolean
  onChangeRole: (target: RoleChangeTarget) => void
  onReset: (serviceUser: ServiceUser) => void
  onDelete: (serviceUser: ServiceUser) => void
}) {
  const captionId = useId()
  return (
    <div className="ui-table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="ui-table service-users-table">
        <caption id={captionId} className="visually-hidden">
          Service users of {organization}’s projects
        </caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Project</th>
            <th scope="col">Role</th>
            <th scope="col">Created</th>
            {hasExpiry && <th scope="col">Expires</th>}
            {hasExpiry && <th scope="col">Last used</th>}
            <th scope="col">Flags</th>
            <th scope="col">
              <VisuallyHidden>Actions</VisuallyHidden>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">
                {row.name}
                {row.description && (
                  <span className="service-users-table__description">{row.description}</span>
                )}
              </th>
              <td>{row.projectName}</td>
              <td>
                <RoleCell organization={organization} row={row} onChangeRole={onChangeRole} />
              </td>
              <td>
                <Moment value={row.creationDate} never="" />
              </td>
              {hasExpiry && (
                <td>
                  <Moment value={row.expiryDate} never="Never" />
                </td>
              )}
              {hasExpiry && (
                <td>
                  <Moment value={row.tokenLastUsed} never="Never" />
                </td>
              )}
              <td>
                <ul className="service-users-flags" aria-label={`Flags of ${row.name}`}>
                  {flagLabels(row.flags).map((flag) => (
                    <li
                      key={flag.label}
                      className={flag.isWarning ? 'ui-badge service-users-flag--warning' : 'ui-badge'}
                    >
                      {flag.label}
                    </li>
                  ))}
                </ul>
              </td>
              <td className="service-users-table__actions">
                <Button size="small" onClick={() => onReset(row)}>
                  Reset token
                  <VisuallyHidden>
                    {' '}
                    of {row.name} in {row.projectName}
                  </VisuallyHidden>
                </Button>
                <Button size="small" variant="ghost" onClick={() => onDelete(row)}>
                  Delete
                  <VisuallyHidden>
                    {' '}
                    {row.name} of {row.projectName}
                  </VisuallyHidden>
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
