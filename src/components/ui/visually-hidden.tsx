import type { ComponentPropsWithoutRef } from 'react'

/** Text for screen readers only (e.g. a label for an icon-only button). Props: those of <span>. */
export function VisuallyHidden(props: ComponentPropsWithoutRef<'span'>) {
  return <span {...props} className="visually-hidden" />
}
