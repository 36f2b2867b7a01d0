// Credit budgets live in this browser's localStorage, one per organization id (so a rename keeps
// it): `ubiops.creditBudget.<organization id>` → the budget in credits, as a decimal string. The
// API has no budgets; another tab's change arrives through the `storage` event.
import { useSyncExternalStore } from 'react'

const PREFIX = 'ubiops.creditBudget.'
const listeners = new Set<() => void>()

const storage = (): Storage | null => {
  try {
    return window.localStorage
  } catch {
    return null // storage disabled: budgets simply are not kept
  }
}

/** The budget of an organization (credits > 0), or null when none is set or the stored text is not one. */
export function readBudget(organizationId: string): number | null {
  const text = storage()?.getItem(PREFIX + organizationId)
  const value = text ? Number(text) : NaN
  return Number.isFinite(value) && value > 0 ? value : null
}

/** Sets (a positive number) or removes (null) an organization's budget, and tells every reader. */
export function writeBudget(organizationId: string, budget: number | null): void {
  const store = storage()
  if (!store) return
  if (budget === null) store.removeItem(PREFIX + organizationId)
  else store.setItem(PREFIX + organizationId, String(budget))
  listeners.forEach((listener) => listener())
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  const handleStorage = (event: StorageEvent) => {
    if (event.key === null || event.key.startsWith(PREFIX)) listener()
  }
  window.addEventListener('storage', handleStorage)
  return () => {
    listeners.delete(listener)
    window.removeEventListener('storage', handleStorage)
  }
}

/** The organization's budget, kept up to date; null while the id is unknown or no budget is set. */
export function useCreditBudget(organizationId: string | undefined): number | null {
  return useSyncExternalStore(
    subscribe,
    () => (organizationId ? readBudget(organizationId) : null),
    () => null,
  )
}
