/** A failure with its status and the sentence the caller sees as `{"error": ...}`. */
export class HttpError extends Error {
  readonly statusCode: number
  readonly headers: Record<string, string>

  constructor(statusCode: number, message: string, headers: Record<string, string> = {}) {
    super(message)
    this.name = 'HttpError'
    this.statusCode = statusCode
    this.headers = headers
  }
}

/** A 400 naming every field at fault: `name: ...; subscription: ...`. */
export function badRequest(problems: string[]): HttpError {
  return new HttpError(400, problems.join(' '))
}

/** Problems keyed by API field, as domain/ gives them, written `field: sentence` for {@link badRequest}. */
export function prefixedProblems(problems: Partial<Record<string, string>>): string[] {
  return Object.entries(problems).map(([field, problem]) => `${field}: ${problem}`)
}

export const notFound = (message: string) => new HttpError(404, message)
export const forbidden = (message: string) => new HttpError(403, message)
