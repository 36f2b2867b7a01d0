import { useQuery } from '@tanstack/react-query'
import { lazy, memo, Suspense, useMemo, useState, type ComponentType, type ReactNode } from 'react'
import { Link, useSearchParams } from 'react-router'
import type { Organization } from '../../../api/model'
import { Button } from '../../../components/ui/button'
import { SelectField, TextField } from '../../../components/ui/field'
import { PageHeader } from '../../../components/ui/page-header'
import { EmptyState, QueryView, Skeleton } from '../../../components/ui/query-state'
import { useSeenOnScreen } from '../../../hooks/use-seen-on-screen'
import { paths } from '../../../lib/paths'
import { formatDate } from '../../../lib/format-date'
import { formatCount } from '../../../lib/format-number'
import {
  filterOrganizations,
  GLANCE_COLUMNS,
  isGlanceSort,
  nextSort,
  readListView,
  SORT_COLUMNS,
  SORTS,
  sortOrganizations,
  sortParts,
  writeListView,
  type GlanceColumn,
  type GlanceValue,
  type ListView,
  type Sort,
  type SortColumn,
} from '../lib/list-view'
import { organizationQueries } from '../queries'
import './organization-list.css'

// The dialog is its own chunk: the list is the first page most people see.
const CreateOrganizationDialog = lazy(() => import('./create-organization-dialog'))

/** A column a route adds to the list (e.g. the credit budget, from the usage feature). */
export interface ExtraColumn {
  header: string
  cell: (organization: Organization) => ReactNode
}

/** What the list knows at a glance about each organization (issue 14), from a lazily loaded provider. */
export interface Glance {
  /** Per organization id, the value of each glance column; a row without an entry is pending. */
  rows: Readonly<Record<string, Readonly<Record<GlanceColumn, GlanceValue>>>>
  /** A ready value as the cell shows it ("12 days", "1,484,124"). */
  format: (column: GlanceColumn, value: number | string) => string
  /** Asks again for whatever failed of one organization. */
  retry: (organization: Organization) => void
}

export interface GlanceProviderProps {
  /** the organizations the list shows (filter applied), in any order */
  organizations: readonly Organization[]
  /** whether an organization's requests may start: on screen, or all when sorting by a glance column */
  isWanted: (organization: Organization) => boolean
  children: (glance: Glance) => ReactNode
}

const PENDING: GlanceValue = { status: 'pending' }
/** Rows whose facts are asked for before they are seen: about a screenful at 1280 x 900. */
const FIRST_BATCH = 15

/**
 * The organization list: filter and sort in the URL, and, with `GlanceProvider` (the route's,
 * loaded beside the rows; null until it is in), each organization's subscription, days left, members, credits used and
 * projection. The names paint without waiting for any of that.
 */
export function OrganizationListPage({
  extraColumn,
  GlanceProvider,
}: {
  extraColumn?: ExtraColumn
  /** null: the columns are shown, their provider is still loading (every fact pending meanwhile) */
  GlanceProvider?: ComponentType<GlanceProviderProps> | null
} = {}) {
  const listQuery = useQuery(organizationQueries.list())
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
        actions={listQuery.data?.length ? createButton : null}
      />
      <QueryView
        query={listQuery}
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
            GlanceProvider={GlanceProvider}
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
  GlanceProvider,
}: {
  organizations: Organization[]
  view: ListView
  onViewChange: (change: Partial<ListView>) => void
  extraColumn?: ExtraColumn
  GlanceProvider?: ComponentType<GlanceProviderProps> | null
}) {
  // The filter box keeps what is typed; the URL follows it, and a Back press is followed back.
  const [draft, setDraft] = useState(view.query)
  const [seenQuery, setSeenQuery] = useState(view.query)
  if (view.query !== seenQuery) {
    setSeenQuery(view.query)
    setDraft(view.query)
  }
  const { isSeen, observe } = useSeenOnScreen()
  // Kept while the filter stays: the glance provider asks for exactly these organizations.
  const visible = useMemo(() => filterOrganizations(organizations, view.query), [organizations, view.query])
  const hasGlance = GlanceProvider !== undefined
  // Sorting by a fact needs every row's: then all are asked for (through the provider's bound).
  const sortsByGlance = isGlanceSort(view.sort)
  // The first rows ask at once, without waiting for the observer's first report; the rest when seen.
  const firstBatch = useMemo(
    () =>
      new Set(
        sortOrganizations(visible, view.sort)
          .slice(0, FIRST_BATCH)
          .map((org) => org.id),
      ),
    [visible, view.sort],
  )
  const isWanted = (organization: Organization) =>
    sortsByGlance || firstBatch.has(organization.id) || isSeen(organization.id)

  const table = (glance: Glance | null) => (
    <OrganizationTable
      organizations={sortOrganizations(
        visible,
        view.sort,
        (org, column) => glance?.rows[org.id]?.[column] ?? PENDING,
      )}
      sort={view.sort}
      onSort={(column) => onViewChange({ sort: nextSort(view.sort, column) })}
      glance={glance}
      hasGlance={hasGlance}
      extraColumn={extraColumn}
      observe={observe}
    />
  )

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
          {Object.entries(SORTS)
            .filter(([value]) => hasGlance || !isGlanceSort(value as Sort))
            .map(([value, { label }]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
        </SelectField>
      </div>
      <p className="muted" role="status">
        {visible.length === organizations.length
          ? `${formatCount(organizations.length)} ${organizations.length === 1 ? 'organization' : 'organizations'}`
          : `${formatCount(visible.length)} of ${formatCount(organizations.length)} organizations match “${view.query.trim()}”`}
      </p>
      {visible.length === 0 ? (
        <EmptyState
          title={`No organization matches “${view.query.trim()}”`}
          action={<Button onClick={() => onViewChange({ query: '' })}>Clear the filter</Button>}
        />
      ) : GlanceProvider ? (
        <GlanceProvider organizations={visible} isWanted={isWanted}>
          {table}
        </GlanceProvider>
      ) : (
        table(null)
      )}
    </div>
  )
}

function OrganizationTable({
  organizations,
  sort,
  onSort,
  glance,
  hasGlance,
  extraColumn,
  observe,
}: {
  organizations: Organization[]
  sort: Sort
  onSort: (column: SortColumn) => void
  glance: Glance | null
  hasGlance: boolean
  extraColumn?: ExtraColumn
  observe: (element: HTMLElement | null) => (() => void) | undefined
}) {
  const columns: SortColumn[] = hasGlance ? ['name', 'created', ...GLANCE_COLUMNS] : ['name', 'created']
  const sorted = sortParts(sort)
  return (
    <div className="ui-table-wrap">
      <table className="ui-table org-list">
        <caption className="visually-hidden">Your organizations</caption>
        <thead>
          <tr>
            {columns.map((column) => {
              const isSorted = sorted.column === column
              return (
                <th
                  key={column}
                  scope="col"
                  aria-sort={isSorted ? (sorted.descending ? 'descending' : 'ascending') : undefined}
                  className={isNumeric(column) ? 'org-list__number' : undefined}
                >
                  {/* The name stays the column's; aria-sort on the header says how it is sorted. */}
                  <button type="button" className="org-list__sort" onClick={() => onSort(column)}>
                    {SORT_COLUMNS[column].header}
                    <span aria-hidden="true" className="org-list__sort-icon">
                      {isSorted ? (sorted.descending ? '▼' : '▲') : '↕'}
                    </span>
                  </button>
                </th>
              )
            })}
            {extraColumn && <th scope="col">{extraColumn.header}</th>}
          </tr>
        </thead>
        <tbody>
          {organizations.map((org) => (
            <OrganizationRow
              key={org.id}
              organization={org}
              values={hasGlance ? (glance?.rows[org.id] ?? null) : undefined}
              format={glance?.format}
              retry={glance?.retry}
              extraColumn={extraColumn}
              observe={observe}
            />
          ))}
        </tbody>
      </table>
    </div>
  )
}

const isNumeric = (column: SortColumn) =>
  column === 'days-left' || column === 'members' || column === 'credits' || column === 'projection'

/**
 * One organization. Memoized: the provider's rows keep their identity while unchanged (TanStack's
 * structural sharing of `combine`), so an answer for one organization re-renders one row.
 * `values`: undefined without glance columns, null while the row has no glance yet.
 */
const OrganizationRow = memo(function OrganizationRow({
  organization,
  values,
  format,
  retry,
  extraColumn,
  observe,
}: {
  organization: Organization
  values: Readonly<Record<GlanceColumn, GlanceValue>> | null | undefined
  format?: Glance['format']
  retry?: Glance['retry']
  extraColumn?: ExtraColumn
  observe: (element: HTMLElement | null) => (() => void) | undefined
}) {
  // One Retry per row, in its first failed cell: it asks again for everything of the row that failed.
  const firstFailed = values ? GLANCE_COLUMNS.find((column) => values[column].status === 'error') : undefined
  return (
    <tr ref={observe} data-seen-key={organization.id}>
      <td>
        <Link to={paths.organization(organization.name)}>{organization.name}</Link>
      </td>
      <td data-label={SORT_COLUMNS.created.header}>
        <time dateTime={organization.creation_date}>{formatDate(organization.creation_date)}</time>
      </td>
      {values !== undefined &&
        GLANCE_COLUMNS.map((column) => (
          <td
            key={column}
            data-label={SORT_COLUMNS[column].header}
            className={`org-list__${column}${isNumeric(column) ? ' org-list__number' : ''}`}
          >
            <GlanceCell
              value={values?.[column] ?? PENDING}
              text={(value) => format?.(column, value) ?? String(value)}
              onRetry={column === firstFailed && retry ? () => retry(organization) : undefined}
              organizationName={organization.name}
            />
          </td>
        ))}
      {extraColumn && <td data-label={extraColumn.header}>{extraColumn.cell(organization)}</td>}
    </tr>
  )
})

function GlanceCell({
  value,
  text,
  onRetry,
  organizationName,
}: {
  value: GlanceValue
  text: (value: number | string) => string
  onRetry?: () => void
  organizationName: string
}) {
  if (value.status === 'pending')
    return (
      <>
        <Skeleton width="4rem" />
        <span className="visually-hidden">Loading</span>
      </>
    )
  if (value.status === 'error')
    return (
      <span className="org-list__error">
        Could not load
        {onRetry && (
          <Button size="small" variant="ghost" onClick={onRetry}>
            Retry<span className="visually-hidden"> {organizationName}</span>
          </Button>
        )}
      </span>
    )
  return value.value === null ? <span className="muted">—</span> : <>{text(value.value)}</>
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
