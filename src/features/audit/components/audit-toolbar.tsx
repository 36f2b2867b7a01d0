import { useId } from 'react'
import { TextField } from '../../../components/ui/field'
import { FilterSelect, ProjectFilter, SearchField } from '../../../components/ui/filter-fields'
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
  const problemId = useId()
  const daysWrong = filter.from !== '' && filter.to !== '' && filter.from > filter.to
  // The two ends of the days shown: each bounded by the other, both marked while they cross.
  const days = [
    { key: 'from', label: 'From (UTC day)', bounds: { max: filter.to || undefined } },
    { key: 'to', label: 'To (UTC day, included)', bounds: { min: filter.from || undefined } },
  ] as const
  return (
    <div className="list-toolbar" role="search" aria-label="Audit trail">
      <SearchField
        label="Person"
        className="list-toolbar__search"
        placeholder="E-mail address of who made the change"
        value={personText}
        onTextChange={onPersonTextChange}
      />
      <ProjectFilter
        projects={projects}
        value={filter.project}
        onChange={(project) => onFilterChange({ project })}
      />
      <FilterSelect
        label="Action"
        anyLabel="All actions"
        choices={AUDIT_ACTIONS}
        value={filter.action}
        onChange={(action) => onFilterChange({ action })}
      />
      {days.map(({ key, label, bounds }) => (
        <TextField
          key={key}
          label={label}
          type="date"
          value={filter[key]}
          {...bounds}
          describedBy={daysWrong ? problemId : undefined}
          invalid={daysWrong}
          onChange={(event) => onFilterChange({ [key]: event.target.value })}
        />
      ))}
      {daysWrong && (
        <p id={problemId} className="ui-field__error list-toolbar__problem" role="alert">
          The first day is after the last: choose a first day on or before {filter.to}.
        </p>
      )}
    </div>
  )
}
