// Two-factor enforcement (current generation): a person whose session began without a code is
// refused by an organization that requires two-factor authentication, and by no other.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { totpCode } from '../auth/totp'
import { setUserCredentials } from '../auth/user-credentials'
import { createTestApi, uniqueEmail, uniqueName, type TestApi } from './helpers'

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

describe("two-factor enforcement on an organization's projects", () => {
  const asPersonDoing = (access: string, method: 'GET' | 'POST', path: string, payload?: object) =>
    api.app.inject({
      method,
      url: `/v2.1${path}`,
      headers: { authorization: `Bearer ${access}` },
      ...(payload ? { payload } : {}),
    })

  it('refuses a project user without a second factor on every project endpoint of an organization that requires it', async () => {
    const admin = api.user()
    const forced = await api.organization(admin)
    const open = await api.organization(admin)
    const forcedProject = uniqueName('project')
    const openProject = uniqueName('project')
    for (const [project, organization] of [
      [forcedProject, forced],
      [openProject, open],
    ] as const)
      expect(
        (await api.call(admin, 'POST', '/projects', { name: project, organization_name: organization }))
          .status,
      ).toBe(201)
    await api.call(admin, 'PATCH', `/organizations/${forced}`, { two_factor_authentication_forced: true })
    const withoutCode = await signIn({ totp: false })
    const withCode = await signIn({ totp: true })
    for (const person of [withoutCode, withCode])
      for (const [project, organization] of [
        [forcedProject, forced],
        [openProject, open],
      ] as const) {
        await api.addMember(admin, organization, person.caller)
        const added = await api.call(admin, 'POST', `/projects/${project}/users`, {
          user_id: person.caller.id,
        })
        expect(added.status).toBe(201)
      }

    const paths = (project: string) => [
      `/projects/${project}`,
      `/projects/${project}/users`,
      `/projects/${project}/users/${withoutCode.caller.id}`,
      `/projects/${project}/roles`,
      `/projects/${project}/role-assignments`,
      `/projects/${project}/audit`,
    ]
    for (const path of [...paths(forcedProject), `/projects?organization=${forced}`]) {
      const refused = await asPerson(withoutCode.access, path)
      expect(refused.statusCode, path).toBe(403)
      expect(refused.json().error).toBe(
        `"${forced}" requires two-factor authentication: set up two-factor authentication for your account, then sign in again with your code.`,
      )
      // With a code, the route's own rules apply (only project admins list role assignments).
      const allowed = await asPerson(withCode.access, path)
      if (path.endsWith('/role-assignments')) expect(allowed.json().error).toMatch(/^Only project admins/)
      else expect(allowed.statusCode, path).toBe(200)
    }
    // Writes too, before anything is changed.
    const write = await asPersonDoing(
      withoutCode.access,
      'POST',
      `/projects/${forcedProject}/role-assignments`,
      {
        assignee: withoutCode.caller.id,
        assignee_type: 'user',
        role: 'project-admin',
      },
    )
    expect(write.statusCode).toBe(403)
    // The same person's projects of another organization keep working.
    for (const path of [
      ...paths(openProject).filter((path) => !path.endsWith('/role-assignments')),
      `/projects?organization=${open}`,
    ])
      expect((await asPerson(withoutCode.access, path)).statusCode, path).toBe(200)
    // API tokens are service users', not people: they keep working.
    expect((await api.call(admin, 'GET', `/projects/${forcedProject}/users`)).status).toBe(200)
  })

  it('refuses creating a project in such an organization, and says nothing about projects one cannot see', async () => {
    const admin = api.user()
    const forced = await api.organization(admin)
    const project = uniqueName('project')
    await api.call(admin, 'POST', '/projects', { name: project, organization_name: forced })
    await api.call(admin, 'PATCH', `/organizations/${forced}`, { two_factor_authentication_forced: true })
    const adminWithoutCode = await signIn({ totp: false })
    const outsider = await signIn({ totp: false })
    await api.addMember(admin, forced, adminWithoutCode.caller, true)

    const name = uniqueName('project')
    const refused = await asPersonDoing(adminWithoutCode.access, 'POST', '/projects', {
      name,
      organization_name: forced,
    })
    expect(refused.statusCode).toBe(403)
    expect(refused.json().error).toMatch(/set up two-factor authentication/)
    expect((await api.call(admin, 'GET', `/projects/${name}`)).status).toBe(404)
    // Someone outside the organization gets the route's own 404, as before.
    expect((await asPerson(outsider.access, `/projects/${project}`)).statusCode).toBe(404)
  })
})
