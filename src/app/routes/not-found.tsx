import { useLocation } from 'react-router'
import { ButtonLink } from '../../components/ui/button'
import { paths } from '../../lib/paths'

export default function NotFoundRoute() {
  const { pathname } = useLocation()
  return (
    <div className="ui-state">
      <title>Page not found · UbiOps</title>
      <h1>Page not found</h1>
      <p>
        Nothing lives at <code>{pathname}</code>. The link may be mistyped or out of date.
      </p>
      <ButtonLink to={paths.organizations()} variant="primary">
        See your organizations
      </ButtonLink>
    </div>
  )
}
