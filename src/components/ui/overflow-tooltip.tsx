import { useEffect, useId, useLayoutEffect, useRef, useState, type RefObject } from 'react'

/** The class of text cut off with an ellipsis when its box is too narrow (components.css). */
export const TRUNCATE_CLASS = 'ui-truncate'

/** Room kept between the tooltip and the text, and the edges of the window (px). */
const GAP_PX = 6
const EDGE_PX = 8

/** The element of `target` whose text is cut off: itself, an ancestor or (for a focused cell) inside it. */
function truncatedAt(target: EventTarget | null): HTMLElement | null {
  if (!(target instanceof Element)) return null
  const element =
    target.closest<HTMLElement>(`.${TRUNCATE_CLASS}`) ??
    target.querySelector<HTMLElement>(`.${TRUNCATE_CLASS}`)
  return element && element.scrollWidth > element.clientWidth ? element : null
}

/**
 * The whole text of anything cut off with an ellipsis (class `ui-truncate`) inside `containerRef`,
 * in a tooltip while the pointer is on it or the keyboard's focus is on it or its cell. It
 * follows WCAG 1.4.13 (content on hover or focus): Escape hides it without moving the focus, the
 * pointer may move onto it, and it stays until the pointer or the focus leaves. Screen readers
 * already read the whole text (only its drawing is cut), so the tooltip is for the eyes alone.
 * One set of listeners per container, none per element: a grid of 10,000 rows pays nothing per
 * row. Rendered outside the scrolling box (fixed to the window), so the box does not clip it;
 * a scroll of the box hides it.
 */
export function OverflowTooltip({ containerRef }: { containerRef: RefObject<HTMLElement | null> }) {
  const id = useId()
  const [anchor, setAnchor] = useState<HTMLElement | null>(null)
  const tipRef = useRef<HTMLDivElement | null>(null)

  useEffect(() => {
    const container = containerRef.current
    if (!container) return
    const show = (event: Event) => setAnchor(truncatedAt(event.target))
    const hide = () => setAnchor(null)
    const leave = (event: MouseEvent) => {
      // Onto the tooltip itself or within the same text: it stays.
      const to = event.relatedTarget
      if (
        to instanceof Node &&
        (tipRef.current?.contains(to) || truncatedAt(to) === truncatedAt(event.target))
      )
        return
      hide()
    }
    const escape = (event: KeyboardEvent) => {
      if (event.key === 'Escape') hide()
    }
    container.addEventListener('mouseover', show)
    container.addEventListener('mouseout', leave)
    container.addEventListener('focusin', show)
    container.addEventListener('focusout', hide)
    container.addEventListener('scroll', hide, { passive: true })
    document.addEventListener('keydown', escape)
    return () => {
      container.removeEventListener('mouseover', show)
      container.removeEventListener('mouseout', leave)
      container.removeEventListener('focusin', show)
      container.removeEventListener('focusout', hide)
      container.removeEventListener('scroll', hide)
      document.removeEventListener('keydown', escape)
    }
  }, [containerRef])

  // Under the text (above it when there is no room below), kept inside the window.
  useLayoutEffect(() => {
    const tip = tipRef.current
    if (!tip || !anchor) return
    const box = anchor.getBoundingClientRect()
    const { width, height } = tip.getBoundingClientRect()
    const below = box.bottom + GAP_PX
    tip.style.top = `${below + height > window.innerHeight - EDGE_PX ? box.top - GAP_PX - height : below}px`
    tip.style.left = `${Math.max(EDGE_PX, Math.min(box.left, window.innerWidth - EDGE_PX - width))}px`
  }, [anchor])

  if (!anchor) return null
  return (
    <div
      ref={tipRef}
      id={id}
      role="tooltip"
      className="ui-tooltip"
      onMouseLeave={(event) => {
        if (!(event.relatedTarget instanceof Node && anchor.contains(event.relatedTarget))) setAnchor(null)
      }}
    >
      {anchor.textContent}
    </div>
  )
}
