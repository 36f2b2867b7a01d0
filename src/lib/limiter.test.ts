import { describe, expect, it } from 'vitest'
import { createLimiter } from './limiter'

/** A task that finishes when told to, recording when it started. */
function deferred(log: string[], name: string) {
  let finish!: (value: string) => void
  let fail!: (error: Error) => void
  const task = () => {
    log.push(name)
    return new Promise<string>((resolve, reject) => {
      finish = resolve
      fail = reject
    })
  }
  return { task, finish: () => finish(name), fail: (error: Error) => fail(error) }
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('createLimiter', () => {
  it('never runs more than `max` groups at once, and starts the rest in order as slots free', async () => {
    const limiter = createLimiter(2)
    const started: string[] = []
    const tasks = ['a', 'b', 'c', 'd'].map((name) => deferred(started, name))
    const results = tasks.map((t) => limiter.run(t.task))
    expect(started).toEqual(['a', 'b'])
    expect(limiter.active).toBe(2)
    tasks[1]!.finish()
    await flush()
    expect(started).toEqual(['a', 'b', 'c'])
    expect(limiter.active).toBe(2)
    tasks[0]!.finish()
    tasks[2]!.finish()
    await flush()
    expect(started).toEqual(['a', 'b', 'c', 'd'])
    tasks[3]!.finish()
    expect(await Promise.all(results)).toEqual(['a', 'b', 'c', 'd'])
    expect(limiter.active).toBe(0)
  })

  it('lets the tasks of a group share its slot: the bound counts groups, not requests', async () => {
    const limiter = createLimiter(1)
    const started: string[] = []
    const [a1, a2, b1, a3] = ['a1', 'a2', 'b1', 'a3'].map((name) => deferred(started, name))
    void limiter.run(a1!.task, { group: 'a' })
    void limiter.run(a2!.task, { group: 'a' })
    const b = limiter.run(b1!.task, { group: 'b' })
    expect(started).toEqual(['a1', 'a2'])
    a1!.finish()
    await flush()
    // a still holds the slot (a2 runs), and a later task of a joins it ahead of b.
    void limiter.run(a3!.task, { group: 'a' })
    expect(started).toEqual(['a1', 'a2', 'a3'])
    a2!.finish()
    a3!.finish()
    await flush()
    expect(started).toEqual(['a1', 'a2', 'a3', 'b1'])
    b1!.finish()
    await expect(b).resolves.toBe('b1')
  })

  it('frees the slot when a task fails, and passes the failure on', async () => {
    const limiter = createLimiter(1)
    const started: string[] = []
    const [a, b] = ['a', 'b'].map((name) => deferred(started, name))
    const first = limiter.run(a!.task)
    const second = limiter.run(b!.task)
    a!.fail(new Error('500'))
    await expect(first).rejects.toThrow('500')
    await flush()
    expect(started).toEqual(['a', 'b'])
    b!.finish()
    await expect(second).resolves.toBe('b')
  })

  it('drops a waiting task whose signal aborts, without running it', async () => {
    const limiter = createLimiter(1)
    const started: string[] = []
    const [a, b, c] = ['a', 'b', 'c'].map((name) => deferred(started, name))
    void limiter.run(a!.task)
    const controller = new AbortController()
    const dropped = limiter.run(b!.task, { signal: controller.signal })
    const third = limiter.run(c!.task)
    controller.abort(new DOMException('scrolled away', 'AbortError'))
    await expect(dropped).rejects.toThrow('scrolled away')
    a!.finish()
    await flush()
    expect(started).toEqual(['a', 'c'])
    c!.finish()
    await expect(third).resolves.toBe('c')
    // Already aborted: not even queued.
    await expect(limiter.run(b!.task, { signal: controller.signal })).rejects.toThrow('scrolled away')
    expect(started).toEqual(['a', 'c'])
  })

  it('holds 500 tasks to 4 in flight, and a failure fails only its own task', async () => {
    const limiter = createLimiter(4)
    let inFlight = 0
    let maxInFlight = 0
    const results = await Promise.allSettled(
      Array.from({ length: 500 }, (_, item) =>
        limiter.run(async () => {
          inFlight += 1
          maxInFlight = Math.max(maxInFlight, inFlight)
          await flush()
          inFlight -= 1
          if (item === 250) throw new Error('refused')
          return item
        }),
      ),
    )
    expect(maxInFlight).toBe(4)
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(499)
    expect(results[250]).toMatchObject({ status: 'rejected', reason: new Error('refused') })
    expect(limiter.active).toBe(0)
  })

  it('one signal drops every task still waiting, while those started run to their end (Stop in a bulk add)', async () => {
    const limiter = createLimiter(2)
    const started: string[] = []
    const tasks = ['a', 'b', 'c', 'd', 'e'].map((name) => deferred(started, name))
    const controller = new AbortController()
    const runs = tasks.map((task) => limiter.run(task.task, { signal: controller.signal }))
    expect(started).toEqual(['a', 'b'])
    controller.abort(new DOMException('stopped', 'AbortError'))
    tasks[0]!.finish()
    tasks[1]!.finish()
    const results = await Promise.allSettled(runs)
    expect(started).toEqual(['a', 'b'])
    expect(results.map((result) => result.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'rejected',
      'rejected',
    ])
    expect(limiter.active).toBe(0)
  })
})
