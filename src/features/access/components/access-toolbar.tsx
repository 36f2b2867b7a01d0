import { PROJECT_ROLES } from '../../../../domain/project'
import { FilterSelect, ProjectFilter, SearchField } from '../../../components/ui/filter-fields'
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

const ROLE_CHOICES = [...PROJECT_ROLES, { value: NO_ROLE, label: 'No role anywhere' }]

/** Search (email or name), project and role above the matrix; each kept in the address. */
export function AccessToolbar({
  searchText,
  onSearchTextChange,
  filter,
  onFilterChange,
  projects,
  resultSummary,
}: AccessToolbarProps) {
  return (
    <div className="list-toolbar" role="search" aria-label="Access">
      <SearchField
        label="Search members"
        className="list-toolbar__search"
        placeholder="Email or name"
        value={searchText}
        onTextChange={onSearchTextChange}
      />
      <ProjectFilter
        projects={projects}
        value={filter.project}
        onChange={(project) => onFilterChange({ project })}
      />
      <FilterSelect
        label="Role"
        anyLabel="Any role or none"
        choices={ROLE_CHOICES}
        value={filter.role}
        onChange={(role) => onFilterChange({ role })}
      />
      <p className="list-toolbar__count muted" role="status">
        {resultSummary}
      </p>
    </div>
  )
}
