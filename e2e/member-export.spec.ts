import type { APIRequestContext, Download, Page } from '@playwright/test'
import Papa from 'papaparse'
import { readFile } from 'node:fs/promises'
import {
  callApi,
  createOrganization,
  createUser,
  expect,
  expectNoAxeViolations,
  setUserName,
  signIn,
  test,
  uniqueEmail,
} from './fixtures'

const addMember = (
  request: APIRequestContext,
  admin: ReturnType<typeof createUser>,
  organization: string,
  email: string,
  admin_ = false,
) => callApi(request, admin, 'POST', `/organizations/${organization}/users`, { email, admin: admin_ })

/** The CSV of a download, as rows of cells (header first). */
async function csvRows(download: Download): Promise<string[][]> {
  const text = await readFile((await download.path())!, 'utf8')
  return Papa.parse<string[]>(text, { newline: '\r\n', skipEmptyLines: true }).data
}

/** The emails of the grid's rows, top to bottom, as the page shows them. */
async function shownEmails(page: Page): Promise<string[]> {
  const grid = page.getByRole('grid', { name: 'Members' })
  const rows = grid.getByRole('row').filter({ has: page.getByRole('gridcell') })
  const texts = await rows.evaluateAll((elements) =>
    // The email is the row's link (an admin's rows start with a checkbox).
    elements.map((row) => row.querySelector('[role="gridcell"] a')?.textContent?.trim() ?? ''),
  )
  return texts
}

async function exportCsv(page: Page): Promise<{ download: Download; rows: string[][] }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ])
  return { download, rows: await csvRows(download) }
}

test('the export holds exactly the members the list shows: search, role filter and sort applied', async ({
  page,
  request,
}) => {
  const admin = createUser()
  const organization = await createOrganization(request, admin)
  const tag = uniqueEmail('x').slice(2, 10) // a word only this test's addresses share
  const people = [
    { email: `ann-${tag}@example.com`, name: 'Ann', surname: 'Zeta', admin: true },
    { email: `bob-${tag}@example.com`, name: 'Bob, "the builder"', surname: 'Young', admin: false },
    { email: `cy-${tag}@example.com`, name: '=SUM(A1)', surname: 'Xu', admin: false },
    { email: uniqueEmail('other'), name: 'Other', surname: 'Person', admin: false },
  ]
  for (const person of people) {
    await addMember(request, admin, organization, person.email, person.admin)
    setUserName(person.email, person.name, person.surname)
  }
  await signIn(page, admin)
  await page.goto(`/organizations/${organization}/members`)
  const grid = page.getByRole('grid', { name: 'Members' })
  await expect(grid).toBeVisible()

  // Everything first: the header and every member, sorted by email as the list is.
  const all = await exportCsv(page)
  expect(all.download.suggestedFilename()).toBe(`members-${organization}.csv`)
  expect(all.rows[0]).toEqual(['email', 'name', 'surname', 'role'])
  expect(all.rows.slice(1).map((row) => row[0])).toEqual(await shownEmails(page))
  expect(all.rows).toHaveLength(1 + 5)

  // Search, role filter and a descending sort by surname: the file follows the screen.
  await page.getByRole('searchbox', { name: /Search/ }).fill(tag)
  await page.getByRole('combobox', { name: 'Role' }).selectOption('member')
  await grid.getByRole('button', { name: 'Surname' }).click()
  await grid.getByRole('button', { name: 'Surname' }).click()
  await expect(grid.getByRole('columnheader', { name: 'Surname' })).toHaveAttribute('aria-sort', 'descending')
  await expect(page.getByRole('status').filter({ hasText: 'of 5 members' })).toHaveText('2 of 5 members')
  await expectNoAxeViolations(page)

  const filtered = await exportCsv(page)
  expect(filtered.download.suggestedFilename()).toBe(`members-${organization}-member-filtered.csv`)
  expect(filtered.rows).toEqual([
    ['email', 'name', 'surname', 'role'],
    [people[1]!.email, 'Bob, "the builder"', 'Young', 'member'],
    [people[2]!.email, "'=SUM(A1)", 'Xu', 'member'],
  ])
  expect(filtered.rows.slice(1).map((row) => row[0])).toEqual(await shownEmails(page))

  // Admins only: the role column says so.
  await page.getByRole('combobox', { name: 'Role' }).selectOption('admin')
  await expect(page.getByRole('status').filter({ hasText: 'of 5 members' })).toHaveText('1 of 5 members')
  const admins = await exportCsv(page)
  expect(admins.rows.slice(1)).toEqual([[people[0]!.email, 'Ann', 'Zeta', 'admin']])
})

test('a member who is not an admin can export the list too, read-only', async ({ page, request }) => {
  const admin = createUser()
  const reader = createUser()
  const organization = await createOrganization(request, admin)
  await addMember(request, admin, organization, reader.email)
  await signIn(page, reader)
  await page.goto(`/organizations/${organization}/members?sort=email&dir=desc`)
  await expect(page.getByRole('grid', { name: 'Members' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Add member' })).toHaveCount(0)

  await expect(
    page.getByRole('grid', { name: 'Members' }).getByRole('columnheader', { name: 'Email' }),
  ).toHaveAttribute('aria-sort', 'descending')
  const { rows } = await exportCsv(page)
  // In the page's order (its collation sorts digits as numbers), with each one's role.
  const shown = await shownEmails(page)
  expect(shown).toHaveLength(2)
  expect(rows.slice(1).map((row) => [row[0], row[3]])).toEqual(
    shown.map((email) => [email, email === admin.email ? 'admin' : 'member']),
  )
})
