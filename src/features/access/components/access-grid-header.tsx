import type { VirtualItem } from '@tanstack/react-virtual'
import { memo } from 'react'
import { Link } from 'react-router'
import { paths } from '../../../lib/paths'
import type { ColumnState } from '../hooks/use-access-data'
import type { AccessColumn } from '../lib/access-matrix'

export interface AccessGridHeaderProps {
  organization: string
  columns: readonly AccessColumn[]
  /** the columns drawn, by index into `columns` */
  virtualColumns: readonly VirtualItem[]
  columnStates: ReadonlyMap<string, ColumnState>
  template: string
  /** the grid's full width (CSS length), so that the sticky header scrolls sideways with the rows */
  width: string
  /** the column of the cell in the tab order when it is in the header row, else -1 */
  activeColumn: number
  onActivate: (row: number, column: number) => void
}

/**
 * The access grid's header row: "Member" and each drawn project's name (a link to the project)
 * with its flag. Memoized on its columns, so typing in the search box or moving between the
 * members' cells does not render it again.
 */
export const AccessGridHeader = memo(function AccessGridHeader({
  organization,
  columns,
  virtualColumns,
  columnStates,
  template,
  width,
  activeColumn,
  onActivate,
}: AccessGridHeaderProps) {
  return (
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
          style={{ gridColumn: 1 }}
          data-row={0}
          data-column={0}
          tabIndex={activeColumn === 0 ? 0 : -1}
          onFocus={() => onActivate(0, 0)}
        >
          Member
        </div>
        {virtualColumns.map(({ index }) => {
          const column = columns[index]!
          const state = columnStates.get(column.project)
          const isFlagged = state === 'ready' && column.lacksProjectAdmin
          return (
            <div
              key={column.project}
              role="columnheader"
              aria-colindex={index + 2}
              className={`access-grid__cell access-grid__cell--project${isFlagged ? ' is-flagged' : ''}`}
              style={{ gridColumn: index + 2 }}
              data-row={0}
              data-column={index + 1}
              tabIndex={activeColumn === index + 1 ? 0 : -1}
              onFocus={() => onActivate(0, index + 1)}
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
  )
})
