import type { Page } from '@playwright/test'
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
  uniqueName,
} from './fixtures'

const palette = (page: Page) => page.getByRole('dialog', { name: 'Go to or run' })
const paletteInput = (page: Page) =>
  palette(page).getByRole('combobox', { name: 'Organization, page, member email or action' })

async function openPalette(page: Page) {
  await page.keyboard.press('ControlOrMeta+k')
  await expect(paletteInput(page)).toBeFocused()
}

test("Ctrl-K jumps to another organization's page by keyboard alone, and Escape gives focus back", async ({
  page,
  request,
}) => {
  const admin = createUser()
  const first = await createOrganization(request, admin)
  const second = await createOrganization(request, admin)
  await signIn(page, admin)
  await page.goto(`/organizations/${first}`)
  await expect(page.getByRole('heading', { name: first, level: 1 })).toBeVisible()

  // Escape closes, and focus returns to what had it.
  const trigger = page.getByRole('button', { name: /Go to/ })
  await trigger.focus()
  await openPalette(page)
  await expect(palette(page).getByRole('option', { name: 'Create organization' })).toBeVisible()
  await expectNoAxeViolations(page)
  await page.keyboard.press('Escape')
  await expect(palette(page)).toBeHidden()
  await expect(trigger).toBeFocused()

  await openPalette(page)
  await page.keyboard.type(`${second} usage`)
  const option = palette(page).getByRole('option', { name: `${second} › Usage` })
  await expect(option).toHaveAttribute('aria-selected', 'true')
  await expect(paletteInput(page)).toHaveAttribute(
    'aria-activedescendant',
    (await option.getAttribute('id'))!,
  )
  // The usage page and its monthly report (found by its manifest keywords), the page first.
  await expect(palette(page).getByRole('status')).toHaveText('2 results')
  await expectNoAxeViolations(page)
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(`/organizations/${second}/usage`)
  await expect(palette(page)).toBeHidden()
  // Navigations are transitions: the old page stays until the new one has its data.
  await expect(page.getByRole('heading', { name: second, level: 1 })).toBeVisible()

  // Arrow keys move through the results (wrapping); the current organization's pages are there.
  await openPalette(page)
  await page.keyboard.type('settings')
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowUp')
  await expect(palette(page).getByRole('option', { selected: true })).toHaveText('Settings')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(`/organizations/${second}/settings`)
})

test('finds a member of the current organization by email and opens their details', async ({
  page,
  request,
}) => {
  const admin = createUser()
  const organization = await createOrganization(request, admin)
  const person = uniqueEmail('findme')
  const member = await callApi<{ id: string }>(
    request,
    admin,
    'POST',
    `/organizations/${organization}/users`,
    {
      email: person,
      admin: false,
    },
  )
  await signIn(page, admin)
  await page.goto(`/organizations/${organization}`)
  await expect(page.getByRole('heading', { name: organization, level: 1 })).toBeVisible()

  await openPalette(page)
  await page.keyboard.type(person.slice(0, 12).toUpperCase())
  await expect(palette(page).getByRole('group', { name: 'Members' }).getByRole('option')).toHaveText([person])
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(`/organizations/${organization}/members/${member.id}`)
  await expect(page.getByRole('dialog')).toContainText(person)
})

test('runs actions: create an organization, add a member, export the members shown', async ({
  page,
  request,
}) => {
  const admin = createUser()
  const organization = await createOrganization(request, admin)
  await signIn(page, admin)
  await page.goto(`/organizations/${organization}/members?role=admin`)
  await expect(page.getByRole('grid', { name: 'Members' })).toBeVisible()

  // Add member: the palette hands over to the add dialog; the new member is in the API.
  await openPalette(page)
  await page.keyboard.type('add member')
  await page.keyboard.press('Enter')
  const add = page.getByRole('dialog', { name: 'Add a member' })
  await expect(add.getByRole('textbox', { name: 'Email' })).toBeFocused()
  await expectNoAxeViolations(page)
  const newcomer = uniqueEmail('palette')
  await page.keyboard.type(newcomer)
  await page.keyboard.press('Enter')
  await expect(add).toBeHidden()
  const members = await callApi<Array<{ email: string }>>(
    request,
    admin,
    'GET',
    `/organizations/${organization}/users`,
  )
  expect(members.map((m) => m.email)).toContain(newcomer)

  // Export: the members the list shows (admins only here), not everyone.
  await openPalette(page)
  await page.keyboard.type('export')
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')])
  expect(download.suggestedFilename()).toBe(`members-${organization}-admin.csv`)
  const rows = Papa.parse<string[]>(await readFile((await download.path())!, 'utf8'), {
    newline: '\r\n',
  }).data
  expect(rows).toEqual([
    ['email', 'name', 'surname', 'role'],
    [admin.email, expect.any(String), expect.any(String), 'admin'],
  ])

  // Create organization: from any page, straight into the create dialog.
  await openPalette(page)
  await page.keyboard.type('create')
  await page.keyboard.press('Enter')
  const create = page.getByRole('dialog', { name: 'Create an organization' })
  await expect(create.getByLabel('Name')).toBeFocused()
  const name = uniqueName('palette')
  await page.keyboard.type(name)
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(`/organizations/${name}`)
})

test('a member who is not an admin is not offered to add members', async ({ page, request }) => {
  const admin = createUser()
  const reader = createUser()
  const organization = await createOrganization(request, admin)
  await callApi(request, admin, 'POST', `/organizations/${organization}/users`, {
    email: reader.email,
    admin: false,
  })
  await signIn(page, reader)
  await page.goto(`/organizations/${organization}/members`)
  await expect(page.getByRole('grid', { name: 'Members' })).toBeVisible()
  await openPalette(page)
  await expect(palette(page).getByRole('option', { name: /^Export members of/ })).toBeVisible()
  await expect(palette(page).getByRole('option', { name: /^Add member/ })).toHaveCount(0)
})

test('opened on the organization list, outside any organization, it asks for no organization', async ({
  page,
  request,
}) => {
  const admin = createUser()
  await createOrganization(request, admin)
  await signIn(page, admin)
  const asked: string[] = []
  page.on('request', (sent) => asked.push(new URL(sent.url()).pathname))
  await page.goto('/organizations')
  await expect(page.getByRole('heading', { name: 'Organizations', level: 1 })).toBeVisible()

  await openPalette(page)
  await expect(palette(page).getByRole('option', { name: 'Create organization' })).toBeVisible()
  // Its rights are checked per organization: on the list there is none to check.
  expect(asked.filter((path) => path.includes('/organizations//'))).toEqual([])
  await expect(palette(page).getByRole('option', { name: /Add member/ })).toHaveCount(0)
})

test('the palette finds the credit budget, and on a phone its button is a labelled magnifier without the Ctrl K chip', async ({
  page,
  request,
}) => {
  const admin = createUser()
  const organization = await createOrganization(request, admin)
  await signIn(page, admin)
  await page.goto(`/organizations/${organization}/members`)
  await expect(page.getByRole('grid', { name: 'Members' })).toBeVisible()

  const trigger = page.getByRole('button', { name: 'Go to…' })
  await expect(trigger.locator('kbd')).toBeVisible()
  await openPalette(page)
  await page.keyboard.type('budget')
  await expect(palette(page).getByRole('option').first()).toHaveText('Credit budget')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(`/organizations/${organization}#credit-budget`)
  const section = page.locator('#credit-budget')
  await expect(section).toBeFocused()
  await expect(section.getByRole('heading', { name: 'Credit budget' })).toBeInViewport()

  await page.setViewportSize({ width: 360, height: 740 })
  await expect(trigger).toBeVisible()
  await expect(trigger.locator('kbd')).toBeHidden()
  await expect(page.getByText(/^(Ctrl K|⌘K)$/)).toBeHidden()
  await expect(trigger.locator('svg')).toBeVisible()
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
  await trigger.click()
  await expect(paletteInput(page)).toBeFocused()
  await expectNoAxeViolations(page)
})
