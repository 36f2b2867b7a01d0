// Removals waiting out their undo window. They live in this module, not in a component, so a
// removal still goes through when the admin navigates elsewhere in the app during the window;
// and when the page itself is being left (tab closed, reload), every waiting removal is sent at
// once rather than dropped: leaving is not an undo.
import { useSyncExternalStore } from 'react'

export const UNDO_WINDOW_MS = 6000

interface PendingRemoval {
  timer: ReturnType<typeof setTimeout>
  commit: () => void
}

const pending = new Map<string, PendingRemoval>()
const listeners = new Set<() => void>()
const snapshots = new Map<string, ReadonlySet<string>>()
const EMPTY: ReadonlySet<string> = new Set()

const keyOf = (organization: string, userId: string) => `${organization}\n${userId}`

function notify() {
  snapshots.clear()
  listeners.forEach((listener) => listener())
}

function flushAll() {
  for (const [key, removal] of [...pending]) {
    clearTimeout(removal.timer)
    pending.delete(key)
    removal.commit()
  }
  notify()
}

function handlePageLeave() {
  if (pending.size > 0) flushAll()
}

if (typeof window !== 'undefined') window.addEventListener('pagehide', handlePageLeave)

/** Waits `delayMs`, then calls `send`; undoRemoval() before that cancels it without any request. */
export function scheduleRemoval(
  organization: string,
  userId: string,
  send: () => void,
  delayMs = UNDO_WINDOW_MS,
) {
  const key = keyOf(organization, userId)
  if (pending.has(key)) return
  const commit = () => {
    pending.delete(key)
    send()
    notify()
  }
  pending.set(key, { timer: setTimeout(commit, delayMs), commit })
  notify()
}

/** Cancels a waiting removal; false when it was already sent. */
export function undoRemoval(organization: string, userId: string): boolean {
  const key = keyOf(organization, userId)
  const removal = pending.get(key)
  if (!removal) return false
  clearTimeout(removal.timer)
  pending.delete(key)
  notify()
  return true
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

function pendingIds(organization: string): ReadonlySet<string> {
  let snapshot = snapshots.get(organization)
  if (!snapshot) {
    const prefix = `${organization}\n`
    const ids = [...pending.keys()]
      .filter((key) => key.startsWith(prefix))
      .map((key) => key.slice(prefix.length))
    snapshot = ids.length ? new Set(ids) : EMPTY
    snapshots.set(organization, snapshot)
  }
  return snapshot
}

/** The ids of this organization's members whose removal is waiting: the list hides them already. */
export function usePendingRemovalIds(organization: string): ReadonlySet<string> {
  return useSyncExternalStore(subscribe, () => pendingIds(organization))
}
