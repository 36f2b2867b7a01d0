// "Why this day" in both API generations, on the demo's usage jump (server/db/seed.ts
// DEMO.usageJump: churn-acme's deployment version churn-scorer v4 runs about twice as much from a
// day on, the day its maximum instances went from 2 to 5). The day is read from the API's audit
// answer, never from this machine's calendar: the seed is relative to the server's today.
import type { APIRequestContext, Page } from '@playwright/test'
import { DEMO } from '../server/db/seed'
import {
  apiGeneration,
  callApi,
  createUser,
  expect,
  expectNoAxeViolations,
  signIn,
  test,
  uniqueEmail,
  type TestUser,
} from './fixtures'

const organization = DEMO.projectsOrganization
const jump = DEMO.usageJump
const change = `Deployment version ${jump.deploymentName}/${jump.version}: maximum instances 2 → 5`

test.describe.configure({ timeout: 90_000 })

/** The jump's day (UTC) as the API's audit trail of the project dates its configuration change. */
async function jumpDay(request: APIRequestContext, admin: TestUser): Promise<string> {
  const events = await callApi<{ date: string; event: string }[]>(
    request,
    admin,
    'GET',
    `/projects/${jump.projectName}/audit?limit=500`,
  )
  const event = events.find((candidate) => candidate.event === change)
  expect(event, 'the seeded change behind the jump').toBeDefined()
  return event!.date.slice(0, 10)
}

/** A UTC day as the dashboard writes it for en-US: "Nov 24, 2026". */
const written = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString('en-US', {
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  })

async function openLast30Days(page: Page, extra = '') {
  await page.goto(`/organizations/${organization}/usage?range=30d${extra}`)
  await expect(page.getByRole('form', { name: 'Usage range' })).toBeVisible({ timeout: 45_000 })
}

const creditsChart = (page: Page) => page.getByRole('application', { name: /^Credits/ })
const panel = (page: Page) => page.getByRole('region', { name: /^Why this day/ })

test('the jump day is marked, and choosing it by keyboard explains it down to the version and its change', async ({
  page,
  request,
}) => {
  const admin = createUser({ email: DEMO.adminEmail })
  await signIn(page, admin)
  const day = await jumpDay(request, admin)
  await openLast30Days(page)

  // Marked before anything is chosen: a visible mark, and the chart's description names the day.
  const chart = creditsChart(page)
  await expect(chart).toHaveAccessibleDescription(
    new RegExp(`Far from usual, and marked: [^.]*${written(day)}`),
  )
  await expect(chart.locator('.usage-chart__mark').first()).toBeVisible()

  // Keyboard only: the chart is one tab stop; End reaches today, the arrows go back to the jump day.
  await chart.focus()
  await page.keyboard.press('End')
  const live = page.getByTestId('usage-chart-credits-live')
  const today = await page.evaluate(() => new Date().toISOString().slice(0, 10))
  const back = Math.round((Date.parse(today) - Date.parse(day)) / 86_400_000)
  for (let step = 0; step < back; step += 1) await page.keyboard.press('ArrowLeft')
  await expect(live).toHaveText(new RegExp(`^${written(day)}: .*far from usual`))
  await page.keyboard.press('Enter')

  await expect(page).toHaveURL(new RegExp(`day=${day}`))
  const heading = page.getByRole('heading', { name: `Why this day: ${written(day)}` })
  await expect(heading).toBeFocused()
  const why = panel(page)
  const projects = why.getByRole('table', { name: /^Projects that made the change/ })
  await expect(projects.getByRole('row').nth(1).getByRole('rowheader')).toContainText(jump.projectName)
  const project = why.getByRole('region', { name: jump.projectName, exact: true })
  if (apiGeneration() === 'current') {
    const versions = project.getByRole('table', { name: /^Deployment versions of churn-acme/ })
    await expect(versions.getByRole('row').nth(1).getByRole('rowheader')).toHaveText(
      `${jump.deploymentName} ${jump.version}`,
    )
  } else {
    const metrics = project.getByRole('table', { name: /per object type and metric/ })
    await expect(metrics.getByRole('row', { name: /Deployment versions · Credits/ })).toBeVisible()
  }
  await expect(project.getByRole('list', { name: /^Changes to churn-acme/ })).toContainText(change)
  await expect(project.getByRole('link', { name: `Open the usage of ${jump.projectName}` })).toBeVisible()
  await expectNoAxeViolations(page)

  // Escape closes it and gives focus back to the chart; Back opens it again.
  await page.keyboard.press('Escape')
  await expect(why).toHaveCount(0)
  await expect(chart).toBeFocused()
  await page.goBack()
  await expect(panel(page)).toBeVisible()
})

test('a table row chooses its day; a member outside the project sees no versions and no changes', async ({
  page,
  request,
}) => {
  const admin = createUser({ email: DEMO.adminEmail })
  const day = await jumpDay(request, admin)
  const member = createUser({ email: uniqueEmail('why-member') })
  await callApi(request, admin, 'POST', `/organizations/${organization}/users`, { email: member.email })
  await signIn(page, member)
  await openLast30Days(page, '&view=table')

  const table = page.getByRole('table', { name: /per day$/ })
  await expect(table.getByRole('row', { name: new RegExp(written(day)) })).toContainText('far from usual')
  const choose = page.getByRole('button', { name: `Why this day: ${written(day)}` })
  await choose.click()
  await expect(page.getByRole('heading', { name: `Why this day: ${written(day)}` })).toBeFocused()
  const why = panel(page)
  await expect(why.getByRole('table', { name: `${written(day)} against what is usual` })).toBeVisible()
  if (apiGeneration() === 'current')
    // The organization's answer names every project; this member may open none of them.
    await expect(why.getByText(`You are not a member of ${jump.projectName}`)).toBeVisible()
  else await expect(why.getByText("No project's credits differ from what is usual for them.")).toBeVisible()
  await expect(why.getByRole('list', { name: /^Changes to/ })).toHaveCount(0)
  await expect(why.getByRole('link', { name: /^Open the usage of/ })).toHaveCount(0)
  await expectNoAxeViolations(page)
  await why.getByRole('button', { name: 'Close why this day' }).click()
  await expect(choose).toBeFocused()
})
