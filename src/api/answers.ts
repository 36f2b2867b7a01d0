// The boundary between the API and the dashboard: every answer the dashboard reads passes through
// here, is checked against its schema (./schemas.ts) and comes out as the dashboard's model
// (./model.ts). An answer of neither generation's shape is an UnexpectedAnswerError naming the
// endpoint and the field, which the query views show like any other API failure (with Retry),
// never a blank page. The checking code (valibot and the schemas, ./validate.ts) is fetched on
// the first request, in parallel with it, so that it is not part of the first page's download.
import { apiRequest, type RequestOptions } from './client'
import type { ProjectUsageAnswer, UsageAnswer } from './model'
import type { AnswerKind, AnswerOf } from './schemas'

export { UnexpectedAnswerError } from './answer-error'

const loadValidation = () => import('./validate')

/**
 * apiRequest, then the check of the answer against the schema of `kind` (`organizationList`,
 * `organizationDetail`…, see ANSWER_SCHEMAS). Errors: ApiError, NetworkError, UnexpectedAnswerError.
 */
export async function requestAnswer<K extends AnswerKind>(
  kind: K,
  path: string,
  options: RequestOptions = {},
): Promise<AnswerOf<K>> {
  const [answer, validation] = await Promise.all([apiRequest<unknown>(path, options), loadValidation()])
  return validation.parseAnswer(
    validation.ANSWER_SCHEMAS[kind],
    answer,
    `${options.method ?? 'GET'} ${path}`,
  ) as AnswerOf<K>
}

/** GET of a usage path: either generation's answer, recognised by its shape (validate.parseUsageAnswer). */
export async function requestUsage(path: string, options: RequestOptions = {}): Promise<UsageAnswer> {
  const [answer, validation] = await Promise.all([apiRequest<unknown>(path, options), loadValidation()])
  return validation.parseUsageAnswer(answer, `GET ${path}`)
}

/** GET of a project's usage path: either generation's answer, recognised by its shape (validate.parseProjectUsageAnswer). */
export async function requestProjectUsage(
  path: string,
  options: RequestOptions = {},
): Promise<ProjectUsageAnswer> {
  const [answer, validation] = await Promise.all([apiRequest<unknown>(path, options), loadValidation()])
  return validation.parseProjectUsageAnswer(answer, `GET ${path}`)
}
