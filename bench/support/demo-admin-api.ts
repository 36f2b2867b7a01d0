// The served API as the demo admin, for benchmarks that make their own fixtures through it.
import type { ServedBuild } from './web-server'

/**
 * A caller of the served API with the demo admin's token: `call(method, path, body?)` answers the
 * parsed JSON (undefined for a 204). Errors: an Error naming the method, path, status and body of
 * any answer that is not 2xx, so a fixture that cannot be made stops the benchmark plainly.
 */
export function demoAdminApi(served: ServedBuild) {
  return async <T = unknown>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${served.apiUrl}${path}`, {
      method,
      headers: { Authorization: `Token ${served.token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    if (!response.ok)
      throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`)
    return (response.status === 204 ? undefined : await response.json()) as T
  }
}
