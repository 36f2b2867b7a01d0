import type { FastifyInstance, FastifyRequest } from 'fastify'
import { forbidden } from '../lib/http-error'
import type { OrganizationRow } from '../repositories/organizations'

/** The 403's sentence; the dashboard shows it as it is, on the organization's pages. */
export const TWO_FACTOR_REQUIRED = (organization: string) =>
  `"${organization}" requires two-factor authentication: set up two-factor authentication for your account, then sign in again with your code.`

/**
 * Two-factor enforcement (current generation, `two_factor_authentication_forced`; server/README.md,
 * "Local rules"): while an organization requires it, a person whose session began without a
 * two-factor code gets a 403 with {@link TWO_FACTOR_REQUIRED} on every endpoint of that
 * organization (those with `:organization_name` in the path) and of its projects (those with
 * `:project_name` in the path, and `GET /projects?organization=`). API tokens are service users',
 * not people, and keep working; callers with no access to the organization or project keep getting
 * the route's own 404, so the requirement says nothing about objects one cannot see. The 2022
 * contract has no such setting, so the 2022 generation does not enforce it.
 *
 * An onRequest hook, added after authentication: it runs before any route reads or writes.
 * `POST /projects` names its organization in the body; that route's `organizationFor` runs after
 * the body is read, and a preHandler covers it here too so that no project is made meanwhile.
 */
export function installTwoFactorEnforcement(app: FastifyInstance): void {
  if (app.apiGeneration !== 'current') return
  const { organizations, members, projects, projectAccess } = app.repositories

  /** Whether this request comes from a person whose session began without a second factor. */
  const withoutSecondFactor = (request: FastifyRequest) =>
    request.credential?.kind === 'access' && !request.credential.secondFactor

  /** Throws the 403 when `organization` requires 2FA and the caller is staff or one of its members. */
  const refuseInOrganization = (request: FastifyRequest, organization: OrganizationRow | undefined) => {
    if (!organization || organization.two_factor_authentication_forced !== 1) return
    if (!request.user.staff && !members.find(organization.id, request.user.id)) return
    throw forbidden(TWO_FACTOR_REQUIRED(organization.name))
  }

  app.addHook('onRequest', async (request: FastifyRequest) => {
    if (!withoutSecondFactor(request)) return
    const params = request.params as { organization_name?: unknown; project_name?: unknown } | undefined
    if (typeof params?.organization_name === 'string')
      refuseInOrganization(request, organizations.findByName(params.organization_name))
    const query = request.query as { organization?: unknown } | undefined
    if (request.routeOptions.url?.endsWith('/projects') && typeof query?.organization === 'string')
      refuseInOrganization(request, organizations.findByName(query.organization))
    if (typeof params?.project_name !== 'string') return
    const project = projects.findByName(params.project_name)
    if (!project) return
    // Only those who see the project (staff, organization admins, its users) learn that it exists.
    const membership = members.find(project.organization_id, request.user.id)
    const seesProject =
      request.user.staff === 1 ||
      membership?.admin === 1 ||
      projectAccess.findUser(project.id, request.user.id) !== undefined
    if (seesProject) refuseInOrganization(request, organizations.findById(project.organization_id))
  })

  app.addHook('preHandler', async (request: FastifyRequest) => {
    if (!withoutSecondFactor(request) || request.method !== 'POST') return
    if (!request.routeOptions.url?.endsWith('/projects')) return
    const name = (request.body as { organization_name?: unknown } | undefined)?.organization_name
    if (typeof name === 'string') refuseInOrganization(request, organizations.findByName(name))
  })
}
