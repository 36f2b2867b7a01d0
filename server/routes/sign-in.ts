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
      const retryAfter = Math.max(
        auth.emailFailures.retryAfterSeconds(emailKey),
        auth.addressFailures.retryAfterSeconds(client),
      )
      if (retryAfter > 0)
        throw new HttpError(429, `Too many failed sign-ins. Try again in ${retryAfter} seconds.`, {
          'Retry-After': String(retryAfter),
        })
      const fail = (message: string): never => {
        auth.emailFailures.record(emailKey)
        auth.addressFailures.record(client)
        throw new HttpError(401, message)
      }

      const account = repositories.credentials.findByEmail(email)
      const usable = account?.sign_in_provider === 'ubiops' && account.password_hash ? account : undefined
      // Unknown email, no password, or an external provider's account: the same scrypt work against
      // a decoy hash and the same answer as a wrong password, so neither time nor words tell them apart.
      const passwordMatches = await verifyPassword(
        request.body.password,
        usable?.password_hash ?? (await decoyHash()),
      )
      if (!usable || !passwordMatches) return fail(WRONG_CREDENTIALS)

      if (usable.totp_secret) {
        const code = request.body.token?.trim()
        if (!code) throw new HttpError(401, CODE_NEEDED)
        const step = await checkTotp(usable.totp_secret, code, auth.now(), usable.totp_last_step)
        if (step === null || !repositories.credentials.useTotpStep(usable.id, step)) return fail(WRONG_CODE)
      }

      auth.emailFailures.clear(emailKey)
      const access = repositories.accessTokens.issue(usable.id, auth.now(), auth.accessTokenLifetimeMs)
      return { access }
    },
  )
}
