/** Where `/api` is forwarded: UBIOPS_API_URL, or the local server's default address. */
export const DEFAULT_API_URL = `http://127.0.0.1:${process.env.PORT ?? 8787}/v2.1`

export function apiTarget(apiUrl: string | undefined = undefined): { origin: string; basePath: string } {
  const url = new URL(apiUrl || DEFAULT_API_URL)
  return { origin: url.origin, basePath: url.pathname.replace(/\/$/, '') }
}
