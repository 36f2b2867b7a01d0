// Where the API token is kept: sessionStorage by default (gone when the tab closes), localStorage
// when the person asked to stay signed in on this device.
const KEY = 'ubiops.token'

export function readToken(): string | null {
  return sessionStorage.getItem(KEY) ?? localStorage.getItem(KEY)
}

export function storeToken(token: string, { remember }: { remember: boolean }): void {
  clearToken()
  ;(remember ? localStorage : sessionStorage).setItem(KEY, token)
}

export function clearToken(): void {
  sessionStorage.removeItem(KEY)
  localStorage.removeItem(KEY)
}

/** Accepts a pasted token with or without the "Token " prefix and stray whitespace. */
export function normalizeToken(input: string): string {
  return input.trim().replace(/^token\s+/i, '').trim()
}
