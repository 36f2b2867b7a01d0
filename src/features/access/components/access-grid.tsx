import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual'
import {
  memo,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
} from 'react'
import type { AccessRow, AccessView } from '../lib/access-matrix'
import { OverflowTooltip } from '../../../components/ui/overflow-tooltip'
import { AccessGridHeader } from './access-grid-header'
import { AccessGridRow } from './access-grid-row'

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
  /** whether the viewer may change roles in this project: only then does its cells' button show */
  canEdit: (project: string) => boolean
  /** the flag of members without any role is known (every project's roles are in and readable) */
  isNoRoleKnown: boolean
  onEdit: (row: AccessRow, project: string) => void
  labelledBy: string
}

/** The element of a cell in the tab order: the cell itself, or its link or button. */
function focusTargetOf(grid: HTMLElement | null, { row, column }: Position): HTMLElement | null {
  const cell = grid?.querySelector<HTMLElement>(
    `[aria-rowindex="${row + 1}"] > [aria-colindex="${column + 1}"]`,
  )
  return cell?.hasAttribute('tabindex') ? cell : (cell?.querySelector<HTMLElement>('a, button') ?? null)
}

/** The virtualizer's range with `index` in it: the cell in the tab order is always drawn. */
const rangeWith = (index: number) => (range: Range) => {
  const indexes = defaultRangeExtractor(range)
  if (index < 0 || index >= range.count || indexes.includes(index)) return indexes
  return [...indexes, index].sort((a, b) => a - b)
}

/** The root element's rem in px (the columns' widths are in rem, the virtualizer counts px). */
const remInPx = () => parseFloat(getComputedStyle(document.documentElement).fontSize) || 16

/**
 * Members × projects as an ARIA grid (the WAI-ARIA grid pattern): only the rows and the project
 * columns in view are rendered (and the cell in the tab order), so 10,000 members × 40 projects
 * scroll and filter as quickly as 10 × 4. One cell is in the tab order at a time; arrow keys move
 * between cells, Home/End to the row's ends, Ctrl+Home/End to the grid's corners, Page Up/Down by
 * a screen; Enter or Space on a cell the viewer may edit opens its editor. Memoized: the page
 * hands it a deferred view, so a keystroke renders the search box and count first and the grid
 * once, at low priority.
 */
export const AccessGrid = memo(function AccessGrid({
  organization,
  view,
  canEdit,
  isNoRoleKnown,
  onEdit,
  labelledBy,
}: AccessGridProps) {
  const scrollRef = useRef<HTMLDivElement | null>(null)
  const [activeCell, setActiveCell] = useState<Position>({ row: 1, column: 0 })
  // Set by a key that moves the focus; the cell is focused once it is drawn (it may be scrolled to first).
  const focusPending = useRef(false)
  const [, setFocusRequest] = useState(0)
  const [rem] = useState(remInPx)
  const rowCount = view.rows.length
  const columnCount = view.columns.length + 1
  const active = {
    row: Math.max(0, Math.min(activeCell.row, rowCount)),
    column: Math.max(0, Math.min(activeCell.column, columnCount - 1)),
  }

  // The same extractor while the active cell stays: the virtualizers keep their drawn ranges (and
  // arrays) between renders only when their options do.
  const rowRange = useMemo(() => rangeWith(active.row - 1), [active.row])
  const columnRange = useMemo(() => rangeWith(active.column - 1), [active.column])

  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 3,
    // The header row sits above the rows, inside the same scrolling box.
    scrollPaddingStart: ROW_HEIGHT,
    initialRect: { width: 1000, height: 600 },
    rangeExtractor: rowRange,
  })
  const columnVirtualizer = useVirtualizer({
    horizontal: true,
    count: view.columns.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => PROJECT_COLUMN_REM * rem,
    overscan: 1,
    // The member column stays put at the left, inside the same scrolling box.
    paddingStart: MEMBER_COLUMN_REM * rem,
    scrollPaddingStart: MEMBER_COLUMN_REM * rem,
    initialRect: { width: 1000, height: 600 },
    rangeExtractor: columnRange,
  })
  const virtualColumns = columnVirtualizer.getVirtualItems()

  useEffect(() => {
    if (!focusPending.current) return
    const cell = focusTargetOf(scrollRef.current, active)
    if (!cell) return
    focusPending.current = false
    cell.focus()
  })

  const moveTo = (row: number, column: number) => {
    const next = {
      row: Math.max(0, Math.min(row, rowCount)),
      column: Math.max(0, Math.min(column, columnCount - 1)),
    }
    setActiveCell(next)
    if (next.row > 0) virtualizer.scrollToIndex(next.row - 1, { align: 'auto' })
    if (next.column > 0) columnVirtualizer.scrollToIndex(next.column - 1, { align: 'auto' })
    focusPending.current = true
    setFocusRequest((request) => request + 1)
  }
  const handleActivate = useCallback((row: number, column: number) => setActiveCell({ row, column }), [])

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

  return (
    <>
      <div
        ref={scrollRef}
        role="grid"
        aria-labelledby={labelledBy}
        aria-rowcount={rowCount + 1}
        aria-colcount={columnCount}
        className="access-grid scroll-box"
        // Every row's tracks, set once here rather than on each row (access.css reads it).
        style={{ '--access-grid-columns': template } as CSSProperties}
        onKeyDown={handleKeyDown}
        tabIndex={-1}
        onFocus={(event) => {
          if (event.target === event.currentTarget) moveTo(active.row, active.column)
        }}
      >
        <AccessGridHeader
          organization={organization}
          columns={view.columns}
          virtualColumns={virtualColumns}
          width={width}
          activeColumn={active.row === 0 ? active.column : -1}
          onActivate={handleActivate}
        />
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
                // By position, as the active cell is: a new search shows other members in the same
                // rows, whose elements are then updated in place rather than removed and made anew.
                key={item.index}
                organization={organization}
                row={row}
                rowNumber={rowNumber}
                columns={view.columns}
                virtualColumns={virtualColumns}
                cellOf={view.cellOf}
                canEdit={canEdit}
                isNoRoleKnown={isNoRoleKnown}
                onEdit={onEdit}
                top={item.start}
                activeColumn={rowNumber === active.row ? active.column : -1}
                onActivate={handleActivate}
              />
            )
          })}
        </div>
      </div>
      <OverflowTooltip containerRef={scrollRef} />
    </>
  )
})
