import { createLimiter } from '../lib/limiter'
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

/**
 * The most API requests of the whole dashboard in flight at once (a request holds its slot from
 * sending until its answer is read). Browsers open six connections per host over HTTP/1.1 and
 * queue the rest unseen; holding the queue here makes the bound the same on HTTP/2, lets a
 * cancelled query leave the queue before it is sent (its AbortSignal), and keeps pages that ask
 * for many things at once (the access matrix's projects, the organization list at a glance, the
 * audit trail) to six without a bound of their own. Bounds of single pages (src/lib/limiter.ts)
 * may be lower, never higher.
 */
export const API_REQUESTS_IN_FLIGHT = 6
const inFlight = createLimiter(API_REQUESTS_IN_FLIGHT)

/** Requests holding one of the API_REQUESTS_IN_FLIGHT slots now (for tests). */
export const apiRequestsInFlight = (): number => inFlight.active

/**
 * The one way the dashboard talks to the API. Throws ApiError or NetworkError; never returns a
 * failure. Waits for one of API_REQUESTS_IN_FLIGHT slots, except a keepalive request: it is sent
 * as the page goes and could not wait. A request whose `signal` aborts while it waits is never
 * sent and rejects with the signal's reason, as fetch does. No slot is held while another request
 * is awaited, so requests made inside others' limiters cannot deadlock on this bound.
 */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const exchange = () => send<T>(path, options)
  return options.keepalive ? exchange() : inFlight.run(exchange, { signal: options.signal })
}

/** One request and the reading of its answer, sent at once. */
async function send<T>(path: string, options: RequestOptions): Promise<T> {
  const { method = 'GET', body, signal, query, keepalive } = options
  const credential: Credential | null =
    options.credential ?? (options.token ? { scheme: 'Token', value: options.token } : readCredential())
  const headers: Record<string, string> = { Accept: 'application/json' }
  // API tokens as `Token <token>`, a person's access token as `Bearer <access>` (shared/API.md).
  if (credential) headers.Authorization = `${credential.scheme} ${credential.value}`
  if (body !== undefined) headers['Content-Type'] = 'application/json'

  const url = buildUrl(path, query)
  let response: Response
  try {
    response = await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
      keepalive,
    })
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
