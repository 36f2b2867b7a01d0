// Subscription dates stay within 2000-01-01 to 2100-12-31 (a start in year 9999 once made the
// default usage query a 400 for ever), on create and on update, with a 400 naming the field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addMonths, utcToday } from '../../domain/dates'
import { createTestApi, uniqueName, type Caller, type TestApi, setClock } from './helpers'

// Answers here depend on today (default periods, end dates after today): the clock is set.
setClock()

let api: TestApi
let staff: Caller
beforeAll(async () => {
  api = await createTestApi()
  staff = api.user({ staff: true })
})
afterAll(async () => api.close())

describe('subscription dates', () => {
  it.each(['9999-12-31', '2101-01-01', '1999-12-31', '0001-01-01'])(
    'create refuses the end date %s, naming the field and the range',
    async (date) => {
      const name = uniqueName()
      const response = await api.call(staff, 'POST', '/organizations', {
        name,
        subscription: 'professional',
        subscription_end_date: date,
      })
      expect(response.status).toBe(400)
      expect(response.body.error).toBe(
        `subscription_end_date: Use a date from 2000-01-01 to 2100-12-31 (got ${date}).`,
      )
      expect(api.app.repositories.organizations.findByName(name)).toBeUndefined()
    },
  )

  it('create accepts the last day of the range', async () => {
    const response = await api.call(staff, 'POST', '/organizations', {
      name: uniqueName(),
      subscription: 'enterprise',
      subscription_end_date: '2100-12-31',
    })
    expect(response.status, response.raw).toBe(201)
  })

  it('update refuses a start or end outside the range, and changes nothing', async () => {
    const name = await api.organization(staff)
    for (const field of ['subscription_start_date', 'subscription_end_date']) {
      const response = await api.call(staff, 'PATCH', `/organizations/${name}`, {
        subscription: 'professional',
        subscription_start_date: utcToday(),
        subscription_end_date: addMonths(utcToday(), 12),
        [field]: '9999-01-01',
      })
      expect(response.status).toBe(400)
      expect(response.body.error).toContain(`${field}: Use a date from 2000-01-01 to 2100-12-31`)
    }
    const detail = await api.call(staff, 'GET', `/organizations/${name}`)
    expect(detail.body.subscription).toBe('free')
    // The default usage query keeps answering.
    expect((await api.call(staff, 'GET', `/organizations/${name}/usage`)).status).toBe(200)
  })

  it('update accepts the first and last days of the range', async () => {
    const name = await api.organization(staff)
    const response = await api.call(staff, 'PATCH', `/organizations/${name}`, {
      subscription: 'professional',
      subscription_start_date: '2000-01-01',
      subscription_end_date: '2100-12-31',
    })
    expect(response.status, response.raw).toBe(200)
    expect(response.body.subscription_start_date).toBe('2000-01-01')
  })
})
