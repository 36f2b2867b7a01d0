import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError, apiRequest, NetworkError } from './client'

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

  it('passes an abort through unchanged', async () => {
    const controller = new AbortController()
    controller.abort()
    const abort = new DOMException('aborted', 'AbortError')
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(abort))
    await expect(apiRequest('/x', { signal: controller.signal })).rejects.toBe(abort)
  })

  it('resolves undefined for 204', async () => {
    vi.stubGlobal('fetch', answer(204, null))
    await expect(apiRequest('/x', { method: 'DELETE' })).resolves.toBeUndefined()
  })
})
