import { useId } from 'react'
import { AUDIT_ACTIONS, type AuditFilter } from '../lib/audit-trail'

interface AuditToolbarProps {
  personText: string
  onPersonTextChange: (text: string) => void
  filter: AuditFilter
  onFilterChange: (change: Partial<AuditFilter>) => void
  projects: readonly string[]
}

/** Person, project, action and days above the trail; each kept in the address. */
export function AuditToolbar({
  personText,
  onPersonTextChange,
  filter,
  onFilterChange,
  projects,
}: AuditToolbarProps) {
  const ids = {
    person: useId(),
    project: useId(),
    action: useId(),
    from: useId(),
    to: useId(),
    days: useId(),
  }
  const projectChoices =
    filter.project && !projects.includes(filter.project) ? [filter.project, ...projects] : projects
  const daysWrong = filter.from !== '' && filter.to !== '' && filter.from > filter.to
  return (
    <div className="audit-toolbar" role="search" aria-label="Audit trail">
      <div className="audit-toolbar__person">
        <label htmlFor={ids.person} className="ui-field__label">
          Person
        </label>
        <input
          id={ids.person}
          type="search"
          className="ui-input"
          placeholder="E-mail address of who made the change"
          autoComplete="off"
          spellCheck={false}
          value={personText}
          onChange={(event) => onPersonTextChange(event.target.value)}
        />
      </div>
      <div>
        <label htmlFor={ids.project} className="ui-field__label">
          Project
        </label>
        <select
          id={ids.project}
          className="ui-select"
          value={filter.project}
          onChange={(event) => onFilterChange({ project: event.target.value })}
        >
          <option value="">All projects</option>
          {projectChoices.map((project) => (
            <option key={project} value={project}>
              {project}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={ids.action} className="ui-field__label">
          Action
        </label>
        <select
          id={ids.action}
          className="ui-select"
          value={filter.action}
          onChange={(event) => onFilterChange({ action: event.target.value as AuditFilter['action'] })}
        >
          <option value="">All actions</option>
          {AUDIT_ACTIONS.map((action) => (
            <option key={action} value={action}>
              {action}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={ids.from} className="ui-field__label">
          From (UTC day)
        </label>
        <input
          id={ids.from}
          type="date"
          className="ui-input"
          value={filter.from}
          max={filter.to || undefined}
          aria-describedby={daysWrong ? ids.days : undefined}
          aria-invalid={daysWrong || undefined}
          onChange={(event) => onFilterChange({ from: event.target.value })}
        />
      </div>
      <div>
        <label htmlFor={ids.to} className="ui-field__label">
          To (UTC day, included)
        </label>
        <input
          id={ids.to}
          type="date"
          className="ui-input"
          value={filter.to}
          min={filter.from || undefined}
          aria-describedby={daysWrong ? ids.days : undefined}
          aria-invalid={daysWrong || undefined}
          onChange={(event) => onFilterChange({ to: event.target.value })}
        />
      </div>
      {daysWrong && (
        <p id={ids.days} className="ui-field__error audit-toolbar__problem" role="alert">
          The first day is after the last: choose a first day on or before {filter.to}.
        </p>
      )}
    </div>
  )
}
