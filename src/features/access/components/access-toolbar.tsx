import { useId } from 'react'
import { PROJECT_ROLES } from '../../../../domain/project'
import { NO_ROLE, type AccessFilter } from '../lib/access-matrix'

interface AccessToolbarProps {
  searchText: string
  onSearchTextChange: (text: string) => void
  filter: AccessFilter
  onFilterChange: (change: Partial<AccessFilter>) => void
  projects: readonly string[]
  /** "12 of 10,000 members": follows each keystroke at once (the grid follows at low priority), announced politely */
  resultSummary: string
}

/** Search (email or name), project and role above the matrix; each kept in the address. */
export function AccessToolbar({
  searchText,
  onSearchTextChange,
  filter,
  onFilterChange,
  projects,
  resultSummary,
}: AccessToolbarProps) {
  const searchId = useId()
  const projectId = useId()
  const roleId = useId()
  // A project named in the address that is not (or no longer) one of the organization's still shows.
  const projectChoices =
    filter.project && !projects.includes(filter.project) ? [filter.project, ...projects] : projects
  return (
    <div className="access-toolbar" role="search" aria-label="Access">
      <div className="access-toolbar__search">
        <label htmlFor={searchId} className="ui-field__label">
          Search members
        </label>
        <input
          id={searchId}
          type="search"
          className="ui-input"
          placeholder="Email or name"
          autoComplete="off"
          spellCheck={false}
          value={searchText}
          onChange={(event) => onSearchTextChange(event.target.value)}
        />
      </div>
      <div>
        <label htmlFor={projectId} className="ui-field__label">
          Project
        </label>
        <select
          id={projectId}
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
        <label htmlFor={roleId} className="ui-field__label">
          Role
        </label>
        <select
          id={roleId}
          className="ui-select"
          value={filter.role}
          onChange={(event) => onFilterChange({ role: event.target.value })}
        >
          <option value="">Any role or none</option>
          {PROJECT_ROLES.map((role) => (
            <option key={role} value={role}>
              {role}
            </option>
          ))}
          <option value={NO_ROLE}>No role anywhere</option>
        </select>
      </div>
      <p className="access-toolbar__count muted" role="status">
        {resultSummary}
      </p>
    </div>
  )
}
