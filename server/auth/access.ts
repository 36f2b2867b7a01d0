import type { FastifyRequest } from 'fastify'
import { forbidden, notFound } from '../lib/http-error'
import type { OrganizationRow } from '../repositories/organizations'

export type Access = 'member' | 'admin'

/**
 * The organization, if the caller may act on it at this level. A caller who is neither a member
 * nor staff gets the same 404 as for a name that does not exist, so names do not leak. Staff act as
 * the platform operator: they pass every check without being members.
 */
export function organizationFor(request: FastifyRequest, name: string, access: Access): OrganizationRow {
  const { organizations, members } = request.server.repositories
  const organization = organizations.findByName(name)
  const membership = organization ? members.find(organization.id, request.user.id) : undefined
  if (!organization || (!membership && !request.user.staff))
    throw notFound(
      `There is no organization "${name}" that you are a member of. Check the name in the address.`,
    )
  if (access === 'admin' && !membership?.admin && !request.user.staff)
    throw forbidden(`Only admins of "${name}" can do this. Ask one of its admins.`)
  return organization
}
