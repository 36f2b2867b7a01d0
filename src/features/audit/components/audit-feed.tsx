import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef, type KeyboardEvent } from 'react'
import type { AuditEvent } from '../lib/audit-trail'
import { AuditEventBody } from './audit-event-body'

// Fixed heights keep the virtualizer exact (no measuring while scrolling); the CSS uses the same.
const ROW_HEIGHT = 76
/**
 * Ask for more when the last rendered row is this close to the end of what is read: well ahead,
 * since the first pages are short and moving the end of what can show may take a page of every
 * project (their events interleave), so the reading runs ahead of a reader who scrolls quickly.
 */
const LOAD_AHEAD_ROWS = 400

interface AuditFeedProps {
  organization: string
  rows: readonly AuditEvent[]
  labelledBy: string
  /** more may follow: the total is not known yet */
  isComplete: boolean
  isLoadingMore: boolean
  onNearEnd: () => void
}

/**
 * The trail as an ARIA feed that renders only the events in view: one article per event, its
 * sentence, who made it and when, and links to the project and the member it names. Page Down and
 * Page Up move between articles (the feed pattern); each article is in the tab order with its links.
 * Scrolling near the end asks for the next pages.
 */
export function AuditFeed({
  organization,
  rows,
  labelledBy,
  isComplete,
  isLoadingMore,
  onNearEnd,
}: AuditFeedProps) {
  const scrollRef = useRef<HTMLDivElement | null>(null)
  // eslint-disable-next-line react-hooks/incompatible-library -- read fresh on every render; nothing memoizes it
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    initialRect: { width: 1000, height: 600 },
  })
  const items = virtualizer.getVirtualItems()
  const lastShown = items.at(-1)?.index ?? -1
  const isNearEnd = !isComplete && lastShown >= rows.length - LOAD_AHEAD_ROWS

  useEffect(() => {
    if (isNearEnd) onNearEnd()
  }, [isNearEnd, onNearEnd])

  const handleKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const article = (event.target as HTMLElement).closest<HTMLElement>('[data-index]')
    if (!article) return
    const index = Number(article.dataset.index)
    const step = { PageDown: 1, PageUp: -1, Home: -Infinity, End: Infinity }[event.key]
    if (step === undefined || event.target !== article) return
    event.preventDefault()
    const target = Math.max(
      0,
      Math.min(rows.length - 1, Number.isFinite(step) ? index + step : step < 0 ? 0 : rows.length - 1),
    )
    virtualizer.scrollToIndex(target, { align: 'auto' })
    requestAnimationFrame(() =>
      scrollRef.current?.querySelector<HTMLElement>(`[data-index="${target}"]`)?.focus(),
    )
  }

  return (
    <div
      ref={scrollRef}
      role="feed"
      aria-labelledby={labelledBy}
      aria-busy={isLoadingMore}
      className="audit-feed scroll-box"
      onKeyDown={handleKeyDown}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((item) => {
          const row = rows[item.index]!
          const sentenceId = `audit-${row.id}`
          return (
            <article
              key={row.id}
              data-index={item.index}
              tabIndex={0}
              aria-posinset={item.index + 1}
              aria-setsize={isComplete ? rows.length : -1}
              aria-labelledby={sentenceId}
              className={`audit-event audit-event--${row.action}`}
              style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
            >
              <AuditEventBody organization={organization} event={row} sentenceId={sentenceId} />
            </article>
          )
        })}
      </div>
    </div>
  )
}
