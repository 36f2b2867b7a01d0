import { paths } from '../../../lib/paths'

export const HOME_PATH = paths.organizations()
export const SIGN_IN_PATH = paths.signIn()

/**
 * Where to go after signing in: the `next` parameter when it is a path of this app, else home.
 * Anything that could leave the origin (`//evil.example`, `https://…`, `/\evil`) is refused, and
 * so is the sign-in page itself (no loop).
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return HOME_PATH
  // Control characters and backslashes have no business in our paths; browsers treat some as '/'.
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  if (/[\\\u0000-\u001f]/.test(next)) return HOME_PATH
  try {
    const url = new URL(next, 'http://app.invalid')
    if (url.origin !== 'http://app.invalid') return HOME_PATH
    if (url.pathname === SIGN_IN_PATH) return HOME_PATH
    return url.pathname + url.search + url.hash
  } catch {
    return HOME_PATH
  }
}

/** The sign-in address that comes back to `path` afterwards. */
export function signInPathFor(path: string): string {
  const next = safeNextPath(path)
  return next === HOME_PATH ? SIGN_IN_PATH : `${SIGN_IN_PATH}?next=${encodeURIComponent(next)}`
}
