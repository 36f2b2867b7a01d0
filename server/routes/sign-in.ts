// A person's sign-in, as the official UbiOps CLI does it (shared/API.md, "Signing in"):
// POST /oauth/sign-in says how an account signs in; POST /authorize checks the password (and the
// two-factor code) and answers an access token for `Authorization: Bearer <access>`.
import type { FastifyInstance } from 'fastify'
import { clientAddress } from '../auth/client-address'
import { decoyHash, verifyPassword } from '../auth/passwords'
import { checkTotp } from '../auth/totp'
import { HttpError } from '../lib/http-error'
import { ref } from '../schemas/openapi'

const string = (description: string) => ({ type: 'string', description })

const signInProviderBody = {
  type: 'object',
  required: ['email'],
  properties: { email: string('a string (the email address)') },
}

const authorizeBody = {
  type: 'object',
  required: ['email', 'password'],
  properties: {
    email: string('a string (the email address)'),
    password: string('a string (the password)'),
    token: string('a string (the 6-digit two factor authentication code)'),
  },
}

// The CLI (and the dashboard) recognise this answer by "two factor authentication" in the sentence.
const CODE_NEEDED =
  'This account uses two factor authentication: send the 6-digit code from your authenticator app as "token".'
const WRONG_CODE =
  'The two factor authentication code is not right, or it was used already. Wait for the next code and try again.'
const WRONG_CREDENTIALS = 'The email or password is not right.'

export async function signInRoutes(app: FastifyInstance): Promise<void> {
  app.post<{ Body: { email: string } }>(
    '/oauth/sign-in',
    {
      config: { public: true },
      schema: { body: signInProviderBody, response: { 200: ref('SignInProvider') } },
    },
    async (request) => {
      const account = app.repositories.credentials.findByEmail(request.body.email.trim())
      // An email without an account answers like any password account: nothing says it is unknown.
      if (!account || account.sign_in_provider === 'ubiops') return { provider: 'ubiops', url: null }
      return { provider: account.sign_in_provider, url: account.sign_in_url }
    },
  )

  app.post<{ Body: { email: string; password: string; token?: string } }>(
    '/authorize',
    {
      config: { public: true },
      schema: { body: authorizeBody, response: { 200: ref('AccessToken') } },
    },
    async (request) => {
      const { auth, repositories } = app
      const email = request.body.email.trim()
      const emailKey = email.toLowerCase()
      const client = clientAddress(request, auth.proxySecret)
      // Counted as a failure before the password work starts (sign-in-limits.ts).
      const attempt = await auth.signInLimits.begin(emailKey, client)
      const account = repositories.credentials.findByEmail(email)
      const usable = account?.sign_in_provider === 'ubiops' && account.password_hash ? account : undefined
      // Unknown email, no password, or an external provider's account: the same scrypt work against
      // a decoy hash and the same answer as a wrong password, so neither time nor words tell them apart.
      const passwordMatches = await verifyPassword(
        request.body.password,
        usable?.password_hash ?? (await decoyHash()),
      )
      if (!usable || !passwordMatches) throw new HttpError(401, WRONG_CREDENTIALS)

      if (usable.totp_secret) {
        const code = request.body.token?.trim()
        if (!code) {
          attempt.incomplete()
          throw new HttpError(401, CODE_NEEDED)
        }
        const step = await checkTotp(usable.totp_secret, code, auth.now(), usable.totp_last_step)
        if (step === null || !repositories.credentials.useTotpStep(usable.id, step))
          throw new HttpError(401, WRONG_CODE)
      }

      attempt.succeeded()
      const access = repositories.accessTokens.issue(
        usable.id,
        auth.now(),
        auth.accessTokenLifetimeMs,
        Boolean(usable.totp_secret),
      )
      return { access }
    },
  )

  // Local (server/README.md, "Local rules"): the hosted API has no sign-out; the dashboard calls this
  // when it is there and otherwise only forgets the token.
  app.post(
    '/oauth/sign-out',
    { schema: { response: { 204: { type: 'null', description: 'The session has ended.' } } } },
    async (request, reply) => {
      const { credential } = request
      if (credential?.kind !== 'access')
        throw new HttpError(
          400,
          'Sign-out ends a session that began with a password: an API token stays valid until it is deleted where it was made.',
        )
      app.repositories.accessTokens.revoke(credential.token)
      return reply.code(204).send()
    },
  )
}
