import { Link, useParams } from 'react-router'
import { UserMenu } from '../../features/auth/components/user-menu'
import { OrganizationSwitcher } from '../../features/organizations/components/organization-switcher'
import { paths } from '../../lib/paths'
import { CommandPalette } from './command-palette'

export function AppHeader() {
  const { name } = useParams()
  return (
    <header className="app-header">
      <div className="app-header__inner">
        <Link to={paths.organizations()} className="app-header__brand">
          <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <circle cx="12" cy="12" r="10" fill="currentColor" opacity="0.15" />
            <circle cx="12" cy="12" r="5" fill="currentColor" />
          </svg>
          <span>UbiOps</span>
        </Link>
        <OrganizationSwitcher current={name} />
        <span className="app-header__spacer" />
        <CommandPalette />
        <UserMenu />
      </div>
    </header>
  )
}
