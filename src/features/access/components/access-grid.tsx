import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { Link } from 'react-router'
import { paths } from '../../../lib/paths'
import type { ColumnState } from '../hooks/use-access-data'
import { roleShortName, type AccessRow, type AccessView } from '../lib/access-matrix'

// Fixed sizes keep the virtualizer exact (no measuring on scroll); access.css uses the same values.
const ROW_HEIGHT = 44
const MEMBER_COLUMN_REM = 17
const PROJECT_COLUMN_REM = 8.5

/** A cell of the grid by row (0: the header) and column (0: the member). */
interface Position {
  row: number
  column: number
}

export interface AccessGridProps {
  organization: string
  view: AccessView
  columnStates: ReadonlyMap<string, ColumnState>
  /** whether the viewer may change roles in this project: only then does its cells' button show */
  canEdit: (project: string) => boolean
  /** the flag of members without any role is known (every project's roles are in and readable) */
  isNoRoleKnown: boolean
  onEdit: (row: AccessRow, project: string) => void
  labelledBy: string
}

const cellFocusSelector = (position: Position) =>
  `[data-row="${position.row}"][data-column="${position.column}"]`

/**
 * Members × projects as an ARIA grid (the WAI-ARIA grid pattern): only the rows in view are
 * rendered, so 10,000 members scroll as smoothly as 10. One cell is in the tab order at a time;
 * arrow keys move between cells, Home/End to the row's ends, Ctrl+Home/End to the grid's corners,
 * Page Up/Down by a screen; Enter or Space on a cell the viewer may edit opens its editor.
 */
export function AccessGrid({
  organization,
  view,
  columnStates,
  canEdit,
  isNoRoleKnown,
  onEdit,
  labelledBy,
}: AccessGridProps) {
  const scrollRef = useRef<HTMLDivElement | null>(null)
  const [activeCell, setActiveCell] = useState<Position>({ row: 1, column: 0 })
  const [focusRequest, setFocusRequest] = useState(0)
  const rowCount = view.rows.length
  const columnCount = view.columns.length + 1
  const active = {
    row: Math.max(0, Math.min(activeCell.row, rowCount)),
    column: Math.max(0, Math.min(activeCell.column, columnCount - 1)),
  }

  // eslint-disable-next-line react-hooks/incompatible-library -- read fresh on every render; nothing memoizes it
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 4,
    // The header row sits above the rows, inside the same scrolling box.
    scrollPaddingStart: ROW_HEIGHT,
    initialRect: { width: 1000, height: 600 },
  })

  useEffect(() => {
    if (focusRequest === 0) return
    scrollRef.current?.querySelector<HTMLElement>(cellFocusSelector(active))?.focus()
  }, [focusRequest, active.row, active.column]) // eslint-disable-line react-hooks/exhaustive-deps

  const moveTo = (row: number, column: number) => {
    const next = {
      row: Math.max(0, Math.min(row, rowCount)),
      column: Math.max(0, Math.min(column, columnCount - 1)),
    }
    setActiveCell(next)
    if (next.row > 0) virtualizer.scrollToIndex(next.row - 1, { align: 'auto' })
    setFocusRequest((request) => request + 1)
  }

  const handleKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.metaKey) return
    const pageSize = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 480) / ROW_HEIGHT) - 2)
    const { row, column } = active
    const moves: Record<string, [number, number] | undefined> = {
      ArrowDown: [row + 1, column],
      ArrowUp: [row - 1, column],
      ArrowRight: [row, column + 1],
      ArrowLeft: [row, column - 1],
      PageDown: [row + pageSize, column],
      PageUp: [row - pageSize, column],
      Home: event.ctrlKey ? [1, 0] : [row, 0],
      End: event.ctrlKey ? [rowCount, columnCount - 1] : [row, columnCount - 1],
    }
    const target = event.ctrlKey && !['Home', 'End'].includes(event.key) ? undefined : moves[event.key]
    if (!target) return
    event.preventDefault()
    moveTo(target[0], target[1])
  }

  const template = `${MEMBER_COLUMN_REM}rem repeat(${view.columns.length}, ${PROJECT_COLUMN_REM}rem)`
  const width = `${MEMBER_COLUMN_REM + PROJECT_COLUMN_REM * view.columns.length}rem`
  const tabIndexOf = (row: number, column: number) =>
    row === active.row && column === active.column ? 0 : -1

  return (
    <div
      ref={scrollRef}
      role="grid"
      aria-labelledby={labelledBy}
      aria-rowcount={rowCount + 1}
      aria-colcount={columnCount}
      className="access-grid"
      onKeyDown={handleKeyDown}
      tabIndex={-1}
      onFocus={(event) => {
        if (event.target === event.currentTarget) moveTo(active.row, active.column)
      }}
    >
      <div role="rowgroup" className="access-grid__head" style={{ width }}>
        <div
          role="row"
          aria-rowindex={1}
          className="access-grid__row"
          style={{ gridTemplateColumns: template }}
        >
          <div
            role="columnheader"
            aria-colindex={1}
            className="access-grid__cell access-grid__cell--member"
            data-row={0}
            data-column={0}
            tabIndex={tabIndexOf(0, 0)}
            onFocus={() => setActiveCell({ row: 0, column: 0 })}
          >
            Member
          </div>
          {view.columns.map((column, index) => {
            const state = columnStates.get(column.project)
            const isFlagged = state === 'ready' && column.lacksProjectAdmin
            return (
              <div
                key={column.project}
                role="columnheader"
                aria-colindex={index + 2}
                className={`access-grid__cell access-grid__cell--project${isFlagged ? ' is-flagged' : ''}`}
                data-row={0}
                data-column={index + 1}
                tabIndex={tabIndexOf(0, index + 1)}
                onFocus={() => setActiveCell({ row: 0, column: index + 1 })}
                title={column.project}
              >
                <Link
                  to={paths.project(organization, column.project)}
                  tabIndex={-1}
                  className="access-grid__project"
                >
                  {column.project}
                </Link>
                {isFlagged && (
                  <span className="access-grid__flag">
                    <span aria-hidden="true">⚑ </span>no own admin
                  </span>
                )}
                {state === 'hidden' && <span className="access-grid__flag muted">roles not shown</span>}
                {state === 'failed' && <span className="access-grid__flag ui-field__error">not loaded</span>}
              </div>
            )
          })}
        </div>
      </div>
      <div
        role="rowgroup"
        className="access-grid__body"
        style={{ height: virtualizer.getTotalSize(), width }}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const row = view.rows[item.index]!
          const rowNumber = item.index + 1
          return (
            <AccessGridRow
              key={row.member.id}
              organization={organization}
              row={row}
              rowNumber={rowNumber}
              view={view}
              columnStates={columnStates}
              canEdit={canEdit}
              isNoRoleKnown={isNoRoleKnown}
              onEdit={onEdit}
              template={template}
              top={item.start}
              activeColumn={rowNumber === active.row ? active.column : -1}
              onActivate={(column) => setActiveCell({ row: rowNumber, column })}
            />
          )
        })}
      </div>
    </div>
  )
}

interface AccessGridRowProps {
  organization: string
  row: AccessRow
  rowNumber: number
  view: AccessView
  columnStates: ReadonlyMap<string, ColumnState>
  canEdit: (project: string) => boolean
  isNoRoleKnown: boolean
  onEdit: (row: AccessRow, project: string) => void
  template: string
  top: number
  /** the column of the cell in the tab order when it is in this row, else -1 */
  activeColumn: number
  onActivate: (column: number) => void
}

function AccessGridRow({
  organization,
  row,
  rowNumber,
  view,
  columnStates,
  canEdit,
  isNoRoleKnown,
  onEdit,
  template,
  top,
  activeColumn,
  onActivate,
}: AccessGridRowProps) {
  const { member } = row
  const isFlagged = isNoRoleKnown && row.hasNoRole
  return (
    <div
      role="row"
      aria-rowindex={rowNumber + 1}
      className={`access-grid__row${isFlagged ? ' is-flagged' : ''}`}
      style={{ gridTemplateColumns: template, transform: `translateY(${top}px)` }}
    >
      <div role="rowheader" aria-colindex={1} className="access-grid__cell access-grid__cell--member">
        <Link
          to={paths.members(organization, member.id)}
          data-row={rowNumber}
          data-column={0}
          tabIndex={activeColumn === 0 ? 0 : -1}
          onFocus={() => onActivate(0)}
          className="access-grid__member"
        >
          {member.email}
        </Link>
        {member.admin && <span className="ui-badge ui-badge--accent">Admin</span>}
        {isFlagged && <span className="ui-badge access-grid__no-role">No role</span>}
      </div>
      {view.columns.map(({ project }, index) => {
        const column = index + 1
        const state = columnStates.get(project)
        const roles = view.cellOf(row, project).map((assignment) => assignment.role)
        const text = state === 'ready' ? roles.map(roleShortName).join(', ') : state === 'loading' ? '…' : '—'
        const description =
          state === 'ready'
            ? roles.length
              ? roles.join(', ')
              : 'no role'
            : state === 'loading'
              ? 'loading'
              : 'not shown'
        const focus = {
          'data-row': rowNumber,
          'data-column': column,
          tabIndex: activeColumn === column ? 0 : -1,
          onFocus: () => onActivate(column),
        }
        const isEditable = state === 'ready' && canEdit(project)
        return (
          <div
            key={project}
            role="gridcell"
            aria-colindex={column + 1}
            className={`access-grid__cell${roles.length ? ' has-role' : ''}`}
            {...(isEditable ? {} : { ...focus, 'aria-label': `${project}: ${description}` })}
          >
            {isEditable ? (
              <button
                type="button"
                className="access-grid__edit"
                aria-label={`Roles of ${member.email} in ${project}: ${description}. Change`}
                onClick={() => onEdit(row, project)}
                {...focus}
              >
                {text || <span className="muted">–</span>}
              </button>
            ) : (
              text
            )}
          </div>
        )
      })}
    </div>
  )
}
