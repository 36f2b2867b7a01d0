import { Link } from 'react-router'
import { Button } from '../../../components/ui/button'
import { paths } from '../../../lib/paths'
import { useSignOut } from '../hooks/use-sign-out'

/**
 * What an organization that requires two-factor authentication shows a person signed in without a
 * code, in place of its pages: the API's own sentence, what to do (this dashboard has no page that
 * sets it up: the account's authenticator secret is made where the account is managed, on the
 * local server by `npm run api:user ... --totp`), a way to sign in again with a code, and a way
 * back to the other organizations, which keep working.
 */
export function TwoFactorRequired({ message }: { message: string }) {
  const signOut = useSignOut()
  return (
    <section className="ui-state" aria-labelledby="two-factor-required-title">
      <title>Two-factor authentication required · UbiOps</title>
      <h1 id="two-factor-required-title">Two-factor authentication required</h1>
      <p>{message}</p>
      <ol>
        <li>
          Set up two-factor authentication for your account where it is managed. This dashboard has no page
          for it; with the local server, an administrator runs{' '}
          <code>npm run api:user -- --email &lt;your email&gt; --password &lt;password&gt; --totp</code>,
          which gives the secret to add to your authenticator app.
        </li>
        <li>Sign out, then sign in again with your password and the code from your authenticator app.</li>
      </ol>
      <p>Your other organizations are not affected: you can keep working in them.</p>
      <div className="row">
        <Button variant="primary" onClick={() => void signOut()}>
          Sign out to sign in with a code
        </Button>
        <Link to={paths.organizations()}>Go to your organizations</Link>
      </div>
    </section>
  )
}
