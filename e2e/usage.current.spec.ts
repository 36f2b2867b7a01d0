// Usage journeys against the current API generation: credits per project (shared/API.md, "The
// current generation"), over the demo organization with heavy, light, mid-way and deleted projects.
import type { APIRequestContext, Page } from '@playwright/test'
import { readFile } from 'node:fs/promises'
import { DEMO } from '../server/db/seed'
import { callApi, createUser, expect, expectNoAxeViolations, signIn, test, type TestUser } from './fixtures'

const organization = DEMO.projectsOrganization

interface Point {
  start_date: string
  end_date: string
  value: number
}
interface CurrentUsage {
  interval: string
  data_organization: Point[]
  data_projects: { project_id: string; project_name: string; data: Point[] }[]
  data_deleted_projects: Point[]
}

const usageOf = (request: APIRequestContext, user: TestUser, query = '') =>
  callApi<CurrentUsage>(request, user, 'GET', `/organizations/${organization}/usage${query}`)

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0)
/** Equal to the API's number, up to floating-point dust from adding decimals. */
const expectSame = (actual: number, expected: number, what: string) =>
  expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).toBeLessThan(1e-6)
/** "1,234.5" → 1234.5 */
const numberOf = (text: string) => Number(text.replace(/,/g, ''))
const dayFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)

test.describe.configure({ timeout: 90_000 })

async function openUsage(page: Page, url: string) {
  await page.goto(url)
  await expect(page.getByRole('form', { name: 'Usage range' })).toBeVisible({ timeout: 45_000 })
}

function setUp(page: Page) {
  const admin = createUser({ email: DEMO.adminEmail })
  return { admin, ready: signIn(page, admin) }
}

const projectTable = (page: Page) => page.getByRole('table', { name: 'Credits per project, most first' })
const bucketTable = (page: Page) => page.getByRole('table', { name: /^Credits per (day|month)$/ })

test('the period shows credits stacked by project, and a table of projects by credits with share, change and projection', async ({
  page,
  request,
}) => {
  const { admin, ready } = setUp(page)
  await ready
  const api = await usageOf(request, admin, '?interval=day')
  const total = sum(api.data_organization.map((b) => b.value))

  await openUsage(page, `/organizations/${organization}/usage`)
  await expect(page.getByText(`by day (${api.data_organization.length} buckets)`)).toBeVisible()
  await expect(page.getByText('The credits the organization used, per project.')).toBeVisible()
  const card = page.getByRole('region', { name: 'Credits, all projects' })
  await expect(
    card.getByText(new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }).format(total)),
  ).toBeVisible()
  await expect(card.getByText(/vs previous/)).toBeVisible()
  await expect(card.getByText(/Projected for the whole period/)).toBeVisible()

  // The stack: the five heaviest projects, the rest together, as the API ranks them in the period.
  const ranked = [...api.data_projects]
    .map((p) => ({ name: p.project_name, total: sum(p.data.map((b) => b.value)) }))
    .sort((a, b) => b.total - a.total)
  const legend = page.getByRole('list', { name: 'Credits per project series' })
  await expect(legend.getByRole('listitem').nth(0)).toHaveText(ranked[0]!.name)
  await expect(legend.getByRole('listitem').nth(4)).toHaveText(ranked[4]!.name)
  await expect(legend.getByText(`Other projects (${ranked.length - 5})`)).toBeVisible()
  await expect(page.getByTestId('usage-plot-credits').locator('.recharts-area-area')).not.toHaveCount(0)

  // The table: every project, most credits first, with its share of the organization's credits.
  const rows = projectTable(page).locator('tbody tr')
  const deletedUsed = sum(api.data_deleted_projects.map((b) => b.value)) > 0
  await expect(rows).toHaveCount(ranked.length + (deletedUsed ? 1 : 0))
  const credits = (await rows.locator('td:nth-of-type(1)').allInnerTexts()).map(numberOf)
  expect(credits).toEqual([...credits].sort((a, b) => b - a))
  expectSame(sum(credits), total, 'the projects add up to the organization')
  const first = rows.first()
  await expect(first.locator('th')).toHaveText(ranked[0]!.name)
  await expect(first.locator('td').nth(1)).toHaveText(
    // The page writes one decimal always (formatShare): 51.0%, not 51%.
    new Intl.NumberFormat('en-GB', {
      style: 'percent',
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    }).format(ranked[0]!.total / total),
  )
  await expect(first.locator('td').nth(2)).toHaveText(/^[+-]?[\d,.]+%$|^0%$|^new$/)
  await expect(first.locator('td').nth(3)).toHaveText(/^[\d,.]+$/)
  await expectNoAxeViolations(page)
})

test('per bucket, the projects on the page and in the CSV add up to the organization’s credits in the API answer', async ({
  page,
  request,
}) => {
  const { admin, ready } = setUp(page)
  await ready
  // 90 days: the deleted project (deleted 30 days ago) used credits in them.
  const start = dayFromToday(-89)
  const end = dayFromToday(1)
  const api = await usageOf(request, admin, `?start_date=${start}&end_date=${end}&interval=day`)
  expect(sum(api.data_deleted_projects.map((b) => b.value))).toBeGreaterThan(0)

  await openUsage(page, `/organizations/${organization}/usage?range=90d&view=table`)
  const table = bucketTable(page)
  await expect(table.locator('tbody tr')).toHaveCount(api.data_organization.length)
  // The number columns (the day's own heading and its "why" button's column apart).
  const headers = await table.locator('thead th.usage-table__number').allInnerTexts()
  expect(headers.at(-1)).toBe('Total')
  expect(headers).toContain('Deleted projects')
  expect(headers.some((h) => h.startsWith('Other projects'))).toBe(true)
  const cells = await table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ({
      start: tr.querySelector('time')!.getAttribute('datetime'),
      values: [...tr.querySelectorAll('td.usage-table__number')].map((cell) =>
        Number(cell.textContent!.replace(/,/g, '')),
      ),
    })),
  )
  api.data_organization.forEach((bucket, index) => {
    const row = cells[index]!
    expect(row.start).toBe(bucket.start_date)
    expectSame(sum(row.values.slice(0, -1)), bucket.value, `page, ${bucket.start_date}`)
    expectSame(row.values.at(-1)!, bucket.value, `page total, ${bucket.start_date}`)
  })
  await expectNoAxeViolations(page)

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ])
  expect(download.suggestedFilename()).toBe(
    `credits-${organization}-${start}-to-${dayFromToday(0)}-daily.csv`,
  )
  const lines = (await readFile((await download.path())!, 'utf8')).trimEnd().split('\r\n')
  expect(lines[0]).toBe(['start_date', 'end_date', ...headers.slice(0, -1)].join(','))
  expect(lines).toHaveLength(api.data_organization.length + 1)
  api.data_organization.forEach((bucket, index) => {
    const [startDate, endDate, ...values] = lines[index + 1]!.split(',')
    expect([startDate, endDate]).toEqual([bucket.start_date, bucket.end_date])
    expectSame(sum(values.map(Number)), bucket.value, `CSV, ${bucket.start_date}`)
  })
})

test('the project filter is kept in the URL, and the chart, tables and CSV hold only that project', async ({
  page,
  request,
}) => {
  const { admin, ready } = setUp(page)
  await ready
  const start = dayFromToday(-29)
  const end = dayFromToday(1)
  const api = await usageOf(request, admin, `?start_date=${start}&end_date=${end}&interval=day`)
  const project = api.data_projects.find((p) => p.data.some((b) => b.value > 0))!

  await openUsage(page, `/organizations/${organization}/usage?range=30d`)
  await page.getByRole('combobox', { name: 'Project' }).selectOption({ label: project.project_name })
  // The address names the project as a person shares it, by its name, not its id.
  await expect(page).toHaveURL(new RegExp(`project=${encodeURIComponent(project.project_name)}(&|$)`))
  await expect(
    page.getByRole('list', { name: 'Credits per project series' }).getByRole('listitem'),
  ).toHaveText([project.project_name])
  await expect(projectTable(page).locator('tbody tr')).toHaveCount(1)
  await expect(page.getByRole('region', { name: `Credits, ${project.project_name}` })).toBeVisible()

  // A link gives the same view; the table holds the project's own numbers.
  await page.reload()
  await expect(page.getByRole('combobox', { name: 'Project' })).toHaveValue(project.project_name)
  await page.getByRole('button', { name: 'Table' }).click()
  const table = bucketTable(page)
  await expect(table.locator('thead th')).toHaveText(['Day', project.project_name, 'Why this day'])
  const values = (await table.locator('tbody td.usage-table__number').allInnerTexts()).map(numberOf)
  expect(values).toEqual(project.data.map((b) => b.value))

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ])
  const lines = (await readFile((await download.path())!, 'utf8')).trimEnd().split('\r\n')
  expect(lines[0]).toBe(`start_date,end_date,${project.project_name}`)
  expect(lines.slice(1).map((line) => Number(line.split(',')[2]))).toEqual(project.data.map((b) => b.value))
  await expectNoAxeViolations(page)

  await page.getByRole('combobox', { name: 'Project' }).selectOption({ label: 'All projects' })
  await expect(page).not.toHaveURL(/project=/)

  // A link from when the address held the project's id still opens the project, at its name.
  await openUsage(page, `/organizations/${organization}/usage?range=30d&project=${project.project_id}`)
  await expect(page).toHaveURL(new RegExp(`project=${encodeURIComponent(project.project_name)}(&|$)`))
  await expect(page).toHaveURL(/range=30d/)
  await expect(page.getByRole('combobox', { name: 'Project' })).toHaveValue(project.project_name)
})

test('an answer of neither generation’s shape is an error naming the endpoint and the field, with Retry', async ({
  page,
}) => {
  const { ready } = setUp(page)
  await ready
  let broken = true
  await page.route('**/api/organizations/*/usage?*', async (route) => {
    if (!broken) return route.fallback()
    await route.fulfill({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({
        data_organization: [],
        data_projects: [{ project_id: 'x', project_name: 'x', data: 7 }],
      }),
    })
  })
  await openUsage(page, `/organizations/${organization}/usage?range=7d`)
  const alert = page.getByRole('alert').filter({ hasText: 'Could not load the usage' })
  await expect(alert).toContainText(`GET /organizations/${organization}/usage`)
  await expect(alert).toContainText('"data_projects[0].data"')
  await expectNoAxeViolations(page)
  broken = false
  await alert.getByRole('button', { name: 'Retry' }).click()
  await expect(page.getByRole('figure', { name: 'Credits per project' })).toBeVisible()
})
