import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback, useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react'
import { useLocation, useNavigate, useParams } from 'react-router'
import type { Member } from '../../../api/types'
import { Button } from '../../../components/ui/button'
import { EmptyState, ErrorState, PendingState } from '../../../components/ui/query-state'
import { paths } from '../../../lib/paths'
import { userQueries } from '../../auth/queries'
import { useListView } from '../hooks/use-list-view'
import { useBulkMemberActions } from '../hooks/use-bulk-member-actions'
import { useMemberActions } from '../hooks/use-member-actions'
import { useRightsFromList } from '../hooks/use-rights-from-list'
import { useSearchText } from '../../../hooks/use-search-text'
import { displayName, filterIndex, indexMembers, onlyAdminId, sortIndex } from '../lib/member-list'
import { usePendingRemovalIds } from '../pending-removals'
import { memberQueries } from '../queries'
import { AddMemberDialog } from './add-member-dialog'
import { BulkAddDialog } from './bulk-add-dialog'
import { ExportMembersButton } from './export-members-button'
import { MemberDetailsPanel } from './member-details-panel'
import { MembersBulkBar } from './members-bulk-bar'
import { MembersGrid } from './members-grid'
import { MembersToolbar } from './members-toolbar'
import './members.css'
import { formatCount } from '../../../lib/format-number'

/** /organizations/:name/members/:userId? — the members of one organization, and one member's details. */
export function MembersPage() {
  const { name: organization = '', userId } = useParams()
  const location = useLocation()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const list = useQuery(memberQueries.list(organization))
  const me = useQuery(userQueries.me())
  const { canAdminister, isKnown: areRightsKnown } = useRightsFromList(list)
  const [view, updateView] = useListView()
  const writeQuery = useCallback((q: string) => updateView({ q }), [updateView])
  const [searchText, setSearchText] = useSearchText(view.q, writeQuery)
  const searchRef = useRef<HTMLInputElement>(null)
  const gridRef = useRef<HTMLDivElement>(null)
  const headingId = useId()
  const guardReasonId = useId()
  const [dialog, setDialog] = useState<'add' | 'bulk' | null>(null)

  // Rows waiting out their undo window are hidden already, whatever a refetch says meanwhile.
  const pendingRemovals = usePendingRemovalIds(organization)
  const members = useMemo(
    () => (list.data ?? []).filter((member) => !pendingRemovals.has(member.id)),
    [list.data, pendingRemovals],
  )
  // Lowercased keys once per data change, sorting once per sort change; a keystroke only filters,
  // and at low priority (useDeferredValue), so the input never waits for the list.
  const index = useMemo(() => indexMembers(members), [members])
  const sorted = useMemo(() => sortIndex(index, view.sort, view.dir), [index, view.sort, view.dir])
  const deferredSearch = useDeferredValue(searchText)
  const rows = useMemo(
    () => filterIndex(sorted, deferredSearch, view.role),
    [sorted, deferredSearch, view.role],
  )

  // The members selected for a bulk action, by id; one that leaves the list (removed) drops out.
  const [selectedIds, setSelectedIds] = useState<ReadonlySet<string>>(() => new Set())
  const selected = useMemo(
    () => members.filter((member) => selectedIds.has(member.id)),
    [members, selectedIds],
  )
  const clearSelection = () => setSelectedIds(new Set())
  const bulk = useBulkMemberActions(organization, { onDone: clearSelection })

  const onlyAdmin = useMemo(() => {
    const id = onlyAdminId(members)
    return id ? members.find((member) => member.id === id) : undefined
  }, [members])
  const guardReason = onlyAdmin
    ? `${onlyAdmin.id === me.data?.id ? 'You are' : `${displayName(onlyAdmin)} is`} the only admin. Make someone else admin first.`
    : ''

  const basePath = paths.members(organization)
  const linkTo = useCallback(
    (member: Member) => ({ pathname: paths.members(organization, member.id), search: location.search }),
    [organization, location.search],
  )
  const closePanel = () => void navigate({ pathname: basePath, search: location.search })

  const focusList = () => requestAnimationFrame(() => gridRef.current?.focus())
  const actions = useMemberActions(organization, queryClient, {
    onRemoved: (member) => {
      if (member.id === userId) closePanel()
      focusList()
    },
  })

  // `/` focuses the search from anywhere on the page, except while typing or in a dialog.
  useEffect(() => {
    const handleKeyDown = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return
      const target = event.target as HTMLElement | null
      if (target?.closest('input, textarea, select, [contenteditable="true"], dialog')) return
      if (document.querySelector('dialog[open]')) return
      event.preventDefault()
      searchRef.current?.focus()
      searchRef.current?.select()
    }
    document.addEventListener('keydown', handleKeyDown)
    return () => document.removeEventListener('keydown', handleKeyDown)
  }, [])

  const chooseNewAdmin = () => {
    setSearchText('')
    updateView({ q: '', role: 'member' })
    focusList()
  }

  const total = members.length
  const isSearching = deferredSearch !== searchText
  const resultSummary = list.isSuccess
    ? rows.length === total
      ? `${formatCount(total)} ${total === 1 ? 'member' : 'members'}`
      : `${formatCount(rows.length)} of ${formatCount(total)} members`
    : ''

  return (
    <section className="members-page stack" aria-labelledby={headingId}>
      <div className="members-page__header">
        <h2 id={headingId}>Members</h2>
        <div className="row">
          {list.isSuccess && (
            <ExportMembersButton
              organization={organization}
              rows={rows}
              view={{ q: deferredSearch, role: view.role }}
            />
          )}
          {canAdminister && (
            <>
              <Button onClick={() => setDialog('bulk')}>Add many</Button>
              <Button variant="primary" onClick={() => setDialog('add')}>
                Add member
              </Button>
            </>
          )}
        </div>
      </div>

      {list.isSuccess && areRightsKnown && !canAdminister && (
        <p className="ui-notice ui-notice--info">
          You can see who is in {organization}. Only its admins can add or remove members and change roles.
        </p>
      )}
      {canAdminister && onlyAdmin && (
        <div className="ui-notice members-guard">
          <p id={guardReasonId}>{guardReason}</p>
          {total > 1 && (
            <Button size="small" onClick={chooseNewAdmin}>
              Choose a new admin
            </Button>
          )}
        </div>
      )}

      {canAdminister && selected.length > 0 && (
        <MembersBulkBar
          organization={organization}
          members={members}
          selected={selected}
          actions={bulk}
          onClear={clearSelection}
        />
      )}

      <MembersToolbar
        searchText={searchText}
        onSearchTextChange={setSearchText}
        role={view.role}
        onRoleChange={(role) => updateView({ role })}
        searchRef={searchRef}
        resultSummary={resultSummary}
      />

      {list.isPending ? (
        <PendingState label="Loading members" lines={8} />
      ) : list.isError ? (
        <ErrorState
          title="Could not load the members"
          error={list.error}
          onRetry={() => void list.refetch()}
          isRetrying={list.isFetching}
        />
      ) : rows.length === 0 ? (
        <EmptyState
          title={total === 0 ? 'No members yet' : 'No members match'}
          action={
            total > 0 && (
              <Button
                onClick={() => {
                  setSearchText('')
                  updateView({ q: '', role: 'all' })
                }}
              >
                Clear search and filter
              </Button>
            )
          }
        >
          {total > 0 && 'Try another search or role.'}
        </EmptyState>
      ) : (
        <div className={isSearching ? 'members-page__list is-stale' : 'members-page__list'}>
          <MembersGrid
            gridRef={gridRef}
            members={rows}
            labelledBy={headingId}
            sort={view.sort}
            dir={view.dir}
            onSort={(sort, dir) => updateView({ sort, dir })}
            canAdminister={canAdminister}
            onlyAdminId={onlyAdmin?.id ?? null}
            guardReasonId={guardReasonId}
            selectedId={userId}
            linkTo={linkTo}
            selection={
              canAdminister
                ? {
                    selectedIds,
                    onToggle: (member, isSelected) =>
                      setSelectedIds((ids) => {
                        const next = new Set(ids)
                        if (isSelected) next.add(member.id)
                        else next.delete(member.id)
                        return next
                      }),
                    onToggleAll: (isSelected) =>
                      setSelectedIds((ids) => {
                        const next = new Set(ids)
                        for (const member of rows) {
                          if (isSelected) next.add(member.id)
                          else next.delete(member.id)
                        }
                        return next
                      }),
                  }
                : undefined
            }
            onChangeRole={actions.changeRole}
            onRemove={actions.askToRemove}
          />
        </div>
      )}

      {userId && list.isSuccess && (
        <MemberDetailsPanel
          organization={organization}
          userId={userId}
          listMember={members.find((member) => member.id === userId)}
          canAdminister={canAdminister}
          isOnlyAdmin={userId === onlyAdmin?.id}
          guardReason={guardReason}
          onClose={closePanel}
          returnFocusTo={() =>
            gridRef.current?.querySelector<HTMLElement>(
              `[data-member-id="${CSS.escape(userId)}"] [data-row-link]`,
            ) ?? gridRef.current
          }
          onChangeRole={actions.changeRole}
          onRemove={actions.askToRemove}
        />
      )}
      {actions.confirmDialog}
      {bulk.confirmDialog}
      {canAdminister && list.isSuccess && (
        <>
          <AddMemberDialog
            organization={organization}
            members={members}
            open={dialog === 'add'}
            onClose={() => setDialog(null)}
          />
          <BulkAddDialog
            organization={organization}
            members={members}
            open={dialog === 'bulk'}
            onClose={() => setDialog(null)}
          />
        </>
      )}
    </section>
  )
}
