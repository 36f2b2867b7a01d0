// A person's session (an access token) that the API stopped accepting (it expired after 12 hours,
// or was revoked). Rather than leaving the page for sign-in, the app asks for the password again
// in a dialog over the page: nothing unmounts, so nothing typed is lost, open dialogs included.
import { useSyncExternalStore } from 'react'

export interface ExpiredSession {
  /** Who was signed in, to sign in again. */
  email: string
}

let expired: ExpiredSession | null = null
const listeners = new Set<() => void>()
const notify = () => listeners.forEach((listener) => listener())

export const sessionExpiry = {
  /** The session of `email` ended; several 401s at once open one dialog. */
  expire(email: string): void {
    if (expired?.email === email) return
    expired = { email }
    notify()
  },
  /** Signed in again, or gone to the sign-in page: the dialog closes. */
  settle(): void {
    if (!expired) return
    expired = null
    notify()
  },
  current: (): ExpiredSession | null => expired,
  subscribe(listener: () => void): () => void {
    listeners.add(listener)
    return () => listeners.delete(listener)
  },
}

/** The session that ended, or null while signed in (or signed out). */
export function useExpiredSession(): ExpiredSession | null {
  return useSyncExternalStore(sessionExpiry.subscribe, sessionExpiry.current, () => null)
}
