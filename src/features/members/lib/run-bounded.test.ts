import { describe, expect, it } from 'vitest'
import { runBounded } from './run-bounded'

/** A task whose calls stay pending until released, to observe how many are in flight. */
function controlledTask() {
  const pending: Array<{ item: number; resolve: () => void; reject: (error: Error) => void }> = []
  let inFlight = 0
  let maxInFlight = 0
  const task = (item: number) =>
    new Promise<number>((resolve, reject) => {
      inFlight += 1
      maxInFlight = Math.max(maxInFlight, inFlight)
      pending.push({
        item,
        resolve: () => {
          inFlight -= 1
          resolve(item * 10)
        },
        reject: (error) => {
          inFlight -= 1
          reject(error)
        },
      })
    })
  return { task, pending, maxInFlight: () => maxInFlight }
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('runBounded', () => {
  it('keeps at most `limit` tasks in flight and reports every item, failures included', async () => {
    const { task, pending, maxInFlight } = controlledTask()
    const settled: Array<[number, boolean]> = []
    const run = runBounded([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], {
      limit: 3,
      task,
      onSettled: (index, result) => settled.push([index, result.ok]),
    })
    while (settled.length < 10) {
      await tick()
      const call = pending.shift()
      if (!call) continue
      if (call.item % 4 === 0) call.reject(new Error('no'))
      else call.resolve()
    }
    const results = await run
    expect(maxInFlight()).toBe(3)
    expect(results.map((result) => result?.ok)).toEqual([
      true,
      true,
      true,
      false,
      true,
      true,
      true,
      false,
      true,
      true,
    ])
    expect(results[0]).toEqual({ ok: true, value: 10 })
    expect(settled).toHaveLength(10)
  })

  it('handles 500 items with a limit of 4', async () => {
    let inFlight = 0
    let maxInFlight = 0
    const results = await runBounded(
      Array.from({ length: 500 }, (_, i) => i),
      {
        limit: 4,
        task: async (item) => {
          inFlight += 1
          maxInFlight = Math.max(maxInFlight, inFlight)
          await tick()
          inFlight -= 1
          if (item === 250) throw new Error('refused')
          return item
        },
      },
    )
    expect(maxInFlight).toBe(4)
    expect(results.filter((result) => result?.ok)).toHaveLength(499)
    expect(results[250]).toMatchObject({ ok: false })
  })

  it('starts nothing new once aborted', async () => {
    const controller = new AbortController()
    const started: number[] = []
    await runBounded([1, 2, 3, 4], {
      limit: 1,
      task: async (item) => {
        started.push(item)
        if (item === 2) controller.abort()
      },
      signal: controller.signal,
    })
    expect(started).toEqual([1, 2])
  })

  it('resolves at once for no items', async () => {
    expect(await runBounded([], { limit: 4, task: async () => 1 })).toEqual([])
  })
})
