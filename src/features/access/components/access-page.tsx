import { useCallback, useDeferredValue, useId, useMemo, useState } from 'react'
import { Button } from '../../../components/ui/button'
import { downloadText } from '../../../components/ui/download-text'
import { EmptyState, ErrorState, PendingState } from '../../../components/ui/query-state'
import { useSearchParamView } from '../../../hooks/use-search-param-view'
import { useSearchText } from '../../../hooks/use-search-text'
import { useAccessData } from '../hooks/use-access-data'
import {
  accessCsvFileName,
  accessToCsv,
  filterAccessMatrix,
  NO_ROLE,
  readAccessFilter,
  writeAccessFilter,
  type AccessRow,
} from '../lib/access-matrix'
import { AccessGrid } from './access-grid'
import { AccessToolbar } from './access-toolbar'
import { CellEditorDialog, type EditedCell } from './cell-editor-dialog'
import './access.css'
import { formatCount } from '../../../lib/format-number'

const plural = (count: number, one: string, many = `${one}s`) =>
  `${formatCount(count)} ${count === 1 ? one : many}`

/**
 * /organizations/:name/access — the organization's access on one screen: members × projects with
 * each member's project roles, filtered by member, project and role (kept in the address), the
 * members who cannot do anything yet and the projects without an admin of their own flagged,
 * each cell editable by those the API lets change it, and a CSV of exactly what is shown.
 */
export function AccessPage({ organization }: { organization: string }) {
  const data = useAccessData(organization)
  const [filter, updateFilter] = useSearchParamView(readAccessFilter, writeAccessFilter)
  const writeQuery = useCallback((q: string) => updateFilter({ q }), [updateFilter])
  const [searchText, setSearchText] = useSearchText(filter.q, writeQuery)
  const [edited, setEdited] = useState<EditedCell | null>(null)
  const headingId = useId()

  // The filter itself is one pass over the rows' search keys, done for every keystroke so that
  // the box and the count follow at once; the grid (the costly part) draws the deferred view,
  // at low priority, and React drops a drawing that a newer keystroke has made stale.
  const view = useMemo(
    () => (data.matrix ? filterAccessMatrix(data.matrix, { ...filter, q: searchText }) : null),
    [data.matrix, filter, searchText],
  )
  // Null only until the first view: then the grid draws at once.
  const shown = useDeferredValue(view) ?? view
  const states = [...data.columnStates.values()]
  const isComplete = data.loadingCount === 0 && states.every((state) => state === 'ready')
  const noRoleCount = isComplete ? data.noRoleCount : 0
  const withoutOwnAdmin =
    data.matrix?.columns.filter(
      (column) => column.lacksProjectAdmin && data.columnStates.get(column.project) === 'ready',
    ) ?? []
  const hiddenCount = states.filter((state) => state === 'hidden').length

  const editedRow = edited && data.matrix?.rows.find((row) => row.member.id === edited.userId)
  const held = (edited && editedRow?.cells.get(edited.project)) || []
  const handleEdit = useCallback(
    (row: AccessRow, project: string) =>
      setEdited({ userId: row.member.id, email: row.member.email, project }),
    [],
  )

  const total = data.matrix?.rows.length ?? 0
  const summary = view
    ? view.rows.length === total
      ? plural(total, 'member')
      : `${formatCount(view.rows.length)} of ${plural(total, 'member')}`
    : ''

  return (
    <section className="access-page stack" aria-labelledby={headingId}>
      <div className="access-page__header">
        <h2 id={headingId}>Access</h2>
        {view && (
          <Button
            onClick={() =>
              downloadText(accessCsvFileName(organization, { ...filter, q: searchText }), accessToCsv(view))
            }
          >
            Export CSV
          </Button>
        )}
      </div>
      <p className="muted">
        Who holds which role in each project of {organization}. A member can do nothing in a project until
        they hold a role there.
        {data.isOrganizationAdmin
          ? ' Choose a cell to change its roles.'
          : ' You can change roles in the projects you are an admin of.'}
      </p>

      {data.isPending ? (
        <PendingState label="Loading members and projects" lines={8} />
      ) : data.error || !data.matrix || !view || !shown ? (
        <ErrorState
          title="Could not load the organization’s access"
          error={data.error}
          onRetry={data.retry}
        />
      ) : (
        <>
          <AccessFlags
            noRoleCount={noRoleCount}
            withoutOwnAdmin={withoutOwnAdmin.map((column) => column.project)}
            hiddenCount={hiddenCount}
            loadingCount={data.loadingCount}
            projectCount={data.projectCount}
            columnError={data.columnError}
            onRetryColumns={data.retryColumns}
            onShowNoRole={() => updateFilter({ role: NO_ROLE, project: '' })}
          />
          <AccessToolbar
            searchText={searchText}
            onSearchTextChange={setSearchText}
            filter={filter}
            onFilterChange={updateFilter}
            projects={data.matrix.columns.map((column) => column.project)}
            resultSummary={summary}
          />
          {data.projectCount === 0 ? (
            <EmptyState title="No projects yet">
              {organization} has no projects: create one on the Projects tab, then give members roles there.
            </EmptyState>
          ) : shown.rows.length === 0 || shown.columns.length === 0 ? (
            <EmptyState
              title="Nobody matches"
              action={
                <Button
                  onClick={() => {
                    setSearchText('')
                    updateFilter({ q: '', project: '', role: '' })
                  }}
                >
                  Clear search and filters
                </Button>
              }
            >
              Try another search, project or role.
            </EmptyState>
          ) : (
            <div className={shown !== view ? 'access-page__grid is-stale' : 'access-page__grid'}>
              <AccessGrid
                organization={organization}
                view={shown}
                columnStates={data.columnStates}
                canEdit={data.canEdit}
                isNoRoleKnown={isComplete}
                onEdit={handleEdit}
                labelledBy={headingId}
              />
            </div>
          )}
        </>
      )}
      <CellEditorDialog
        organization={organization}
        cell={edited}
        held={held}
        onClose={() => setEdited(null)}
      />
    </section>
  )
}

/** The two flags of the issue, and where the roles are still loading or could not be read. */
function AccessFlags({
  noRoleCount,
  withoutOwnAdmin,
  hiddenCount,
  loadingCount,
  projectCount,
  columnError,
  onRetryColumns,
  onShowNoRole,
}: {
  noRoleCount: number
  withoutOwnAdmin: readonly string[]
  hiddenCount: number
  loadingCount: number
  projectCount: number
  columnError: unknown
  onRetryColumns: () => void
  onShowNoRole: () => void
}) {
  return (
    <div className="stack-sm">
      {loadingCount > 0 && (
        <p className="muted" role="status">
          Loading roles: {projectCount - loadingCount} of {plural(projectCount, 'project')}…
        </p>
      )}
      {columnError != null && (
        <ErrorState
          title="Some projects’ roles could not be loaded"
          error={columnError}
          onRetry={onRetryColumns}
        />
      )}
      {hiddenCount > 0 && (
        <p className="ui-notice ui-notice--info">
          The roles of {plural(hiddenCount, 'project')} are shown only to their admins and the organization’s
          admins.
        </p>
      )}
      {noRoleCount > 0 && (
        <div className="ui-notice access-flag">
          <p>
            <strong>{plural(noRoleCount, 'member')}</strong> {noRoleCount === 1 ? 'holds' : 'hold'} no role in
            any project: they cannot do anything yet.
          </p>
          <Button size="small" onClick={onShowNoRole}>
            Show them
          </Button>
        </div>
      )}
      {withoutOwnAdmin.length > 0 && (
        <div className="ui-notice access-flag">
          <p>
            <span aria-hidden="true">⚑ </span>
            Nobody but organization admins holds project-admin in{' '}
            {withoutOwnAdmin.length === 1
              ? 'the project'
              : `${plural(withoutOwnAdmin.length, 'project')}:`}{' '}
            <strong>{withoutOwnAdmin.join(', ')}</strong>.
          </p>
        </div>
      )}
    </div>
  )
}
