// The access matrix (/organizations/:name/access) and adding many members with project roles,
// against the real local API in both generations: what the page shows is what the server holds,
// and what is changed there lands on the server.
import type { Download, Page } from '@playwright/test'
import Papa from 'papaparse'
import { readFile } from 'node:fs/promises'
import {
  callApi,
  createOrganization,
  createUser,
  expect,
  expectNoAxeViolations,
  signIn,
  test,
  uniqueEmail,
} from './fixtures'
import {
  addMember,
  allRolesByApi,
  createProject,
  giveRoleByApi,
  rolesByApi,
  type Member,
} from './project-helpers'

const grid = (page: Page) => page.getByRole('grid', { name: 'Access' })
const memberRow = (page: Page, email: string) => grid(page).getByRole('row').filter({ hasText: email })
/** The cell of a member in a project, by the name its button or cell carries. */
const cellButton = (page: Page, email: string, project: string) =>
  grid(page).getByRole('button', {
    name: new RegExp(`^Roles of ${email.replace(/[.+]/g, '\\$&')} in ${project}:`),
  })

async function openAccess(page: Page, organization: string, search = '') {
  await page.goto(`/organizations/${organization}/access${search}`)
  await expect(page.getByRole('heading', { level: 2, name: 'Access' })).toBeVisible()
  // The rows are drawn, and every project's roles are in.
  await expect(grid(page)).toBeVisible()
  await expect(page.getByText(/Loading roles/)).toHaveCount(0)
}

async function csvOf(download: Download): Promise<string[][]> {
  const text = await readFile((await download.path())!, 'utf8')
  return Papa.parse<string[]>(text, { newline: '\r\n', skipEmptyLines: true }).data
}

/**
 * An organization with two projects: `editor` holds project-editor in the first, `owner`
 * project-admin in the first and project-viewer in the second, `idle` no role anywhere.
 */
async function organizationWithAccess(request: Parameters<typeof createOrganization>[0]) {
  const admin = createUser()
  const organization = await createOrganization(request, admin)
  const first = await createProject(request, admin, organization)
  const second = await createProject(request, admin, organization)
  const editor = await addMember(request, admin, organization, uniqueEmail('editor'))
  const owner = await addMember(request, admin, organization, uniqueEmail('owner'))
  const idle = await addMember(request, admin, organization, uniqueEmail('idle'))
  await giveRoleByApi(request, admin, first, editor.id, 'project-editor')
  await giveRoleByApi(request, admin, first, owner.id, 'project-admin')
  await giveRoleByApi(request, admin, second, owner.id, 'project-viewer')
  return { admin, organization, first, second, editor, owner, idle }
}

test('the matrix shows what the server holds, flags who cannot work yet, and exports exactly that', async ({
  page,
  request,
}) => {
  const { admin, organization, first, second, editor, owner, idle } = await organizationWithAccess(request)
  await signIn(page, admin)
  await openAccess(page, organization)

  await expect(cellButton(page, editor.email, first)).toHaveText('editor')
  await expect(cellButton(page, editor.email, second)).toHaveAccessibleName(/no role\. Change$/)
  await expect(cellButton(page, owner.email, first)).toHaveText('admin')
  await expect(cellButton(page, owner.email, second)).toHaveText('viewer')
  await expect(cellButton(page, admin.email, second)).toHaveText('admin')
  // Flags: one member holds no role; in the second project only the organization admin is project-admin.
  await expect(
    page.getByText('1 member holds no role in any project: they cannot do anything yet.'),
  ).toBeVisible()
  await expect(
    page.getByText(`Nobody but organization admins holds project-admin in the project ${second}.`),
  ).toBeVisible()
  await expect(memberRow(page, idle.email)).toContainText('No role')
  await expectNoAxeViolations(page)

  // The CSV is exactly what is shown: every role, one line each, and the member without a role.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ])
  expect(download.suggestedFilename()).toBe(`access-${organization}.csv`)
  const rows = await csvOf(download)
  const members = await callApi<Member[]>(request, admin, 'GET', `/organizations/${organization}/users`)
  const emailOf = new Map(members.map((member) => [member.id, member.email]))
  const fromApi = [
    ...(await allRolesByApi(request, admin, first)).map((a) => [emailOf.get(a.userId)!, first, a.role]),
    ...(await allRolesByApi(request, admin, second)).map((a) => [emailOf.get(a.userId)!, second, a.role]),
    [idle.email, '', ''],
  ]
  expect(rows[0]).toEqual(['email', 'project', 'role'])
  expect(rows.slice(1).sort()).toEqual(fromApi.sort())

  // "Show them" filters to the members without a role, in the address; a reload keeps it.
  await page.getByRole('button', { name: 'Show them' }).click()
  await expect(page).toHaveURL(/[?&]role=none/)
  await expect(grid(page).getByRole('row')).toHaveCount(2)
  await expect(memberRow(page, idle.email)).toBeVisible()
  await page.reload()
  await expect(page.getByLabel('Role', { exact: true })).toHaveValue('none')
  await expect(grid(page).getByRole('row')).toHaveCount(2)

  // A search and a project in the address; the export then holds only that.
  await openAccess(page, organization, `?project=${first}&q=${encodeURIComponent(owner.email)}`)
  await expect(page.getByRole('searchbox', { name: 'Search members' })).toHaveValue(owner.email)
  await expect(grid(page).getByRole('columnheader')).toHaveCount(2)
  const [filtered] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ])
  expect(filtered.suggestedFilename()).toBe(`access-${organization}-filtered.csv`)
  expect(await csvOf(filtered)).toEqual([
    ['email', 'project', 'role'],
    [owner.email, first, 'project-admin'],
  ])
})

test('a project counts as loaded and is flagged only once its roles are in, never before', async ({
  page,
  request,
}) => {
  // The first project has an admin of its own (the owner): it must never be flagged, nor its
  // holders' cells read "no role". The second has none but the organization admin: flagged once in.
  const { admin, organization, first, second, editor, owner } = await organizationWithAccess(request)
  let release: () => void = () => undefined
  const released = new Promise<void>((resolve) => (release = resolve))
  // The first project's role assignments (2022: one request per project user) are held back.
  await page.route(new RegExp(`/api/projects/${first}/(users/[^/]+/)?role-assignments`), async (route) => {
    await released
    await route.fallback()
  })
  await signIn(page, admin)
  await page.goto(`/organizations/${organization}/access`)
  await expect(grid(page)).toBeVisible()
  const warning = page.getByText(/Nobody but organization admins holds project-admin in/)
  await expect(warning).toContainText(second)
  await expect(page.getByRole('status').filter({ hasText: 'Loading roles: 1 of 2 projects…' })).toBeVisible()
  await expect(grid(page).getByRole('columnheader', { name: new RegExp(first) })).toContainText(
    'loading roles…',
  )
  // Held: no warning names it, its cells say loading (not "–", not a button to change them).
  await expect(warning).not.toContainText(first)
  await expect(grid(page).getByRole('gridcell', { name: `${first}: loading` })).toHaveCount(4)
  await expect(grid(page).getByRole('button', { name: new RegExp(` in ${first}:`) })).toHaveCount(0)
  await expectNoAxeViolations(page)

  // From now until every cell is drawn, each state the page commits is checked (a MutationObserver
  // runs after every change of the page, before the next render): the first project is never
  // flagged and its holders' cells never read "no role" or "–", not even for one frame.
  const holders = [admin.email, editor.email, owner.email]
  await page.evaluate(
    ({ project, emails }) => {
      const seen: string[] = []
      ;(window as unknown as { __wrong: string[] }).__wrong = seen
      new MutationObserver(() => {
        for (const notice of document.querySelectorAll('.access-flag p'))
          if (notice.textContent?.includes(project)) seen.push(`flagged: ${notice.textContent}`)
        for (const email of emails) {
          const cell = document.querySelector(`button[aria-label^="Roles of ${email} in ${project}:"]`)
          if (cell && (cell.textContent === '–' || cell.getAttribute('aria-label')?.includes('no role')))
            seen.push(`${email}: ${cell.getAttribute('aria-label')}`)
        }
      }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true })
    },
    { project: first, emails: holders },
  )
  release()

  await expect(page.getByText(/Loading roles/)).toHaveCount(0)
  await expect(cellButton(page, owner.email, first)).toHaveText('admin')
  await expect(cellButton(page, editor.email, first)).toHaveText('editor')
  await expect(cellButton(page, admin.email, first)).toHaveText('admin')
  await expect(warning).toHaveText(
    `⚑ Nobody but organization admins holds project-admin in the project ${second}.`,
  )
  expect(await page.evaluate(() => (window as unknown as { __wrong: string[] }).__wrong)).toEqual([])
  await expectNoAxeViolations(page)
})

test('an admin gives, changes and takes away roles in the matrix, and each change lands on the server', async ({
  page,
  request,
}) => {
  const { admin, organization, first, second, editor, owner, idle } = await organizationWithAccess(request)
  await signIn(page, admin)
  await openAccess(page, organization)

  // Give: the member without a role gets project-viewer in the second project.
  await cellButton(page, idle.email, second).click()
  let dialog = page.getByRole('dialog', { name: `Roles of ${idle.email} in ${second}` })
  await dialog.getByRole('checkbox', { name: 'project-viewer' }).check()
  await expectNoAxeViolations(page)
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByText(`${idle.email} now holds project-viewer in ${second}.`)).toBeVisible()
  await expect(cellButton(page, idle.email, second)).toHaveText('viewer')
  expect(await rolesByApi(request, admin, second, idle.id)).toEqual([
    { userId: idle.id, role: 'project-viewer' },
  ])

  // Change: editor → admin in the first project.
  await cellButton(page, editor.email, first).click()
  dialog = page.getByRole('dialog', { name: `Roles of ${editor.email} in ${first}` })
  await dialog.getByRole('checkbox', { name: 'project-editor' }).uncheck()
  await dialog.getByRole('checkbox', { name: 'project-admin' }).check()
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog).toBeHidden()
  await expect(cellButton(page, editor.email, first)).toHaveText('admin')
  expect(await rolesByApi(request, admin, first, editor.id)).toEqual([
    { userId: editor.id, role: 'project-admin' },
  ])

  // Take away: the owner's only role in the second project.
  await cellButton(page, owner.email, second).click()
  dialog = page.getByRole('dialog', { name: `Roles of ${owner.email} in ${second}` })
  await dialog.getByRole('checkbox', { name: 'project-viewer' }).uncheck()
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByText(`${owner.email} no longer holds a role in ${second}.`)).toBeVisible()
  await expect(cellButton(page, owner.email, second)).toHaveAccessibleName(/no role\. Change$/)
  expect(await rolesByApi(request, admin, second, owner.id)).toEqual([])

  // A refusal keeps the dialog, the choice made and the server's reason; nothing is lost.
  await cellButton(page, owner.email, first).click()
  dialog = page.getByRole('dialog', { name: `Roles of ${owner.email} in ${first}` })
  await dialog.getByRole('checkbox', { name: 'project-editor' }).check()
  // Meanwhile another admin removes them from the organization (and so from every project).
  await callApi(request, admin, 'DELETE', `/organizations/${organization}/users/${owner.id}`)
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog.getByRole('alert')).toContainText('Could not give project-editor')
  await expect(dialog.getByRole('checkbox', { name: 'project-editor' })).toBeChecked()
})

test('keyboard only: move through the grid with the arrows and change a cell', async ({ page, request }) => {
  const { admin, organization, first, second, idle } = await organizationWithAccess(request)
  await signIn(page, admin)
  // One member on screen: the search, from the address.
  await openAccess(page, organization, `?q=${encodeURIComponent(idle.email)}`)

  // From the search box, Tab reaches the grid's one focusable cell: the member's.
  await page.getByRole('searchbox', { name: 'Search members' }).focus()
  await page.keyboard.press('Tab') // project filter
  await page.keyboard.press('Tab') // role filter
  await page.keyboard.press('Tab')
  await expect(memberRow(page, idle.email).getByRole('link', { name: idle.email })).toBeFocused()
  // Projects are in name order: the first project's column is the first or the second.
  await page.keyboard.press('ArrowRight')
  if (first > second) await page.keyboard.press('ArrowRight')
  const cell = cellButton(page, idle.email, first)
  await expect(cell).toBeFocused()
  await page.keyboard.press('ArrowUp')
  await expect(grid(page).getByRole('columnheader', { name: new RegExp(first) })).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(cell).toBeFocused()

  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: `Roles of ${idle.email} in ${first}` })
  await expect(dialog.getByRole('checkbox', { name: 'project-admin' })).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(dialog.getByRole('checkbox', { name: 'project-editor' })).toBeFocused()
  await page.keyboard.press('Space')
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  await expect(dialog.getByRole('button', { name: 'Save' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(dialog).toBeHidden()
  // Focus returns to the cell, which now says the role.
  await expect(cell).toBeFocused()
  await expect(cell).toHaveText('editor')
  expect(await rolesByApi(request, admin, first, idle.id)).toEqual([
    { userId: idle.id, role: 'project-editor' },
  ])
})

test('a cut-off email shows whole in a tooltip on keyboard focus and on hover, at 360 px', async ({
  page,
  request,
}) => {
  const admin = createUser()
  const organization = await createOrganization(request, admin)
  await createProject(request, admin, organization)
  const long = await addMember(request, admin, organization, uniqueEmail('a-rather-long-name.of-a-member'))
  await page.setViewportSize({ width: 360, height: 740 })
  await signIn(page, admin)
  await openAccess(page, organization, `?q=${encodeURIComponent(long.email)}`)
  const link = memberRow(page, long.email).getByRole('link', { name: long.email })
  // Cut off on screen (its accessible name is whole either way).
  expect(await link.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true)
  await page.getByRole('searchbox', { name: 'Search members' }).focus()
  for (let tab = 0; tab < 3; tab += 1) await page.keyboard.press('Tab')
  await expect(link).toBeFocused()
  const tooltip = page.getByRole('tooltip')
  await expect(tooltip).toHaveText(long.email)
  const box = (await tooltip.boundingBox())!
  expect(box.x).toBeGreaterThanOrEqual(0)
  expect(box.x + box.width).toBeLessThanOrEqual(360)
  await expectNoAxeViolations(page)
  // Escape hides it and leaves the focus where it was.
  await page.keyboard.press('Escape')
  await expect(tooltip).toHaveCount(0)
  await expect(link).toBeFocused()
  await link.hover()
  await expect(tooltip).toHaveText(long.email)
})

test('a plain member sees no editing control; a project admin edits only their project', async ({
  page,
  request,
}) => {
  const { admin, organization, first, second, owner } = await organizationWithAccess(request)
  const viewer = createUser()
  const self = await addMember(request, admin, organization, viewer.email)
  await giveRoleByApi(request, admin, second, self.id, 'project-viewer')
  await signIn(page, viewer)
  await page.goto(`/organizations/${organization}/access`)
  await expect(grid(page)).toBeVisible()
  await expect(page.getByText(/Loading roles/)).toHaveCount(0)
  await expect(grid(page).getByRole('button')).toHaveCount(0)
  await expect(page.getByText(/shown only to their admins/)).toBeVisible()
  await expectNoAxeViolations(page)

  // The owner is project-admin of the first project (not an organization admin): that column only.
  const ownerUser = createUser({ email: owner.email })
  const other = await page.context().newPage()
  await signIn(other, ownerUser)
  await other.goto(`/organizations/${organization}/access`)
  await expect(other.getByText(/Loading roles/)).toHaveCount(0)
  await expect(cellButton(other, self.email, first)).toBeVisible()
  await expect(cellButton(other, self.email, second)).toHaveCount(0)
})

test('adding many from a CSV with project roles: unknown ones marked, the rest given, a failed row retried', async ({
  page,
  request,
}) => {
  const admin = createUser()
  const organization = await createOrganization(request, admin)
  const first = await createProject(request, admin, organization)
  const second = await createProject(request, admin, organization)
  const [ann, bob, cy, dee] = [uniqueEmail('ann'), uniqueEmail('bob'), uniqueEmail('cy'), uniqueEmail('dee')]
  await signIn(page, admin)
  await page.goto(`/organizations/${organization}/members`)
  await page.getByRole('button', { name: 'Add many' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add many members' })
  await expect(dialog.getByText(/add a projects column of project:role pairs/)).toBeVisible()
  const csv = [
    'email,project,role',
    `${ann},${first},viewer`,
    `${bob},${second},editor`,
    `${cy},no-such-project,viewer`,
    `${dee},${first},owner`,
    `${ann},${second},admin`,
  ].join('\n')
  await dialog.getByLabel('Or choose a CSV or text file').setInputFiles({
    name: 'people.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv),
  })
  const row = (email: string) => dialog.getByRole('row').filter({ hasText: email })
  await expect(row(ann)).toContainText(`project-viewer in ${first}`)
  await expect(row(ann)).toContainText(`project-admin in ${second}`)
  await expect(row(ann)).toContainText('2, 6')
  await expect(row(cy)).toContainText('Unknown project "no-such-project"')
  await expect(row(dee)).toContainText('Unknown role "owner"')
  await expect(dialog.getByText('2 unknown projects or roles')).toBeVisible()
  await expectNoAxeViolations(page)

  // The network drops the first role request of the second project: bob is added without his role.
  let dropped = false
  await page.route(`**/api/projects/${second}/role-assignments`, (route) => {
    if (!dropped && route.request().method() === 'POST') {
      dropped = true
      return route.abort('connectionreset')
    }
    return route.fallback()
  })
  await dialog.getByRole('button', { name: 'Add 2 members' }).click()
  await expect(
    dialog.getByText(/Added 2 members\. 1 row added without some of its project roles/),
  ).toBeVisible()
  const failed = row(ann).or(row(bob)).filter({ hasText: 'not every project role' })
  await expect(failed).toHaveCount(1)
  await expect(row(cy)).toContainText('Unknown project')

  await dialog.getByRole('button', { name: 'Retry 1 row' }).click()
  await expect(row(ann)).toContainText('Added')
  await expect(row(bob)).toContainText('Added')
  await expect(dialog.getByText('not every project role')).toHaveCount(0)

  const members = await callApi<Member[]>(request, admin, 'GET', `/organizations/${organization}/users`)
  const idOf = (email: string) => members.find((member) => member.email === email)!.id
  expect(members.map((member) => member.email)).not.toContain(cy)
  expect(members.map((member) => member.email)).not.toContain(dee)
  expect(await rolesByApi(request, admin, first, idOf(ann))).toEqual([
    { userId: idOf(ann), role: 'project-viewer' },
  ])
  expect(await rolesByApi(request, admin, second, idOf(ann))).toEqual([
    { userId: idOf(ann), role: 'project-admin' },
  ])
  expect(await rolesByApi(request, admin, second, idOf(bob))).toEqual([
    { userId: idOf(bob), role: 'project-editor' },
  ])
})
