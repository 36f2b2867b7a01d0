import { memo } from 'react'
import { Link } from 'react-router'
import { paths } from '../../../lib/paths'
import type { AccessGridLineProps } from './access-grid-row'

export interface AccessGridHeaderProps extends AccessGridLineProps {
  /** the grid's full width (CSS length), so that the sticky header scrolls sideways with the rows */
  width: string
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
  width,
  activeColumn,
  onActivate,
}: AccessGridHeaderProps) {
  return (
    <div role="rowgroup" className="access-grid__head" style={{ width }}>
      <div role="row" aria-rowindex={1} className="access-grid__row">
        <div
          role="columnheader"
          aria-colindex={1}
          className="access-grid__cell access-grid__cell--member"
          style={{ gridColumn: 1 }}
          tabIndex={activeColumn === 0 ? 0 : -1}
          onFocus={() => onActivate(0, 0)}
        >
          Member
        </div>
        {virtualColumns.map(({ index }) => {
          const column = columns[index]!
          const { state, lacksProjectAdmin: isFlagged } = column
          return (
            <div
              key={column.project}
              role="columnheader"
              aria-colindex={index + 2}
              className={`access-grid__cell access-grid__cell--project${isFlagged ? ' is-flagged' : ''}`}
              style={{ gridColumn: index + 2 }}
              tabIndex={activeColumn === index + 1 ? 0 : -1}
              onFocus={() => onActivate(0, index + 1)}
            >
              <Link
                to={paths.project(organization, column.project)}
                tabIndex={-1}
                className="access-grid__project ui-truncate"
              >
                {column.project}
              </Link>
              {isFlagged && (
                <span className="access-grid__flag">
                  <span aria-hidden="true">⚑ </span>no own admin
                </span>
              )}
              {state === 'loading' && <span className="access-grid__flag muted">loading roles…</span>}
              {state === 'hidden' && <span className="access-grid__flag muted">roles not shown</span>}
              {state === 'failed' && <span className="access-grid__flag ui-field__error">not loaded</span>}
            </div>
          )
        })}
      </div>
    </div>
  )
})
