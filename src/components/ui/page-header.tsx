import type { ReactNode } from 'react'

/**
 * The top of a page: its <h1>, an optional line under it and the page's actions on the right
 * (they wrap under the title on phones). Props: title, description?, actions?, headingId?.
 */
export function PageHeader({
  title,
  description,
  actions,
  headingId,
}: {
  title: ReactNode
  description?: ReactNode
  actions?: ReactNode
  headingId?: string
}) {
  return (
    <div className="ui-page-header">
      <div className="ui-page-header__text">
        <h1 id={headingId} className="ui-page-header__title">
          {title}
        </h1>
        {description && <p className="muted">{description}</p>}
      </div>
      {actions && <div className="row">{actions}</div>}
    </div>
  )
}
