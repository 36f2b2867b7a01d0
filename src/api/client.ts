import { readCredential, type Credential } from './auth-token'

/** Every non-2xx answer of the API, with the sentence the server gave. */
export class ApiError extends Error {
  readonly status: number

  constructor(status: number, message: string) {
    super(message)
    this.name = 'ApiError'
    this.status = status
  }
}

/** The browser reached nothing: offline, DNS, refused connection, CORS. */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('The API could not be reached. Check your connection and try again.', { cause })
    this.name = 'NetworkError'
  }
}

export const API_BASE = '/api'

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'

export interface RequestOptions {
  method?: Method
  body?: unknown
  signal?: AbortSignal
  /** Overrides the stored credential with an API token, e.g. to check a token before keeping it. */
  token?: string
  /** Overrides the stored credential (e.g. a removal sent with the token of the admin who confirmed it). */
  credential?: Credential
  query?: Record<string, string | undefined>
  /** Lets the request outlive the page (a removal sent as the tab closes); small bodies only. */
  keepalive?: boolean
}

const FALLBACK_MESSAGES: Record<number, string> = {
  401: 'Your session has ended. Sign in again.',
  403: 'You do not have the right to do this.',
  404: 'Not found.',
  413: 'The request is too large.',
  429: 'Too many attempts. Wait a moment and try again.',
}

async function errorMessage(response: Response): Promise<string> {
  try {
    const body: unknown = await response.json()
    if (body && typeof body === 'object') {
      // Current servers answer {"error": ...}; older ones {"error_message": ...}.
      const { error, error_message: legacy } = body as { error?: unknown; error_message?: unknown }
      if (typeof error === 'string' && error) return error
      if (typeof legacy === 'string' && legacy) return legacy
    }
  } catch {
    // Not JSON (a proxy's HTML error page, say): fall back to a sentence of our own.
  }
  return (
    FALLBACK_MESSAGES[response.status] ?? `The server answered ${response.status}. Try again in a moment.`
  )
}

function buildUrl(path: string, query: RequestOptions['query']): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined) params.set(key, value)
  const search = params.toString()
  return `${API_BASE}${path}${search ? `?${search}` : ''}`
}

/** The one way the dashboard talks to the API. Throws ApiError or NetworkError; never returns a failure. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, signal, query, keepalive } = options
  const credential: Credential | null =
    options.credential ?? (options.token ? { scheme: 'Token', value: options.token } : readCredential())
  const headers: Record<string, string> = { Accept: 'application/json' }
  // API tokens as `Token <token>`, a person's access token as `Bearer <access>` (shared/API.md).
  if (credential) headers.Authorization = `${credential.scheme} ${credential.value}`
  if (body !== undefined) headers['Content-Type'] = 'application/json'

  const url = buildUrl(path, query)
  const send = () =>
    fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
      keepalive,
    })
  let response: Response
  try {
    response = await send()
  } catch (error) {
    if (signal?.aborted) throw error
    throw new NetworkError(error)
  }

  if (!response.ok) throw new ApiError(response.status, await errorMessage(response))
  if (response.status === 204) return undefined as T
  return (await response.json()) as T
}

/** Encodes one path segment, e.g. an organization name typed into the address bar. */
export const segment = (value: string): string => encodeURIComponent(value)

export const isApiError = (error: unknown, status?: number): error is ApiError =>
  error instanceof ApiError && (status === undefined || error.status === status)
