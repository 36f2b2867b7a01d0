import { ButtonLink } from '../../../components/ui/button'
import { paths } from '../../../lib/paths'

/** An organization that does not exist, or that the caller is not a member of (the API says 404 to both). */
export function OrganizationNotFound({ name }: { name: string }) {
  return (
    <div className="ui-state">
      <title>Organization not found · UbiOps</title>
      <h1>Organization not found</h1>
      <p>
        There is no organization called <strong>{name}</strong> that you can see. It may have been renamed, or
        you may not be a member of it.
      </p>
      <ButtonLink to={paths.organizations()} variant="primary">
        See your organizations
      </ButtonLink>
    </div>
  )
}
