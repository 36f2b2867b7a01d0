// The app's one concurrency limiter (a counting semaphore with a FIFO queue): every API request
// goes through one (src/api/client.ts, six in flight), and pages that ask for many things keep a
// lower bound of their own with it (the organization list at a glance, the bulk add and removal). TanStack
// Query v5 has no concurrency limit of its own; well-kept dashboards put one in the queryFn
// (everr-labs/everr#272: one module-level limiter, abort-aware, 4 at a time; the Redux Toolkit
// maintainers suggest p-limit in a base query, reduxjs/redux-toolkit#4654). p-limit can only clear
// its whole queue, and p-queue drops one queued task on its signal but has no groups: a list
// scrolled past needs the first, an organization's three requests sharing one slot the second.

export interface Limiter {
  /**
   * Runs `task` when a slot is free. Tasks of the same `group` share one slot (an organization's
   * three requests count as one), so the bound is on groups in flight. A task whose `signal`
   * aborts while it waits is dropped without running and rejects with the signal's reason, as
   * fetch does; once started, the task sees the signal itself.
   */
  run<T>(task: () => Promise<T>, options?: RunOptions): Promise<T>
  /** Groups holding a slot now (for tests and the bench). */
  readonly active: number
}

export interface RunOptions {
  group?: string
  signal?: AbortSignal
}

interface Waiting {
  group: string
  start: () => void
}

/** A limiter of at most `max` groups (≥ 1) in flight; others wait in the order they came. */
export function createLimiter(max: number): Limiter {
  const running = new Map<string, number>() // group → tasks of it in flight
  const queue: Waiting[] = []
  let anonymous = 0

  const release = (group: string) => {
    const left = (running.get(group) ?? 1) - 1
    if (left > 0) return void running.set(group, left)
    running.delete(group)
    // The next waiting group takes the slot, with every task of it that waits.
    const next = queue[0]
    if (!next) return
    for (const waiting of queue.filter((w) => w.group === next.group)) {
      queue.splice(queue.indexOf(waiting), 1)
      waiting.start()
    }
  }

  return {
    get active() {
      return running.size
    },
    run<T>(task: () => Promise<T>, { group = `#${anonymous++}`, signal }: RunOptions = {}) {
      return new Promise<T>((resolve, reject) => {
        const start = () => {
          running.set(group, (running.get(group) ?? 0) + 1)
          signal?.removeEventListener('abort', drop)
          let result: Promise<T>
          try {
            result = task()
          } catch (error) {
            result = Promise.reject(error)
          }
          result.then(resolve, reject).finally(() => release(group))
        }
        const waiting: Waiting = { group, start }
        function drop() {
          const index = queue.indexOf(waiting)
          if (index !== -1) queue.splice(index, 1)
          reject(signal!.reason)
        }
        if (signal?.aborted) return reject(signal.reason)
        if (running.has(group) || running.size < max) return start()
        signal?.addEventListener('abort', drop, { once: true })
        queue.push(waiting)
      })
    },
  }
}
