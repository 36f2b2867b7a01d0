import { useQueryClient } from '@tanstack/react-query'
import { lazy, Suspense, useState } from 'react'
import { useNavigate, useSearchParams } from 'react-router'
import { Button } from '../../../components/ui/button'
import { FormError } from '../../../components/ui/field'
import { safeNextPath } from '../lib/next-path'
import { completePasswordSignIn, type PasswordSignIn } from '../password-sign-in'
import { EmailStep } from './email-step'

// The steps after the email use react-hook-form and valibot, which the first page has no room for
// (lib/sign-in-email.ts): they load while POST /oauth/sign-in is answered, or on "Use an API token".
const loadPasswordStep = () => import('./password-step')
const loadCodeStep = () => import('./code-step')
const PasswordStep = lazy(() => loadPasswordStep().then((module) => ({ default: module.PasswordStep })))
const CodeStep = lazy(() => loadCodeStep().then((module) => ({ default: module.CodeStep })))
const TokenSignInForm = lazy(() =>
  import('./token-sign-in-form').then((module) => ({ default: module.TokenSignInForm })),
)
const preloadNextSteps = () => void Promise.all([loadPasswordStep(), loadCodeStep()]).catch(() => undefined)

/** Where the sign-in is: the email first, then what POST /oauth/sign-in and /authorize ask for. */
type Step =
  | { kind: 'email' }
  | { kind: 'password'; email: string }
  | { kind: 'code'; email: string; password: string; remember: boolean }
  | { kind: 'external'; email: string; provider: string; url: string | null }
  | { kind: 'token' }

const WEBAPP_URL = 'https://app.ubiops.com'

/**
 * Sign in as a person (email, password, and a two-factor code when the account has one, as the
 * official UbiOps CLI does) or with an API token, one click away. Then back to `?next=`.
 */
export function SignInPage({ linkError }: { linkError?: string | null }) {
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const [searchParams] = useSearchParams()
  const [step, setStep] = useState<Step>({ kind: 'email' })
  const [email, setEmail] = useState('')
  const isReturning = searchParams.has('next')

  const goOn = async () => {
    await navigate(safeNextPath(searchParams.get('next')), { replace: true })
  }
  const finish = async (result: PasswordSignIn, remember: boolean) => {
    completePasswordSignIn(queryClient, result, { remember })
    await goOn()
  }
  const tokenButton = (
    <Button variant="ghost" onClick={() => setStep({ kind: 'token' })}>
      Use an API token instead
    </Button>
  )
  const changeEmail = (
    <Button variant="ghost" size="small" onClick={() => setStep({ kind: 'email' })}>
      Use another email
    </Button>
  )
  const whoIsSigningIn = 'email' in step && (
    <div className="row sign-in__who">
      <p>
        Signing in as <strong>{step.email}</strong>
      </p>
      {changeEmail}
    </div>
  )

  return (
    <main className="sign-in">
      <title>Sign in · UbiOps organizations</title>
      <div className="ui-card sign-in__card stack">
        <div className="stack-sm">
          <p className="muted">UbiOps organizations</p>
          <h1>Sign in</h1>
          {isReturning && !linkError && (
            <p className="ui-notice ui-notice--info" role="status">
              Your session ended. Sign in again to go back to where you were.
            </p>
          )}
        </div>
        <FormError>{linkError}</FormError>
        {whoIsSigningIn}

        {step.kind === 'email' && (
          <EmailStep
            defaultEmail={email}
            onSubmit={preloadNextSteps}
            onProvider={(address, { provider, url }) => {
              setEmail(address)
              setStep(
                provider === 'ubiops'
                  ? { kind: 'password', email: address }
                  : { kind: 'external', email: address, provider, url },
              )
            }}
          />
        )}
        <Suspense fallback={<p className="muted">Loading…</p>}>
          {step.kind === 'password' && (
            <PasswordStep
              email={step.email}
              canRemember
              submitLabel="Sign in"
              onSignedIn={finish}
              onNeedsCode={(password, remember) =>
                setStep({ kind: 'code', email: step.email, password, remember })
              }
            />
          )}
          {step.kind === 'code' && (
            <>
              <p>This account has two-factor authentication. Enter the code from your authenticator app.</p>
              <CodeStep
                email={step.email}
                password={step.password}
                submitLabel="Verify and sign in"
                onSignedIn={(result) => finish(result, step.remember)}
              />
            </>
          )}
        </Suspense>
        {step.kind === 'external' && (
          <div role="status" className="ui-notice ui-notice--info stack-sm">
            <p>
              This account signs in through <strong>{step.provider}</strong>, an external identity provider,
              and the dashboard cannot sign in there. Sign in to the{' '}
              <a href={step.url ?? WEBAPP_URL} target="_blank" rel="noreferrer">
                UbiOps WebApp
              </a>{' '}
              instead, or use an API token here.
            </p>
          </div>
        )}
        <Suspense fallback={<p className="muted">Loading…</p>}>
          {step.kind === 'token' ? (
            <>
              <TokenSignInForm onSignedIn={goOn} />
              <Button variant="ghost" onClick={() => setStep({ kind: 'email' })}>
                Use email and password instead
              </Button>
            </>
          ) : (
            tokenButton
          )}
        </Suspense>
      </div>
    </main>
  )
}
