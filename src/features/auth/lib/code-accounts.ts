// Which accounts the API has asked a two-factor code of in this tab (shared/API.md, "Signing in").
// The API says an account needs a code only by refusing its password alone (a 401 that the
// browser logs in its console); once it has said so, the password step asks for both and sends
// them in one request, for a sign-in after signing out and for a session that ended.
// Kept in sessionStorage: gone with the tab, never written for the device, and holding only
// that an address uses a second factor, nothing that signs in.

const KEY = 'ubiops.two-factor-accounts'

const read = (): string[] => {
  try {
    const stored: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? '[]')
    return Array.isArray(stored) ? stored.filter((item): item is string => typeof item === 'string') : []
  } catch {
    return []
  }
}

/** Whether the API asked `email` (compared case-insensitively) for a code earlier in this tab. */
export function isKnownToNeedCode(email: string): boolean {
  return read().includes(email.trim().toLowerCase())
}

/** Notes that the API asked `email` for a two-factor code. */
export function rememberNeedsCode(email: string): void {
  const known = new Set(read())
  known.add(email.trim().toLowerCase())
  sessionStorage.setItem(KEY, JSON.stringify([...known]))
}
