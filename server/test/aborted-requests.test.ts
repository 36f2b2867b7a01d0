// Requests that the client cancels mid-flight (the dashboard cancels a page's queries when the
// person moves on) must never make the server answer twice: no "Reply was already sent" and no
// ERR_HTTP_HEADERS_SENT in its log, and it goes on answering. A real listening server, because
// app.inject() cannot close a socket half-way through an answer.
import { request as httpRequest } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Writable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays } from '../../domain/dates'
import { API_GENERATIONS } from '../../domain/generation'
import { createTestApi, uniqueEmail, type Caller, type TestApi } from './helpers'

/** Every line the server logs (pino's JSON), kept to be read by the assertions. */
function logCapture() {
  const lines: string[] = []
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean))
      done()
    },
  })
  return { lines, stream }
}

/** How a request is cancelled: once written, a moment later, or once the answer's headers arrived. */
type AbortPoint = 'sent' | 'next-tick' | 'headers'
const ABORT_POINTS: AbortPoint[] = ['sent', 'next-tick', 'headers']

/**
 * Starts a GET and destroys its socket at `point`. Resolves once the socket is closed, with the
 * status if the answer's headers arrived first.
 */
function abortedGet(base: string, path: string, headers: Record<string, string>, point: AbortPoint) {
  return new Promise<number | undefined>((resolve) => {
    let status: number | undefined
    const request = httpRequest(`${base}${path}`, { headers, agent: false })
    request.on('error', () => undefined)
    request.on('close', () => resolve(status))
    request.on('response', (response) => {
      status = response.statusCode
      response.on('error', () => undefined)
      // Destroyed before the body has been read: the server is still writing it.
      if (point === 'headers') request.destroy()
      else response.resume()
    })
    request.end(() => {
      if (point === 'sent') request.destroy()
      else if (point === 'next-tick') setImmediate(() => request.destroy())
    })
  })
}

describe.each(API_GENERATIONS)('cancelled requests, %s generation', (generation) => {
  const log = logCapture()
  let api: TestApi
  let admin: Caller
  let base: string
  let name: string

  beforeAll(async () => {
    api = await createTestApi({ apiGeneration: generation, logger: { level: 'info', stream: log.stream } })
    admin = api.user()
    name = await api.organization(admin)
    for (let index = 0; index < 60; index += 1)
      await api.addMember(admin, name, api.user({ email: uniqueEmail(`m${index}`) }))
    // A year of daily usage in two projects: the day-by-day answers are tens of KB, compressed.
    const { id } = api.app.repositories.organizations.findByName(name)!
    const project = api.app.db.prepare(
      "INSERT INTO projects (id, organization_id, name, creation_date) VALUES (?, ?, ?, '2020-01-01')",
    )
    const rollup = api.app.db.prepare(
      'INSERT INTO usage_daily (organization_id, day, project_id, object_type, metric, value) VALUES (?, ?, ?, ?, ?, ?)',
    )
    api.app.db.transaction(() => {
      for (const suffix of ['a', 'b']) {
        project.run(`${id}-${suffix}`, id, `project-${suffix}`)
        for (let day = '2020-01-01'; day < '2021-01-01'; day = addDays(day, 1)) {
          rollup.run(id, day, `${id}-${suffix}`, 'deployment_version', 'credits', 1.25)
          rollup.run(id, day, `${id}-${suffix}`, 'deployment_version', 'input_volume', 4096)
        }
      }
    })()
    await api.app.listen({ host: '127.0.0.1', port: 0 })
    base = `http://127.0.0.1:${(api.app.server.address() as AddressInfo).port}/v2.1`
  })
  afterAll(async () => api.close())

  it('never writes an answer twice, and still answers afterwards', async () => {
    const paths = [
      `/organizations/${name}/users`,
      `/organizations/${name}/resources`,
      `/organizations/${name}`,
      // Distinct ranges: no two requests ask for the same answer.
      ...Array.from({ length: 12 }, (_, index) => {
        const start = addDays('2020-01-01', index * 7)
        return `/organizations/${name}/usage?interval=day&start_date=${start}&end_date=${addDays(start, 300)}`
      }),
    ]
    const encodings = ['br', 'gzip', 'identity']
    const attempts: Promise<number | undefined>[] = []
    for (const path of paths)
      for (const point of ABORT_POINTS)
        for (const encoding of encodings)
          attempts.push(
            abortedGet(
              base,
              path,
              { authorization: `Token ${admin.token}`, 'accept-encoding': encoding },
              point,
            ),
          )
    const statuses = await Promise.all(attempts)
    // Some answers began before their request was cancelled: the cancellations hit mid-answer too.
    expect(statuses.filter((status) => status === 200).length).toBeGreaterThan(0)

    // The server still answers every path in full, compressed or not.
    for (const path of paths)
      for (const encoding of encodings) {
        const response = await fetch(`${base}${path}`, {
          headers: { authorization: `Token ${admin.token}`, 'accept-encoding': encoding },
        })
        expect(response.status, path).toBe(200)
        expect(JSON.parse(await response.text()), path).toBeTruthy()
      }

    const twice = log.lines.filter((line) => /already sent|ERR_HTTP_HEADERS_SENT/i.test(line))
    expect(twice).toEqual([])
    const failures = log.lines.filter((line) => JSON.parse(line).level >= 50)
    expect(failures).toEqual([])
    // The log was captured: every request above was logged as it came in.
    expect(log.lines.filter((line) => line.includes('incoming request')).length).toBeGreaterThanOrEqual(
      attempts.length,
    )
  })
})
