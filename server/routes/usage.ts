import type { FastifyInstance } from 'fastify'
import { organizationFor, projectFor } from '../auth/access'
import { badRequest } from '../lib/http-error'
import {
  aggregateProjectUsage,
  aggregateUsage,
  aggregateVersionUsage,
  parseUsageQuery,
  type UsageQuery,
} from '../lib/usage-buckets'
import { utcToday } from '../../domain/dates'
import { organizationNameParams, projectParams, usageQuery } from '../schemas/bodies'
import { arrayOf, ref } from '../schemas/openapi'

export async function usageRoutes(app: FastifyInstance): Promise<void> {
  const { usage, organizations } = app.repositories
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

  // One project's usage: the organization's query rules and rollups, for project users and the
  // organization's admins (projectFor; two-factor enforcement covers every :project_name route).
  app.get<{ Params: { project_name: string }; Querystring: UsageQuery }>(
    '/projects/:project_name/usage',
    {
      schema: {
        params: projectParams,
        querystring: usageQuery,
        response: { 200: isCurrent ? ref('ProjectVersionsUsage') : arrayOf('Usage') },
      },
    },
    async (request) => {
      const { project } = projectFor(request, request.params.project_name, 'member')
      const organization = organizations.findById(project.organization_id)!
      const parsed = parseUsageQuery(request.query, organization.subscription_start_date, utcToday())
      if (parsed.problems) throw badRequest(parsed.problems)
      const { range } = parsed
      // 2022: per object type and metric, the project's only. Current: credits per deployment version.
      if (isCurrent)
        return aggregateVersionUsage(
          usage.projectDailyCredits(organization.id, project.id, range.start, range.end),
          usage.dailyCreditsByVersion(project.id, range.start, range.end),
          usage.deploymentVersions(project.id),
          range,
        )
      return aggregateUsage(usage.projectDaily(organization.id, project.id, range.start, range.end), range)
    },
  )
}
