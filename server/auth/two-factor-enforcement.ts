import type { FastifyInstance, FastifyRequest } from 'fastify'
import { forbidden } from '../lib/http-error'

/** The 403's sentence; the dashboard shows it as it is, on the organization's pages. */
export const TWO_FACTOR_REQUIRED = (organization: string) =>
  `"${organization}" requires two-factor authentication: set up two-factor authentication for your account, then sign in again with your code.`

/**
 * Two-factor enforcement (current generation, `two_factor_authentication_forced`; server/README.md,
 * "Local rules"): while an organization requires it, a person whose session began without a
 * two-factor code gets a 403 with {@link TWO_FACTOR_REQUIRED} on every endpoint of that
 * organization (those with `:organization_name` in the path). API tokens are service users', not
 * people, and keep working; callers with no access to the organization keep getting the route's
 * own 404, so the requirement says nothing about organizations one is not in. The 2022 contract
 * has no such setting, so the 2022 generation does not enforce it.
 *
 * An onRequest hook, added after authentication: it runs before any cached answer is served.
 */
export function installTwoFactorEnforcement(app: FastifyInstance): void {
  if (app.apiGeneration !== 'current') return
  const { organizations, members } = app.repositories
  app.addHook('onRequest', async (request: FastifyRequest) => {
    const credential = request.credential
    if (!credential || credential.kind !== 'access' || credential.secondFactor) return
    const name = (request.params as { organization_name?: unknown } | undefined)?.organization_name
    if (typeof name !== 'string') return
    const organization = organizations.findByName(name)
    if (!organization || organization.two_factor_authentication_forced !== 1) return
    if (!request.user.staff && !members.find(organization.id, request.user.id)) return
    throw forbidden(TWO_FACTOR_REQUIRED(name))
  })
}
