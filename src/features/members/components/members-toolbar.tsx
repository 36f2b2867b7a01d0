import { useId, type Ref } from 'react'
import { ROLE_FILTERS, type RoleFilter } from '../lib/member-list'

const ROLE_LABELS: Record<RoleFilter, string> = { all: 'All roles', admin: 'Admins', member: 'Members' }

interface MembersToolbarProps {
  searchText: string
  onSearchTextChange: (text: string) => void
  role: RoleFilter
  onRoleChange: (role: RoleFilter) => void
  searchRef: Ref<HTMLInputElement>
  /** "12 of 10,000 members": announced politely once the list has caught up with the typing */
  resultSummary: string
}

/** Search (email or name) and the role filter above the list. */
export function MembersToolbar({
  searchText,
  onSearchTextChange,
  role,
  onRoleChange,
  searchRef,
  resultSummary,
}: MembersToolbarProps) {
  const searchId = useId()
  const roleId = useId()
  return (
    <div className="members-toolbar" role="search" aria-label="Members">
      <div className="members-toolbar__search">
        <label htmlFor={searchId} className="ui-field__label">
          Search{' '}
          <span className="muted members-toolbar__hint">
            (press <kbd>/</kbd>)
          </span>
        </label>
        <input
          ref={searchRef}
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
      <div className="members-toolbar__role">
        <label htmlFor={roleId} className="ui-field__label">
          Role
        </label>
        <select
          id={roleId}
          className="ui-select"
          value={role}
          onChange={(event) => onRoleChange(event.target.value as RoleFilter)}
        >
          {ROLE_FILTERS.map((value) => (
            <option key={value} value={value}>
              {ROLE_LABELS[value]}
            </option>
          ))}
        </select>
      </div>
      <p className="members-toolbar__count muted" role="status">
        {resultSummary}
      </p>
    </div>
  )
}
