// The checks of the API boundary (./answers.ts): an answer against its valibot schema
// (./schemas.ts), out as the model (./model.ts), or an UnexpectedAnswerError naming the endpoint
// and the field. Loaded on the first request, beside it: the sign-in page never needs valibot.
import * as v from 'valibot'
import { UnexpectedAnswerError } from './answer-error'
import {
  USAGE_METRICS,
  USAGE_OBJECT_TYPES,
  type ProjectUsageAnswer,
  type UsageAnswer,
  type UsageMetric,
  type UsageObjectType,
  type UsageSeries,
} from './model'
import { ProjectUsageCurrentSchema, Usage2022Schema, UsageCurrentSchema } from './schemas'

export { ANSWER_SCHEMAS } from './schemas'

/** `data_projects[0].data` from valibot's issue path. */
function fieldPath(issue: v.BaseIssue<unknown>): string {
  let path = ''
  for (const item of issue.path ?? []) {
    const key = (item as { key: unknown }).key
    path += typeof key === 'number' ? `[${key}]` : path ? `.${String(key)}` : String(key)
  }
  return path
}

/** Checks `answer` against `schema`; throws UnexpectedAnswerError on the first issue. */
export { UnexpectedAnswerError }

export function parseAnswer<S extends v.GenericSchema>(
  schema: S,
  answer: unknown,
  endpoint: string,
): v.InferOutput<S> {
  const result = v.safeParse(schema, answer, { abortEarly: true })
  if (result.success) return result.output
  const issue = result.issues[0]
  throw new UnexpectedAnswerError(endpoint, fieldPath(issue), issue.message)
}

const isKnownSeries = (entry: { metric: string; object_type: string }): entry is UsageSeries =>
  (USAGE_METRICS as readonly string[]).includes(entry.metric as UsageMetric) &&
  (USAGE_OBJECT_TYPES as readonly string[]).includes(entry.object_type as UsageObjectType)

/**
 * The usage answer of either generation, recognised by its shape: a list is 2022 (per object type
 * and metric), an object with `data_organization` is current (credits per project). Metrics and
 * object types the dashboard does not know are left out of a 2022 answer.
 */
export function parseUsageAnswer(answer: unknown, endpoint: string): UsageAnswer {
  if (Array.isArray(answer))
    return {
      generation: '2022',
      series: parseAnswer(Usage2022Schema, answer, endpoint).filter(isKnownSeries),
    }
  if (
    answer !== null &&
    typeof answer === 'object' &&
    ('data_organization' in answer || 'data_projects' in answer)
  ) {
    const current = parseAnswer(UsageCurrentSchema, answer, endpoint)
    return {
      generation: 'current',
      organization: current.data_organization,
      projects: current.data_projects.map((p) => ({ id: p.project_id, name: p.project_name, usage: p.data })),
      deletedProjects: current.data_deleted_projects ?? current.data_projects_deleted ?? [],
    }
  }
  throw new UnexpectedAnswerError(
    endpoint,
    '',
    'expected a list of usage series (2022) or an object with data_organization and data_projects (current)',
  )
}

/**
 * A project's usage answer of either generation, recognised by its shape: a list is 2022 (per
 * object type and metric, as the organization's), an object with `data_project` is current
 * (credits per deployment version). Errors: UnexpectedAnswerError naming the endpoint and field.
 */
export function parseProjectUsageAnswer(answer: unknown, endpoint: string): ProjectUsageAnswer {
  if (Array.isArray(answer))
    return {
      generation: '2022',
      series: parseAnswer(Usage2022Schema, answer, endpoint).filter(isKnownSeries),
    }
  if (answer !== null && typeof answer === 'object' && 'data_project' in answer) {
    const current = parseAnswer(ProjectUsageCurrentSchema, answer, endpoint)
    return {
      generation: 'current',
      project: current.data_project,
      versions: current.data_deployments.map((d) => ({
        deploymentId: d.deployment_id,
        deploymentName: d.deployment_name,
        versionId: d.version_id,
        version: d.version,
        usage: d.data,
      })),
      deletedVersions: current.data_deleted_deployments ?? [],
    }
  }
  throw new UnexpectedAnswerError(
    endpoint,
    '',
    'expected a list of usage series (2022) or an object with data_project and data_deployments (current)',
  )
}
