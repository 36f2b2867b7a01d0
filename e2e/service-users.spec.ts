// The Service users page (/organizations/:name/service-users) against the real local API in both
// generations: a token is shown once and is the one the server takes, a reset one stops working,
// a service user's role (given when it is made, changed in place) is what its token may do, the
// seeded service users carry the flags their answers call for, and it all works by keyboard.
import type { Locator, Page } from '@playwright/test'
import { serviceUserFlags } from '../domain/service-users'
import { DEMO } from '../server/db/seed'
import { e2eEnvironment } from './environment'
import {
  apiGeneration,
  callApi,
  createOrganization,
  createUser,
  expect,
  expectNoAxeViolations,
  signIn,
  test,
  uniqueName,
  type TestUser,
} from './fixtures'
import { createProject } from './project-helpers'

const heading = (page: Page) => page.getByRole('heading', { level: 2, name: 'Service users', exact: true })
const rowOf = (page: Page, name: string) =>
  page.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) })
const tokenField = (page: Page) => page.getByRole('textbox', { name: /^API token/ })

/** Who a token belongs to, as the API says (GET /user with it); the HTTP status when it is refused. */
async function whoseToken(page: Page, token: string): Promise<string | number> {
  const response = await page.request.get(`${e2eEnvironment(apiGeneration()).apiUrl}/user`, {
    headers: { Authorization: `Token ${token}` },
  })
  return response.ok() ? ((await response.json()) as { id: string }).id : response.status()
}

/** Moves the focus with Tab (at most 60 presses) until `target` has it: how a keyboard user gets there. */
async function tabTo(page: Page, target: Locator) {
  for (let presses = 0; presses < 60; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return
    await page.keyboard.press('Tab')
  }
  throw new Error('Tab never reached the control')
}

/** A request with a service user's token: its status and `{"error"}` when refused. */
async function withToken(page: Page, token: string, path: string) {
  const response = await page.request.get(`${e2eEnvironment(apiGeneration()).apiUrl}${path}`, {
    headers: { Authorization: `Token ${token}` },
  })
  const body = (await response.json()) as { name?: string; error?: string }
  return { status: response.status(), body }
}

/** The roles a service user holds on its project, as the API lists them in this generation. */
async function rolesByApi(page: Page, user: TestUser, project: string, id: string) {
  const path =
    apiGeneration() === 'current'
      ? `/projects/${project}/role-assignments?assignee=${id}&assignee_type=user`
      : `/projects/${project}/users/${id}/role-assignments`
  return (await callApi<{ role: string }[]>(page.request, user, 'GET', path)).map((row) => row.role)
}

/**
 * An admin signed in on the Service users page of a new organization whose one project has one
 * service user (made through the API, without a role), named `prefix-…`.
 */
async function openWithServiceUser(page: Page, prefix: string) {
  const admin = createUser()
  const organization = await createOrganization(page.request, admin)
  const project = await createProject(page.request, admin, organization)
  const name = uniqueName(prefix)
  const created = await callApi<{ id: string; token: string }>(
    page.request,
    admin,
    'POST',
    `/projects/${project}/service-users`,
    { name },
  )
  await signIn(page, admin)
  await page.goto(`/organizations/${organization}/service-users`)
  return { admin, project, name, ...created }
}

interface ServiceUserAnswer {
  id: string
  name: string
  expiry_date?: string | null
  token_last_used?: string | null
}

async function listByApi(page: Page, user: TestUser, project: string) {
  return callApi<ServiceUserAnswer[]>(page.request, user, 'GET', `/projects/${project}/service-users`)
}

test('keyboard only: create a service user, see its token once, reset it, and the old one stops working', async ({
  page,
}) => {
  const admin = createUser()
  const organization = await createOrganization(page.request, admin)
  const project = await createProject(page.request, admin, organization)
  const name = uniqueName('robot')
  await signIn(page, admin)
  await page.goto(`/organizations/${organization}/service-users`)
  await expect(heading(page)).toBeVisible()
  await expect(page.getByRole('heading', { name: 'No service users yet' })).toBeVisible()
  await expectNoAxeViolations(page)

  const create = page.getByRole('button', { name: 'Create service user' })
  await tabTo(page, create)
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: 'Create a service user' })
  await expect(dialog.getByRole('combobox', { name: 'Project' })).toBeFocused()
  // The organization's one project is already chosen; the name is next.
  await expect(dialog.getByRole('combobox', { name: 'Project' })).toHaveValue(project)
  await page.keyboard.press('Tab')
  await expect(dialog.getByRole('textbox', { name: 'Name' })).toBeFocused()
  await page.keyboard.type(name)
  await page.keyboard.press('Enter')

  const shown = page.getByRole('dialog', { name: `Token of ${name}` })
  await expect(shown).toBeVisible()
  await expect(shown.getByRole('button', { name: 'Done' })).toBeFocused()
  await expect(shown.getByRole('button', { name: 'Copy the token' })).toBeVisible()
  await expectNoAxeViolations(page)
  const token = await tokenField(page).inputValue()
  const [created] = await listByApi(page, admin, project)
  expect(created?.name).toBe(name)
  expect(await whoseToken(page, token)).toBe(created!.id)

  await page.keyboard.press('Enter')
  await expect(shown).toBeHidden()
  await expect(create).toBeFocused()
  // Gone for good: nowhere on the page, and not in any answer of the API.
  expect(await page.content()).not.toContain(token)
  expect(JSON.stringify(await listByApi(page, admin, project))).not.toContain(token)
  await expect(rowOf(page, name)).toContainText(project)

  const reset = rowOf(page, name).getByRole('button', { name: `Reset token of ${name} in ${project}` })
  await tabTo(page, reset)
  await page.keyboard.press('Enter')
  const confirm = page.getByRole('dialog', { name: `Reset the token of ${name}?` })
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(confirm.getByRole('button', { name: 'Reset token' })).toBeFocused()
  // The rest of the page is inert (a modal <dialog>): tabbing never reaches it, only the dialog's
  // controls (and, past the last one, the browser's own, which is no element of the page).
  for (let presses = 0; presses < 4; presses += 1) {
    await page.keyboard.press('Tab')
    const inside = await confirm.evaluate(
      (element) => element.contains(document.activeElement) || document.activeElement === document.body,
    )
    expect(inside).toBe(true)
  }
  await tabTo(page, confirm.getByRole('button', { name: 'Reset token' }))
  await page.keyboard.press('Enter')

  const again = page.getByRole('dialog', { name: `Token of ${name}` })
  await expect(again).toBeVisible()
  const fresh = await tokenField(page).inputValue()
  expect(fresh).not.toBe(token)
  expect(await whoseToken(page, fresh)).toBe(created!.id)
  expect(await whoseToken(page, token)).toBe(401)
  await page.keyboard.press('Escape')
  await expect(again).toBeHidden()
  await expect(reset).toBeFocused()
  expect(await page.content()).not.toContain(fresh)
})

test('deletes a service user after asking, and its token stops working', async ({ page }) => {
  const { admin, project, name, token } = await openWithServiceUser(page, 'doomed')
  const remove = rowOf(page, name).getByRole('button', { name: `Delete ${name} of ${project}` })
  await remove.click()
  const confirm = page.getByRole('dialog', { name: `Delete ${name}?` })
  await expect(confirm).toContainText('its token stops working at once')
  await confirm.getByRole('button', { name: 'Cancel' }).click()
  await expect(remove).toBeFocused()
  expect(typeof (await whoseToken(page, token))).toBe('string')
  await remove.click()
  await confirm.getByRole('button', { name: 'Delete service user' }).click()
  await expect(rowOf(page, name)).toHaveCount(0)
  await expect(page.getByRole('heading', { name: 'No service users yet' })).toBeVisible()
  expect(await listByApi(page, admin, project)).toEqual([])
  expect(await whoseToken(page, token)).toBe(401)
})

test('shows no controls to a project user who is not an admin of any project', async ({ page }) => {
  const admin = createUser()
  const organization = await createOrganization(page.request, admin)
  const project = await createProject(page.request, admin, organization)
  const viewer = createUser()
  const member = await callApi<{ id: string }>(
    page.request,
    admin,
    'POST',
    `/organizations/${organization}/users`,
    {
      email: viewer.email,
    },
  )
  await callApi(
    page.request,
    admin,
    'POST',
    `/projects/${project}/role-assignments`,
    apiGeneration() === 'current'
      ? { role: 'project-viewer', assignee: member.id, assignee_type: 'user' }
      : { role: 'project-viewer', user_id: member.id },
  )
  await callApi(page.request, admin, 'POST', `/projects/${project}/service-users`, { name: 'hidden-one' })
  await signIn(page, viewer)
  await page.goto(`/organizations/${organization}/service-users`)
  await expect(page.getByRole('heading', { name: 'No service users to manage' })).toBeVisible()
  await expect(
    page.getByRole('button', { name: /Create service user|Change role|Reset token|Delete/ }),
  ).toHaveCount(0)
  await expect(page.getByText('hidden-one')).toHaveCount(0)
  await expectNoAxeViolations(page)
})

test('a service user made with project-editor reads its project with its token, never the organization; its role changes in place', async ({
  page,
}) => {
  const admin = createUser()
  const organization = await createOrganization(page.request, admin)
  const project = await createProject(page.request, admin, organization)
  const name = uniqueName('editor-bot')
  await signIn(page, admin)
  await page.goto(`/organizations/${organization}/service-users`)
  await page.getByRole('button', { name: 'Create service user' }).click()
  const dialog = page.getByRole('dialog', { name: 'Create a service user' })
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name)
  const role = dialog.getByRole('combobox', { name: 'Role' })
  // The WebApp's default, and the project's roles to choose from.
  await expect(role).toHaveValue('project-viewer')
  await role.selectOption('project-editor')
  await expectNoAxeViolations(page)
  await dialog.getByRole('button', { name: 'Create service user' }).click()
  const shown = page.getByRole('dialog', { name: `Token of ${name}` })
  const token = await tokenField(page).inputValue()
  await shown.getByRole('button', { name: 'Done' }).click()
  const [created] = await listByApi(page, admin, project)
  expect(await rolesByApi(page, admin, project, created!.id)).toEqual(['project-editor'])
  await expect(rowOf(page, name)).toContainText('project-editor')

  // Its token reads its project, and is refused on the organization, saying why.
  const read = await withToken(page, token, `/projects/${project}`)
  expect(read).toMatchObject({ status: 200, body: { name: project } })
  const refused = await withToken(page, token, `/organizations/${organization}`)
  expect(refused.status).toBe(403)
  expect(refused.body.error).toContain(`works only within its project ("${project}")`)

  // Changed in place, after a confirmation that says what the token may do.
  const change = rowOf(page, name).getByRole('button', { name: `Change role of ${name} in ${project}` })
  await change.click()
  const confirm = page.getByRole('dialog', { name: `Change the role of ${name}?` })
  const choice = confirm.getByRole('combobox', { name: `Role in ${project}` })
  await expect(choice).toBeFocused()
  await expect(choice).toHaveValue('project-editor')
  await choice.selectOption('project-viewer')
  await expect(confirm).toContainText(`${name} holds project-viewer in ${project} instead of project-editor`)
  await expectNoAxeViolations(page)
  await confirm.getByRole('button', { name: 'Change role' }).click()
  await expect(confirm).toBeHidden()
  await expect(change).toBeFocused()
  await expect(page.getByText(`${name} is now project-viewer in ${project}.`)).toBeVisible()
  await expect(rowOf(page, name)).toContainText('project-viewer')
  expect(await rolesByApi(page, admin, project, created!.id)).toEqual(['project-viewer'])
  expect((await withToken(page, token, `/projects/${project}`)).status).toBe(200)

  // Taken away: the token can do nothing in the project.
  await change.click()
  await confirm.getByRole('combobox', { name: `Role in ${project}` }).selectOption('')
  await expect(confirm).toContainText('its token can do nothing')
  await confirm.getByRole('button', { name: 'Change role' }).click()
  await expect(rowOf(page, name)).toContainText('No role')
  expect(await rolesByApi(page, admin, project, created!.id)).toEqual([])
  const without = await withToken(page, token, `/projects/${project}`)
  expect(without.status).toBe(403)
  expect(without.body.error).toContain('holds no role')
})

test('a refused role change keeps the dialog open with the reason, and changes nothing', async ({ page }) => {
  const { admin, project, name, ...created } = await openWithServiceUser(page, 'gone-bot')
  await expect(rowOf(page, name)).toContainText('No role')
  // Deleted elsewhere meanwhile: the page still shows it, and the API refuses it a role.
  await callApi(page.request, admin, 'DELETE', `/projects/${project}/service-users/${created.id}`)
  await rowOf(page, name)
    .getByRole('button', { name: `Change role of ${name} in ${project}` })
    .click()
  const confirm = page.getByRole('dialog', { name: `Change the role of ${name}?` })
  await confirm.getByRole('combobox', { name: `Role in ${project}` }).selectOption('project-editor')
  await confirm.getByRole('button', { name: 'Change role' }).click()
  await expect(confirm).toContainText(created.id)
  await expect(confirm.getByRole('combobox', { name: `Role in ${project}` })).toHaveValue('project-editor')
  await confirm.getByRole('button', { name: 'Cancel' }).click()
  await expect(confirm).toBeHidden()
  await expect(rowOf(page, name)).toHaveCount(0)
})

test("the demo's service users carry the flags their answers call for", async ({ page }) => {
  const admin = createUser({ email: DEMO.adminEmail })
  const organization = DEMO.projectsOrganization
  const projects = [...new Set(DEMO.serviceUsers.map((demo) => demo.project))].filter((project) =>
    project.endsWith('-acme'),
  )
  await signIn(page, admin)
  await page.goto(`/organizations/${organization}/service-users`)
  await expect(heading(page)).toBeVisible()
  const now = Date.now()
  for (const project of projects)
    for (const answer of await listByApi(page, admin, project)) {
      const row = rowOf(page, answer.name)
      await expect(row).toContainText(project)
      const flags = row.getByRole('list', { name: `Flags of ${answer.name}` }).getByRole('listitem')
      if (apiGeneration() === '2022') {
        // The 2022 contract has neither expiry nor last use: nothing to flag, and no such columns.
        expect(answer.expiry_date).toBeUndefined()
        await expect(flags).toHaveCount(0)
        continue
      }
      const expected = serviceUserFlags(answer.expiry_date, answer.token_last_used, now)
      const labels = [
        expected.isExpired && 'Expired',
        expected.isExpiringSoon && 'Expires within 14 days',
        expected.isNeverUsed && 'Never used',
        expected.isUnused && 'Unused for 90 days',
      ].filter((label): label is string => typeof label === 'string')
      await expect(flags).toHaveText(labels)
    }
  if (apiGeneration() === 'current') {
    // The seed's story: at least one expired, one expiring soon, one never used, one unused.
    for (const label of ['Expired', 'Expires within 14 days', 'Never used', 'Unused for 90 days'])
      await expect(page.getByRole('listitem').filter({ hasText: label }).first()).toBeVisible()
    await expect(page.getByRole('columnheader', { name: 'Last used' })).toBeVisible()
  } else await expect(page.getByRole('columnheader', { name: 'Expires' })).toHaveCount(0)
  await expectNoAxeViolations(page)
})

test('an expiry chosen when creating is the one the API keeps (current generation)', async ({ page }) => {
  test.skip(apiGeneration() === '2022', 'The 2022 contract has no expiry.')
  const admin = createUser()
  const organization = await createOrganization(page.request, admin)
  const project = await createProject(page.request, admin, organization)
  const name = uniqueName('expiring')
  await signIn(page, admin)
  await page.goto(`/organizations/${organization}/service-users`)
  await page.getByRole('button', { name: 'Create service user' }).click()
  const dialog = page.getByRole('dialog', { name: 'Create a service user' })
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name)
  // A day in the past is refused by the form, with what to fix, and nothing typed is lost.
  await dialog.getByLabel('Expires on (optional)').fill('2020-01-01')
  await dialog.getByRole('button', { name: 'Create service user' }).click()
  await expect(dialog.getByText('Choose an expiry in the future.')).toBeVisible()
  await expect(dialog.getByRole('textbox', { name: 'Name' })).toHaveValue(name)
  const day = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10)
  await dialog.getByLabel('Expires on (optional)').fill(day)
  await dialog.getByRole('button', { name: 'Create service user' }).click()
  await page
    .getByRole('dialog', { name: `Token of ${name}` })
    .getByRole('button', { name: 'Done' })
    .click()
  const [created] = await listByApi(page, admin, project)
  expect(created?.expiry_date).toBe(`${day}T00:00:00.000000Z`)
  await expect(rowOf(page, name).getByRole('listitem')).toHaveText(['Expires within 14 days', 'Never used'])
})
