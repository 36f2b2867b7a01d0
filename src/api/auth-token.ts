// Where the credential is kept: sessionStorage by default (gone when the tab closes), localStorage
// when the person asked to stay signed in on this device. Two kinds, never both at once:
// an API token (`ubiops.token`, sent as `Token <token>`) and a person's access token from
// POST /authorize (`ubiops.access`, JSON {access, email}, sent as `Bearer <access>`).
const TOKEN_KEY = 'ubiops.token'
const ACCESS_KEY = 'ubiops.access'

/** What the fetch client sends: `Authorization: <scheme> <value>`. */
export type Credential =
  | { scheme: 'Token'; value: string }
  | { scheme: 'Bearer'; value: string; /** Who signed in (to sign them in again). */ email: string }

const read = (key: string) => sessionStorage.getItem(key) ?? localStorage.getItem(key)

function parseAccess(raw: string | null): Credential | null {
  if (!raw) return null
  try {
    const { access, email } = JSON.parse(raw) as { access?: unknown; email?: unknown }
    return typeof access === 'string' && access && typeof email === 'string'
      ? { scheme: 'Bearer', value: access, email }
      : null
  } catch {
    return null
  }
}

/** The kept credential, or null when signed out. */
export function readCredential(): Credential | null {
  const token = read(TOKEN_KEY)
  if (token) return { scheme: 'Token', value: token }
  return parseAccess(read(ACCESS_KEY))
}

/** The kept API token (not an access token), or null. */
export function readToken(): string | null {
  return read(TOKEN_KEY)
}

export function storeToken(token: string, { remember }: { remember: boolean }): void {
  clearToken()
  ;(remember ? localStorage : sessionStorage).setItem(TOKEN_KEY, token)
}

/** Keeps a person's access token; `remember` as for storeToken. */
export function storeAccessToken(access: string, email: string, { remember }: { remember: boolean }): void {
  clearToken()
  ;(remember ? localStorage : sessionStorage).setItem(ACCESS_KEY, JSON.stringify({ access, email }))
}

/** Replaces an access token where the old one was kept (this tab or this device). */
export function renewAccessToken(access: string, email: string): void {
  const remember = localStorage.getItem(ACCESS_KEY) !== null
  storeAccessToken(access, email, { remember })
}

/** Forgets every credential (API token and access token). */
export function clearToken(): void {
  for (const storage of [sessionStorage, localStorage]) {
    storage.removeItem(TOKEN_KEY)
    storage.removeItem(ACCESS_KEY)
  }
}

/** Accepts a pasted token with or without the "Token " prefix and stray whitespace. */
export function normalizeToken(input: string): string {
  return input
    .trim()
    .replace(/^token\s+/i, '')
    .trim()
}
