import { useQuery } from '@tanstack/react-query'
import { Button } from '../../../components/ui/button'
import { userQueries } from '../queries'
import { useSignOut } from '../hooks/use-sign-out'

/** Who is signed in (GET /user), and the way out. */
export function UserMenu() {
  const me = useQuery(userQueries.me())
  const signOut = useSignOut()
  const fullName = me.data ? [me.data.name, me.data.surname].filter(Boolean).join(' ') : ''
  return (
    <div className="row user-menu">
      {me.data && (
        <p className="user-menu__who" title={me.data.email}>
          <span className="user-menu__prefix">Signed in as </span>
          <strong>{fullName || me.data.email}</strong>
          {me.data.staff && <span className="ui-badge ui-badge--accent user-menu__staff">Staff</span>}
        </p>
      )}
      <Button size="small" onClick={() => void signOut()}>
        Sign out
      </Button>
    </div>
  )
}
