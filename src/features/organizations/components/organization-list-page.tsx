import { useQuery } from '@tanstack/react-query'
import { lazy, Suspense, useState, type ReactNode } from 'react'
import { Link, useSearchParams } from 'react-router'
import type { Organization } from '../../../api/model'
import { Button } from '../../../components/ui/button'
import { SelectField, TextField } from '../../../components/ui/field'
import { PageHeader } from '../../../components/ui/page-header'
import { EmptyState, QueryView, Skeleton } from '../../../components/ui/query-state'
import { paths } from '../../../lib/paths'
import { formatDate } from '../lib/format'
import { applyListView, readListView, SORTS, writeListView, type ListView, type Sort } from '../lib/list-view'
import { organizationQueries } from '../queries'

// The dialog is its own chunk: the list is the first page most people see.
const CreateOrganizationDialog = lazy(() => import('./create-organization-dialog'))

/** A column a route adds to the list (e.g. the credit budget, from the usage feature). */
export interface ExtraColumn {
  header: string
  cell: (organization: Organization) => ReactNode
}

export function OrganizationListPage({ extraColumn }: { extraColumn?: ExtraColumn } = {}) {
  const organizations = useQuery(organizationQueries.list())
  const [searchParams, setSearchParams] = useSearchParams()
  const view = readListView(searchParams)
  const [isCreating, setIsCreating] = useState(false)

  const updateView = (change: Partial<ListView>) =>
    setSearchParams((params) => writeListView(params, change), { replace: true, preventScrollReset: true })

  const createButton = (
    <Button variant="primary" onClick={() => setIsCreating(true)}>
      Create organization
    </Button>
  )

  return (
    <div className="stack">
      <title>Organizations · UbiOps</title>
      <PageHeader
        title="Organizations"
        description="Every organization you are a member of."
        actions={organizations.data?.length ? createButton : null}
      />
      <QueryView
        query={organizations}
        pendingLabel="Loading organizations"
        pending={<TableSkeleton />}
        errorTitle="Could not load your organizations"
        isEmpty={(data) => data.length === 0}
        empty={
          <EmptyState title="No organizations yet" action={createButton}>
            Create your first organization to start adding members and following its usage.
          </EmptyState>
        }
      >
        {(data) => (
          <FilteredList
            organizations={data}
            view={view}
            onViewChange={updateView}
            extraColumn={extraColumn}
          />
        )}
      </QueryView>
      {isCreating && (
        <Suspense fallback={null}>
          <CreateOrganizationDialog open onClose={() => setIsCreating(false)} />
        </Suspense>
      )}
    </div>
  )
}

function FilteredList({
  organizations,
  view,
  onViewChange,
  extraColumn,
}: {
  organizations: Organization[]
  view: ListView
  onViewChange: (change: Partial<ListView>) => void
  extraColumn?: ExtraColumn
}) {
  // The filter box keeps what is typed; the URL follows it, and a Back press is followed back.
  const [draft, setDraft] = useState(view.query)
  const [seenQuery, setSeenQuery] = useState(view.query)
  if (view.query !== seenQuery) {
    setSeenQuery(view.query)
    setDraft(view.query)
  }
  const visible = applyListView(organizations, view)

  return (
    <div className="stack">
      <div className="list-toolbar">
        <TextField
          label="Filter by name"
          type="search"
          value={draft}
          onChange={(event) => {
            setDraft(event.target.value)
            setSeenQuery(event.target.value)
            onViewChange({ query: event.target.value })
          }}
          autoComplete="off"
          spellCheck={false}
        />
        <SelectField
          label="Sort"
          value={view.sort}
          onChange={(event) => onViewChange({ sort: event.target.value as Sort })}
        >
          {Object.entries(SORTS).map(([value, { label }]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
      </div>
      <p className="muted" role="status">
        {visible.length === organizations.length
          ? `${organizations.length} ${organizations.length === 1 ? 'organization' : 'organizations'}`
          : `${visible.length} of ${organizations.length} organizations match “${view.query.trim()}”`}
      </p>
      {visible.length === 0 ? (
        <EmptyState
          title={`No organization matches “${view.query.trim()}”`}
          action={<Button onClick={() => onViewChange({ query: '' })}>Clear the filter</Button>}
        />
      ) : (
        <div className="ui-table-wrap">
          <table className="ui-table">
            <caption className="visually-hidden">Your organizations</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Created</th>
                {extraColumn && <th scope="col">{extraColumn.header}</th>}
              </tr>
            </thead>
            <tbody>
              {visible.map((org) => (
                <tr key={org.id}>
                  <td>
                    <Link to={paths.organization(org.name)}>{org.name}</Link>
                  </td>
                  <td>
                    <time dateTime={org.creation_date}>{formatDate(org.creation_date)}</time>
                  </td>
                  {extraColumn && <td>{extraColumn.cell(org)}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  )
}

function TableSkeleton() {
  return (
    <div className="ui-table-wrap stack-sm" style={{ padding: 'var(--space-4)' }}>
      {Array.from({ length: 5 }, (_, index) => (
        <Skeleton key={index} height="1.5rem" width={`${90 - index * 8}%`} />
      ))}
    </div>
  )
}
