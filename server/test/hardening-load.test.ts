// A short bounded run of bench/load.ts as a test: 16 concurrent clients mixing reads and colliding
// writes against a real server process for 3 s. Benchmarks report figures; this asserts the rules:
// no 5xx or network errors, only the expected 4xx, and afterwards every organization still has an
// admin and every name is held once (through the API and in the database).
import { describe, expect, it } from 'vitest'
import { loadFigures, runLoad } from '../../bench/load'

describe('mixed concurrent load on a real server process', () => {
  it('answers only 2xx and the expected 4xx, and keeps the last-admin rule and unique names', async () => {
    const result = await runLoad({ durationMs: 3_000, clients: 16 })
    for (const figure of loadFigures(result)) console.log(`${figure.name}: ${figure.value} ${figure.unit}`)
    console.log(
      `load test: by status ${JSON.stringify(result.byStatus)}, 400s ${JSON.stringify(result.refusals)}`,
    )

    expect(result.unexpected).toEqual([])
    expect(result.invariants).toMatchObject({
      withoutAdminByApi: [],
      withoutAdminInDatabase: [],
      duplicateNamesByApi: [],
      duplicateNamesInDatabase: [],
      integrity: 'ok',
    })
    // The run proved something only if it wrote, and the writes really collided.
    expect(result.requests).toBeGreaterThan(100)
    expect(result.byStatus['201']).toBeGreaterThan(0)
    expect(result.byStatus['200']).toBeGreaterThan(0)
    expect(result.refusals['last admin']).toBeGreaterThan(0)
    expect(result.refusals['name taken']).toBeGreaterThan(0)
    expect(Object.keys(result.refusals).filter((reason) => reason.startsWith('other'))).toEqual([])
  }, 60_000)
})
