import { afterEach, describe, expect, it, vi } from 'vitest'
import { createLimiter } from '../lib/limiter'
import { API_REQUESTS_IN_FLIGHT, ApiError, apiRequest, apiRequestsInFlight, NetworkError } from './client'

function answer(status: number, body: string | null, contentType = 'application/json') {
  return vi.fn().mockResolvedValue(new Response(body, { status, headers: { 'Content-Type': contentType } }))
}

afterEach(() => {
  vi.unstubAllGlobals()
  sessionStorage.clear()
  localStorage.clear()
})

describe('apiRequest', () => {
  it('sends the stored token and JSON body to /api', async () => {
    sessionStorage.setItem('ubiops.token', 'stored')
    const fetchMock = answer(201, '{"id":"1"}')
    vi.stubGlobal('fetch', fetchMock)
    await expect(apiRequest('/organizations', { method: 'POST', body: { name: 'acme' } })).resolves.toEqual({
      id: '1',
    })
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit]
    expect(url).toBe('/api/organizations')
    expect(init.headers).toMatchObject({ Authorization: 'Token stored', 'Content-Type': 'application/json' })
    expect(init.body).toBe('{"name":"acme"}')
  })

  it("sends a person's access token as Bearer, and an explicit credential over the stored one", async () => {
    sessionStorage.setItem('ubiops.access', JSON.stringify({ access: 'access-1', email: 'a@example.com' }))
    const fetchMock = vi.fn().mockImplementation(() => Promise.resolve(new Response('{}', { status: 200 })))
    vi.stubGlobal('fetch', fetchMock)
    await apiRequest('/user')
    await apiRequest('/user', { credential: { scheme: 'Token', value: 'kept-by-removal' } })
    const headers = fetchMock.mock.calls.map(([, init]) => (init as RequestInit).headers)
    expect(headers[0]).toMatchObject({ Authorization: 'Bearer access-1' })
    expect(headers[1]).toMatchObject({ Authorization: 'Token kept-by-removal' })
  })

  it('prefers an explicit token and leaves undefined query values out', async () => {
    const fetchMock = answer(200, '[]')
    vi.stubGlobal('fetch', fetchMock)
    await apiRequest('/x', { token: 'explicit', query: { a: '1', b: undefined } })
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit]
    expect(url).toBe('/api/x?a=1')
    expect(init.headers).toMatchObject({ Authorization: 'Token explicit' })
  })

  it('throws ApiError with the server sentence from {"error"}', async () => {
    vi.stubGlobal('fetch', answer(400, '{"error":"The name is taken."}'))
    const error = await apiRequest('/x').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status: 400, message: 'The name is taken.' })
  })

  it('reads {"error_message"} from older servers', async () => {
    vi.stubGlobal('fetch', answer(403, '{"error_message":"Not allowed here."}'))
    await expect(apiRequest('/x')).rejects.toMatchObject({ status: 403, message: 'Not allowed here.' })
  })

  it('falls back to a sentence of its own for a non-JSON answer', async () => {
    vi.stubGlobal('fetch', answer(502, '<html>Bad gateway</html>', 'text/html'))
    await expect(apiRequest('/x')).rejects.toMatchObject({
      status: 502,
      message: 'The server answered 502. Try again in a moment.',
    })
    vi.stubGlobal('fetch', answer(401, 'nope', 'text/plain'))
    await expect(apiRequest('/x')).rejects.toMatchObject({
      status: 401,
      message: 'Your session has ended. Sign in again.',
    })
  })

  it('falls back when the JSON has no usable message', async () => {
    vi.stubGlobal('fetch', answer(404, '{"error":""}'))
    await expect(apiRequest('/x')).rejects.toMatchObject({ status: 404, message: 'Not found.' })
  })

  it('turns a network failure into NetworkError', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')))
    const error = await apiRequest('/x').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NetworkError)
    expect((error as Error).message).toMatch(/could not be reached/)
  })

  it('passes an abort through unchanged, and sends nothing when aborted before', async () => {
    const abort = new DOMException('aborted', 'AbortError')
    const during = new AbortController()
    const fetchMock = vi.fn().mockImplementation(() => {
      during.abort()
      return Promise.reject(abort)
    })
    vi.stubGlobal('fetch', fetchMock)
    await expect(apiRequest('/x', { signal: during.signal })).rejects.toBe(abort)
    const controller = new AbortController()
    controller.abort()
    await expect(apiRequest('/x', { signal: controller.signal })).rejects.toBe(controller.signal.reason)
    expect(fetchMock).toHaveBeenCalledTimes(1)
  })

  it('resolves undefined for 204', async () => {
    vi.stubGlobal('fetch', answer(204, null))
    await expect(apiRequest('/x', { method: 'DELETE' })).resolves.toBeUndefined()
  })
})

/** A fetch whose answers come when the test says, and that rejects on its request's signal as fetch does. */
function heldFetch() {
  const held: Array<{ url: string; answer: () => void }> = []
  const fetchMock = vi.fn((url: string, init: RequestInit) => {
    return new Promise<Response>((resolve, reject) => {
      const entry = {
        url,
        answer: () => {
          held.splice(held.indexOf(entry), 1)
          resolve(new Response('{}', { status: 200 }))
        },
      }
      held.push(entry)
      init.signal?.addEventListener('abort', () => {
        held.splice(held.indexOf(entry), 1)
        reject(init.signal!.reason)
      })
    })
  })
  vi.stubGlobal('fetch', fetchMock)
  return { held, fetchMock, sent: () => fetchMock.mock.calls.map(([url]) => url) }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('apiRequest: requests in flight', () => {
  it(`holds the whole dashboard to ${API_REQUESTS_IN_FLIGHT} in flight, the rest sent in order as answers come`, async () => {
    const { held, sent } = heldFetch()
    const requests = Array.from({ length: 9 }, (_, index) => apiRequest(`/r${index}`))
    await settle()
    expect(sent()).toEqual(['/api/r0', '/api/r1', '/api/r2', '/api/r3', '/api/r4', '/api/r5'])
    expect(apiRequestsInFlight()).toBe(6)
    held[0]!.answer()
    await settle()
    expect(sent()).toHaveLength(7)
    expect(sent()[6]).toBe('/api/r6')
    while (held.length) {
      held[0]!.answer()
      await settle()
    }
    await expect(Promise.all(requests)).resolves.toHaveLength(9)
    expect(apiRequestsInFlight()).toBe(0)
  })

  it('drops a waiting request when its signal aborts, and frees the slot of a sent one that aborts', async () => {
    const { held, sent } = heldFetch()
    const controllers = Array.from({ length: 8 }, () => new AbortController())
    const requests = controllers.map((controller, index) =>
      apiRequest(`/r${index}`, { signal: controller.signal }).catch((error: unknown) => error),
    )
    await settle()
    expect(sent()).toHaveLength(6)
    // r6 is waiting: aborted, it is never sent, and r7 stays next in line.
    controllers[6]!.abort()
    await expect(requests[6]).resolves.toBe(controllers[6]!.signal.reason)
    // r0 was sent: aborting it gives its slot to r7.
    controllers[0]!.abort()
    await expect(requests[0]).resolves.toBe(controllers[0]!.signal.reason)
    await settle()
    expect(sent()).toEqual(['/api/r0', '/api/r1', '/api/r2', '/api/r3', '/api/r4', '/api/r5', '/api/r7'])
    while (held.length) {
      held[0]!.answer()
      await settle()
    }
    await Promise.all(requests)
    expect(apiRequestsInFlight()).toBe(0)
  })

  it('sends a keepalive request at once even when every slot is taken', async () => {
    const { held, sent } = heldFetch()
    const requests = Array.from({ length: 6 }, (_, index) => apiRequest(`/r${index}`))
    const removal = apiRequest('/gone', { method: 'DELETE', keepalive: true })
    await settle()
    expect(sent()).toContain('/api/gone')
    while (held.length) {
      held[0]!.answer()
      await settle()
    }
    await Promise.all([...requests, removal])
  })

  it("cannot deadlock: requests made from inside a page's own limiter all finish", async () => {
    const { held } = heldFetch()
    // Each task of a page's bound makes two requests in a row, as the 2022 role lists do.
    const page = createLimiter(API_REQUESTS_IN_FLIGHT)
    const tasks = Array.from({ length: 20 }, (_, index) =>
      page.run(async () => {
        await apiRequest(`/users/${index}`)
        return apiRequest(`/users/${index}/roles`)
      }),
    )
    let answered = 0
    for (let round = 0; round < 200 && held.length; round += 1) {
      expect(apiRequestsInFlight()).toBeLessThanOrEqual(API_REQUESTS_IN_FLIGHT)
      held[0]!.answer()
      answered += 1
      await settle()
    }
    await expect(Promise.all(tasks)).resolves.toHaveLength(20)
    expect(answered).toBe(40)
  })
})
