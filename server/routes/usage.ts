import type { FastifyInstance } from 'fastify'
import { organizationFor } from '../auth/access'
import { badRequest } from '../lib/http-error'
import { aggregateProjectUsage, aggregateUsage, parseUsageQuery, type UsageQuery } from '../lib/usage-buckets'
import { utcToday } from '../../domain/dates'
import { organizationNameParams, usageQuery } from '../schemas/bodies'
import { arrayOf, ref } from '../schemas/openapi'

export async function usageRoutes(app: FastifyInstance): Promise<void> {
  const { usage } = app.repositories
  const isCurrent = app.apiGeneration === 'current'

  app.get<{ Params: { organization_name: string }; Querystring: UsageQuery }>(
    '/organizations/:organization_name/usage',
    {
      schema: {
        params: organizationNameParams,
        querystring: usageQuery,
        response: { 200: isCurrent ? ref('OrganizationUsage') : arrayOf('Usage') },
      },
    },
    async (request) => {
      const organization = organizationFor(request, request.params.organization_name, 'member')
      const parsed = parseUsageQuery(request.query, organization.subscription_start_date, utcToday())
      if (parsed.problems) throw badRequest(parsed.problems)
      const { range } = parsed
      // 2022: per object type and metric, summed over projects. Current: credits per project.
      if (isCurrent)
        return aggregateProjectUsage(
          usage.dailyCreditsByProject(organization.id, range.start, range.end),
          usage.projects(organization.id),
          range,
        )
      return aggregateUsage(usage.daily(organization.id, range.start, range.end), range)
    },
  )
}
