import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef, useState, type KeyboardEvent, type Ref } from 'react'
import { Link, type To } from 'react-router'
import type { Member } from '../../../api/types'
import { NARROW_SCREEN, useMediaQuery } from '../../../hooks/use-media-query'
import type { SortDirection, SortKey } from '../lib/member-list'
import { MemberRowActions, type RowActionHandlers } from './member-row-actions'

const COLUMNS: Array<{ key: SortKey; label: string }> = [
  { key: 'email', label: 'Email' },
  { key: 'name', label: 'Name' },
  { key: 'surname', label: 'Surname' },
  { key: 'role', label: 'Role' },
]

// Fixed heights keep the virtualizer exact (no measuring on scroll); the CSS uses the same values.
const ROW_HEIGHT = 48
const NARROW_ROW_HEIGHT = 76

export interface MembersGridProps extends RowActionHandlers {
  members: Member[]
  labelledBy: string
  sort: SortKey
  dir: SortDirection
  onSort: (sort: SortKey, dir: SortDirection) => void
  canAdminister: boolean
  /** the only admin, whose demotion and removal are disabled */
  onlyAdminId: string | null
  guardReasonId: string
  selectedId: string | undefined
  linkTo: (member: Member) => To
  gridRef?: Ref<HTMLDivElement>
  /** Admins on a wide screen: a checkbox per row for the bulk actions, and one for all rows shown. */
  selection?: MemberSelection
}

export interface MemberSelection {
  selectedIds: ReadonlySet<string>
  onToggle: (member: Member, isSelected: boolean) => void
  /** selects (true) or clears (false) every member the list shows */
  onToggleAll: (isSelected: boolean) => void
}

/**
 * The members as an ARIA grid that renders only the rows in view, so 10,000 members scroll as
 * smoothly as 10. One row is in the tab order at a time (roving focus); arrow keys or j/k move
 * it, Home/End jump, Enter follows the row's link to the member's details.
 */
export function MembersGrid({
  members,
  labelledBy,
  sort,
  dir,
  onSort,
  canAdminister,
  onlyAdminId,
  guardReasonId,
  selectedId,
  linkTo,
  gridRef,
  selection,
  ...actions
}: MembersGridProps) {
  const scrollRef = useRef<HTMLDivElement | null>(null)
  const isNarrow = useMediaQuery(NARROW_SCREEN)
  const rowHeight = isNarrow ? NARROW_ROW_HEIGHT : ROW_HEIGHT
  // On phones a row has no room for buttons: the member's panel (tap the email) has them.
  const showActions = canAdminister && !isNarrow
  const showSelection = showActions && selection !== undefined
  const selectedShown = showSelection
    ? members.filter((member) => selection.selectedIds.has(member.id)).length
    : 0
  const [activeIndex, setActiveIndex] = useState(0)
  const [focusRequest, setFocusRequest] = useState(0)
  const active = Math.max(0, Math.min(activeIndex, members.length - 1))

  // eslint-disable-next-line react-hooks/incompatible-library -- read fresh on every render; nothing memoizes it
  const virtualizer = useVirtualizer({
    count: members.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 8,
    // Before the first layout (and in tests) assume a typical viewport rather than zero rows.
    initialRect: { width: 1000, height: 600 },
  })

  useEffect(() => {
    virtualizer.measure()
  }, [rowHeight, virtualizer])

  useEffect(() => {
    if (focusRequest === 0) return
    scrollRef.current?.querySelector<HTMLElement>(`[aria-rowindex="${active + 2}"] [data-row-link]`)?.focus()
  }, [focusRequest, active])

  const moveTo = (index: number) => {
    if (members.length === 0) return
    const next = Math.max(0, Math.min(index, members.length - 1))
    setActiveIndex(next)
    virtualizer.scrollToIndex(next, { align: 'auto' })
    setFocusRequest((request) => request + 1)
  }

  const handleKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return
    const pageSize = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 480) / rowHeight) - 1)
    const moves: Record<string, number> = {
      ArrowDown: active + 1,
      j: active + 1,
      ArrowUp: active - 1,
      k: active - 1,
      PageDown: active + pageSize,
      PageUp: active - pageSize,
      Home: 0,
      End: members.length - 1,
    }
    const target = moves[event.key]
    if (target === undefined) return
    event.preventDefault()
    moveTo(target)
  }

  const setRefs = (element: HTMLDivElement | null) => {
    scrollRef.current = element
    if (typeof gridRef === 'function') gridRef(element)
    else if (gridRef) gridRef.current = element
  }

  return (
    <div
      ref={setRefs}
      role="grid"
      aria-labelledby={labelledBy}
      aria-rowcount={members.length + 1}
      aria-colcount={4 + (showActions ? 1 : 0) + (showSelection ? 1 : 0)}
      aria-multiselectable={showSelection || undefined}
      className={`members-grid${isNarrow ? ' members-grid--narrow' : ''}${showActions ? ' members-grid--admin' : ''}${showSelection ? ' members-grid--select' : ''}`}
      onKeyDown={handleKeyDown}
      // Focus that lands on the grid itself (a click on empty space, "Choose a new admin") goes to the active row.
      tabIndex={-1}
      onFocus={(event) => {
        if (event.target === event.currentTarget) moveTo(active)
      }}
    >
      <div role="rowgroup" className="members-grid__head">
        <div role="row" aria-rowindex={1} className="members-grid__row">
          {showSelection && (
            <div role="columnheader" className="members-grid__cell members-grid__cell--select">
              <input
                type="checkbox"
                aria-label="Select every member shown"
                checked={selectedShown > 0 && selectedShown === members.length}
                ref={(input) => {
                  if (input) input.indeterminate = selectedShown > 0 && selectedShown < members.length
                }}
                onChange={(event) => selection.onToggleAll(event.target.checked)}
              />
            </div>
          )}
          {COLUMNS.map((column) => {
            const isSorted = sort === column.key
            const nextDir: SortDirection = isSorted && dir === 'asc' ? 'desc' : 'asc'
            return (
              <div
                key={column.key}
                role="columnheader"
                aria-sort={isSorted ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}
                className={`members-grid__cell members-grid__cell--${column.key}`}
              >
                <button
                  type="button"
                  className="members-grid__sort"
                  // The name stays the column's; aria-sort on the header says how it is sorted.
                  onClick={() => onSort(column.key, nextDir)}
                >
                  {column.label}
                  <span aria-hidden="true" className="members-grid__sort-icon">
                    {isSorted ? (dir === 'asc' ? '▲' : '▼') : '↕'}
                  </span>
                </button>
              </div>
            )
          })}
          {showActions && (
            <div role="columnheader" className="members-grid__cell members-grid__cell--actions">
              Actions
            </div>
          )}
        </div>
      </div>
      <div role="rowgroup" className="members-grid__body" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const member = members[item.index]!
          const isActive = item.index === active
          const tabIndex = isActive ? 0 : -1
          const isSelected = showSelection && selection.selectedIds.has(member.id)
          return (
            <div
              key={member.id}
              role="row"
              aria-rowindex={item.index + 2}
              aria-selected={showSelection ? isSelected : undefined}
              data-member-id={member.id}
              className={`members-grid__row${isActive ? ' is-active' : ''}${member.id === selectedId ? ' is-selected' : ''}`}
              style={{ height: rowHeight, transform: `translateY(${item.start}px)` }}
              onFocus={() => {
                if (!isActive) setActiveIndex(item.index)
              }}
            >
              {showSelection && (
                <div role="gridcell" className="members-grid__cell members-grid__cell--select">
                  <input
                    type="checkbox"
                    aria-label={`Select ${member.email}`}
                    tabIndex={tabIndex}
                    checked={isSelected}
                    onChange={(event) => selection.onToggle(member, event.target.checked)}
                  />
                </div>
              )}
              <div role="gridcell" className="members-grid__cell members-grid__cell--email">
                <Link to={linkTo(member)} data-row-link="" tabIndex={tabIndex} className="members-grid__link">
                  {member.email}
                </Link>
              </div>
              <div role="gridcell" className="members-grid__cell members-grid__cell--name">
                {member.name || <span className="muted">—</span>}
              </div>
              <div role="gridcell" className="members-grid__cell members-grid__cell--surname">
                {member.surname || <span className="muted">—</span>}
              </div>
              <div role="gridcell" className="members-grid__cell members-grid__cell--role">
                <span className={`ui-badge${member.admin ? ' ui-badge--accent' : ''}`}>
                  {member.admin ? 'Admin' : 'Member'}
                </span>
              </div>
              {showActions && (
                <div role="gridcell" className="members-grid__cell members-grid__cell--actions">
                  <MemberRowActions
                    member={member}
                    isOnlyAdmin={member.id === onlyAdminId}
                    guardReasonId={guardReasonId}
                    tabIndex={tabIndex}
                    size="small"
                    {...actions}
                  />
                </div>
              )}
            </div>
          )
        })}
      </div>
    </div>
  )
}
