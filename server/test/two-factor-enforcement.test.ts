// Two-factor enforcement (current generation): a person whose session began without a code is
// refused by an organization that requires two-factor authentication, and by no other.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { totpCode } from '../auth/totp'
import { setUserCredentials } from '../auth/user-credentials'
import { createTestApi, uniqueEmail, type TestApi } from './helpers'

// Each sign-in runs the real scrypt.
vi.setConfig({ testTimeout: 60_000 })

let api: TestApi
beforeAll(async () => {
  api = await createTestApi({ apiGeneration: 'current' })
})
afterAll(() => api.close())

async function signIn(options: { totp: boolean }) {
  const email = uniqueEmail('person')
  const password = `pw-${email}`
  const { totp, userId } = await setUserCredentials(api.dbPath, { email, password, totp: options.totp })
  const body: Record<string, string> = { email, password }
  if (totp) body.token = await totpCode(totp.secret, Date.now())
  const answer = await api.app.inject({ method: 'POST', url: '/v2.1/authorize', payload: body })
  expect(answer.statusCode).toBe(200)
  return { caller: { email, id: userId, token: '' }, access: answer.json().access as string }
}

const asPerson = (access: string, path: string) =>
  api.app.inject({ method: 'GET', url: `/v2.1${path}`, headers: { authorization: `Bearer ${access}` } })

describe('two-factor enforcement', () => {
  it('refuses a person without a second factor on an organization that requires it, and not on another', async () => {
    const admin = api.user()
    const forced = await api.organization(admin)
    const open = await api.organization(admin)
    await api.call(admin, 'PATCH', `/organizations/${forced}`, { two_factor_authentication_forced: true })
    const withoutCode = await signIn({ totp: false })
    const withCode = await signIn({ totp: true })
    for (const person of [withoutCode, withCode])
      for (const name of [forced, open]) await api.addMember(admin, name, person.caller)

    for (const path of [`/organizations/${forced}`, `/organizations/${forced}/users`]) {
      const refused = await asPerson(withoutCode.access, path)
      expect(refused.statusCode).toBe(403)
      expect(refused.json().error).toMatch(/set up two-factor authentication/)
      expect((await asPerson(withCode.access, path)).statusCode).toBe(200)
    }
    expect((await asPerson(withoutCode.access, `/organizations/${open}`)).statusCode).toBe(200)
    // API tokens are service users', not people: they keep working.
    expect((await api.call(admin, 'GET', `/organizations/${forced}/users`)).status).toBe(200)
    // Once the requirement is lifted, the same session works again.
    await api.call(admin, 'PATCH', `/organizations/${forced}`, { two_factor_authentication_forced: false })
    expect((await asPerson(withoutCode.access, `/organizations/${forced}`)).statusCode).toBe(200)
  })
})
