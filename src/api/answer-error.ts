import { ApiError } from './client'

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
