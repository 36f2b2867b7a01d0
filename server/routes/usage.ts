import type { FastifyInstance } from 'fastify'
import { organizationFor } from '../auth/access'
import { badRequest } from '../lib/http-error'
import { aggregateUsage, parseUsageQuery, type UsageQuery } from '../lib/usage-buckets'
import { utcToday } from '../../domain/dates'
import { organizationNameParams, usageQuery } from '../schemas/bodies'
import { arrayOf } from '../schemas/openapi'

export async function usageRoutes(app: FastifyInstance): Promise<void> {
  const { usage } = app.repositories

  app.get<{ Params: { organization_name: string }; Querystring: UsageQuery }>(
    '/organizations/:organization_name/usage',
    {
      schema: {
        params: organizationNameParams,
        querystring: usageQuery,
        response: { 200: arrayOf('Usage') },
      },
    },
    async (request) => {
      const organization = organizationFor(request, request.params.organization_name, 'member')
      const parsed = parseUsageQuery(request.query, organization.subscription_start_date, utcToday())
      if (parsed.problems) throw badRequest(parsed.problems)
      const { range } = parsed
      return aggregateUsage(usage.daily(organization.id, range.start, range.end), range)
    },
  )
}
