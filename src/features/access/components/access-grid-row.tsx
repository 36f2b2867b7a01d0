import type { VirtualItem } from '@tanstack/react-virtual'
import { memo } from 'react'
import { Link } from 'react-router'
import { paths } from '../../../lib/paths'
import { roleShortName, type AccessColumn, type AccessRow, type AccessView } from '../lib/access-matrix'

/** What the header row and each member's row both take from the grid. */
export interface AccessGridLineProps {
  organization: string
  columns: readonly AccessColumn[]
  /** the columns drawn (those in view and one beside them), by index into `columns` */
  virtualColumns: readonly VirtualItem[]
  /** the column of the cell in the tab order when it is in this row, else -1 */
  activeColumn: number
  onActivate: (row: number, column: number) => void
}

export interface AccessGridRowProps extends AccessGridLineProps {
  row: AccessRow
  /** 1 for the first member (0 is the header row) */
  rowNumber: number
  cellOf: AccessView['cellOf']
  canEdit: (project: string) => boolean
  isNoRoleKnown: boolean
  onEdit: (row: AccessRow, project: string) => void
  /** px from the top of the rows */
  top: number
}

/**
 * One member's row of the access grid: their email (a link to their panel), badges, and a cell
 * per drawn project column, each placed in its own grid track (the grid's --access-grid-columns)
 * so that the columns not drawn keep their width. Memoized: a row re-renders only when something it shows changes, not when the
 * page does (a keystroke in the search box, another row's focus).
 */
export const AccessGridRow = memo(function AccessGridRow({
  organization,
  row,
  rowNumber,
  columns,
  virtualColumns,
  cellOf,
  canEdit,
  isNoRoleKnown,
  onEdit,
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
      style={{ transform: `translateY(${top}px)` }}
    >
      <div
        role="rowheader"
        aria-colindex={1}
        className="access-grid__cell access-grid__cell--member"
        style={{ gridColumn: 1 }}
      >
        <Link
          to={paths.members(organization, member.id)}
          tabIndex={activeColumn === 0 ? 0 : -1}
          onFocus={() => onActivate(rowNumber, 0)}
          className="access-grid__member ui-truncate"
        >
          {member.email}
        </Link>
        {member.admin && <span className="ui-badge ui-badge--accent">Admin</span>}
        {isFlagged && <span className="ui-badge access-grid__no-role">No role</span>}
      </div>
      {virtualColumns.map(({ index }) => {
        const { project, state } = columns[index]!
        const column = index + 1
        const roles = cellOf(row, project).map((assignment) => assignment.role)
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
          tabIndex: activeColumn === column ? 0 : -1,
          onFocus: () => onActivate(rowNumber, column),
        }
        const isEditable = state === 'ready' && canEdit(project)
        return (
          <div
            key={project}
            role="gridcell"
            aria-colindex={column + 1}
            className={`access-grid__cell${roles.length ? ' has-role' : ''}`}
            style={{ gridColumn: column + 1 }}
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
})
