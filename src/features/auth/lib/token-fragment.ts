/**
 * The one-click sign-in link of `npm start` carries the token in the fragment
 * (`/sign-in#token=…`): fragments are never sent to servers nor kept in their logs.
 * Returns the token, or null when the fragment has none.
 */
export function tokenFromFragment(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''))
  const token = params.get('token')?.trim()
  return token ? token : null
}

/**
 * Reads the token from the address bar's fragment and removes it at once (replaceState, so it
 * is in neither the address bar nor the history).
 */
export function takeTokenFromAddressBar(): string | null {
  const token = tokenFromFragment(window.location.hash)
  if (token) {
    const { pathname, search } = window.location
    window.history.replaceState(window.history.state, '', pathname + search)
  }
  return token
}
