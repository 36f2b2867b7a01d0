// The hand-over from public/early-requests.js: GET answers it started before this code had loaded.

declare global {
  interface Window {
    __ubiopsEarlyRequests?: {
      /** The Authorization header the early requests were sent with. */
      authorization: string
      responses: Record<string, Promise<Response> | undefined>
    }
  }
}

/**
 * Only for the page's first requests: an answer that waited longer than this may be older than
 * what a fetch now would give, and the first page asks within far less.
 */
const MAX_AGE_MS = 10_000

/**
 * The early answer to `GET url` sent with the `authorization` header, once: a second call, another
 * credential (a sign-in since) or a late call gets undefined, and the caller fetches as usual.
 */
export function takeEarlyResponse(url: string, authorization: string | null): Promise<Response> | undefined {
  const early = typeof window === 'undefined' ? undefined : window.__ubiopsEarlyRequests
  if (!early) return undefined
  const response = early.responses[url]
  if (!response) return undefined
  delete early.responses[url]
  if (early.authorization !== authorization || performance.now() > MAX_AGE_MS) {
    // Not used: read it to the end so the connection is free again.
    void response.then((unused) => unused.body?.cancel()).catch(() => undefined)
    return undefined
  }
  return response
}
