import { useEffect, type RefObject } from 'react'

/** Whether a sideways scroller hides content before (left) or after (right) what it shows. */
export interface ScrollEdges {
  hasMoreBefore: boolean
  hasMoreAfter: boolean
}

/** Less than a pixel of hidden content is rounding (zoom, fractional widths), not more content. */
const SLACK_PX = 1

/** The edges of `element` as they are now (a left-to-right scroller). */
export function scrollEdgesOf(
  element: Pick<HTMLElement, 'scrollLeft' | 'scrollWidth' | 'clientWidth'>,
): ScrollEdges {
  const before = Math.abs(element.scrollLeft)
  return {
    hasMoreBefore: before > SLACK_PX,
    hasMoreAfter: element.scrollWidth - element.clientWidth - before > SLACK_PX,
  }
}

/**
 * Marks the sideways scroller in `ref` with `data-more-before` / `data-more-after` while it hides
 * content at either end (the organization tabs fade there on a phone). Updated on scroll and on any
 * change of its size or of its children's sizes (ResizeObserver); `contentKey` names what it holds,
 * so that children added or removed are observed too. The marks are written on the element, not
 * kept in React state: they are decoration, and a re-render of the frame for them, landing while a
 * navigation's page is still loading (renaming the organization), cost the page its focus and form.
 */
export function useScrollEdgeMarks(ref: RefObject<HTMLElement | null>, contentKey?: string): void {
  useEffect(() => {
    const element = ref.current
    if (!element) return
    const update = () => {
      const { hasMoreBefore, hasMoreAfter } = scrollEdgesOf(element)
      for (const [name, isMore] of [
        ['data-more-before', hasMoreBefore],
        ['data-more-after', hasMoreAfter],
      ] as const)
        if (isMore) element.setAttribute(name, 'true')
        else element.removeAttribute(name)
    }
    update()
    element.addEventListener('scroll', update, { passive: true })
    // Every browser the dashboard runs in has ResizeObserver; a DOM without one (jsdom in the
    // unit tests) still follows scrolling.
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(update) : null
    observer?.observe(element)
    for (const child of element.children) observer?.observe(child)
    return () => {
      element.removeEventListener('scroll', update)
      observer?.disconnect()
    }
  }, [ref, contentKey])
}

/**
 * Scrolls `container` sideways, and only it (never the page), so that `item` is wholly in view:
 * centred when it was partly or wholly out of view, left alone when already in view.
 */
export function scrollIntoViewWithin(container: HTMLElement, item: HTMLElement): void {
  const box = container.getBoundingClientRect()
  const itemBox = item.getBoundingClientRect()
  if (itemBox.left >= box.left - SLACK_PX && itemBox.right <= box.right + SLACK_PX) return
  const itemStart = itemBox.left - box.left + container.scrollLeft
  container.scrollLeft = itemStart - (container.clientWidth - itemBox.width) / 2
}
