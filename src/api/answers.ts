// The boundary between the API and the dashboard: every answer the dashboard reads passes through
// here, is checked against its schema (./schemas.ts), and comes out as the model (./model.ts). An
// answer of neither generation's shape is an UnexpectedAnswerError naming the endpoint and the
// field, which the query views show like any other API failure (with Retry), never a blank page.
import * as v from 'valibot'
import { ApiError, apiRequest, type RequestOptions } from './client'
import {
  USAGE_METRICS,
  USAGE_OBJECT_TYPES,
  type UsageAnswer,
  type UsageMetric,
  type UsageObjectType,
  type UsageSeries,
} from './model'
import { Usage2022Schema, UsageCurrentSchema } from './schemas'

/**
 * A success answer (2xx) whose body does not have the shape of either API generation. An ApiError
 * (status 200: the server did answer) so that it is not retried automatically and is shown with
 * the view's Retry button. `endpoint` is `GET /organizations/x/usage`, `field` the path in the
 * body (`data_projects[0].data`, '' for the body itself).
 */
export class UnexpectedAnswerError extends ApiError {
  readonly endpoint: string
  readonly field: string

  constructor(endpoint: string, field: string, problem: string) {
    super(
      200,
      `${endpoint} answered in a shape this dashboard does not know: ${field ? `field "${field}"` : 'the answer'}: ${problem}. The API may be of a version the dashboard does not support.`,
    )
    this.name = 'UnexpectedAnswerError'
    this.endpoint = endpoint
    this.field = field
  }
}

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

/** apiRequest, then parseAnswer: the way every view reads the API. Errors: ApiError, NetworkError, UnexpectedAnswerError. */
export async function requestAnswer<S extends v.GenericSchema>(
  schema: S,
  path: string,
  options: RequestOptions = {},
): Promise<v.InferOutput<S>> {
  const answer = await apiRequest<unknown>(path, options)
  return parseAnswer(schema, answer, `${options.method ?? 'GET'} ${path}`)
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
