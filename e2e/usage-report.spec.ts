// The monthly report (/organizations/:name/usage/report), against both API generations
// (playwright.config.ts): each test makes its own organization, with a subscription that started
// months ago and daily usage in two projects, written into the e2e database as the seed writes it.
import type { APIRequestContext, Page } from '@playwright/test'
import { randomUUID } from 'node:crypto'
import { addDays, addMonths, daysBetween, utcToday } from '../domain/dates'
import { USAGE_SERIES } from '../domain/usage'
import { formatDay, formatSpan } from '../src/features/usage/lib/dates'
import { formatLongDayRange } from '../src/lib/format-date'
import { currentPeriod } from '../domain/subscriptions'
import { WEEKLY_PROJECTION_METHOD } from '../domain/weekly-projection'
import { openDatabase } from '../server/db/open'
import { DEMO } from '../server/db/seed'
import { e2eEnvironment } from './environment'
import {
  apiGeneration,
  callApi,
  createOrganization,
  createUser,
  expect,
  expectNoAxeViolations,
  periodCreditPoints,
  signIn,
  test,
  type TestUser,
  type UsagePoint,
  uniqueName,
} from './fixtures'

test.describe.configure({ timeout: 90_000 })

interface Point {
  start_date: string
  value: number
}

/**
 * A new organization of `user` on the professional subscription, started `daysAgo` days ago,
 * with usage every day since in two projects: every series of the 2022 answer, credits with two
 * decimals, volumes in whole bytes. Returns its name and subscription start.
 */
async function organizationWithUsage(request: APIRequestContext, user: TestUser, daysAgo = 75) {
  const name = await createOrganization(request, user)
  const today = utcToday()
  const start = addDays(today, -daysAgo)
  const db = openDatabase(e2eEnvironment(apiGeneration()).databasePath)
  try {
    db.transaction(() => {
      const { id } = db
        .prepare(
          `UPDATE organizations SET subscription = 'professional', subscription_start_date = ?,
             subscription_end_date = ? WHERE name = ? RETURNING id`,
        )
        .get(start, addMonths(start, 12), name) as { id: string }
      const insertProject = db.prepare(
        'INSERT INTO projects (id, organization_id, name, creation_date) VALUES (?, ?, ?, ?)',
      )
      const insertUsage = db.prepare(
        'INSERT INTO usage_daily (organization_id, day, project_id, object_type, metric, value) VALUES (?, ?, ?, ?, ?, ?)',
      )
      ;['scoring', 'training'].forEach((project, p) => {
        const projectId = randomUUID()
        // Live project names are unique across organizations (server migration 007).
        insertProject.run(projectId, id, uniqueName(project), `${start}T00:00:00.000000Z`)
        for (let day = start, n = 0; day <= today; day = addDays(day, 1), n += 1)
          for (const { object_type, metric } of USAGE_SERIES) {
            const value =
              metric === 'credits'
                ? Math.round((12.34 + ((n * 7 + p * 3) % 11) * 1.5) * 100) / 100
                : 1000 * (n + 1) * (p + 1)
            insertUsage.run(id, day, projectId, object_type, metric, value)
          }
      })
    })()
  } finally {
    db.close()
  }
  return { name, start }
}

/** The values of an API answer's buckets added up. */
const sumPoints = (points: readonly { value: number }[]) =>
  points.reduce((total, point) => total + point.value, 0)

/** The credits (and, 2022, volumes) of the organization in [start, end), as the API sums nothing. */
async function apiTotals(
  request: APIRequestContext,
  user: TestUser,
  name: string,
  start: string,
  end: string,
) {
  const answer = await callApi<unknown>(
    request,
    user,
    'GET',
    `/organizations/${name}/usage?start_date=${start}&end_date=${end}&interval=day`,
  )
  if (apiGeneration() === 'current') {
    const current = answer as { data_organization: Point[] }
    return {
      credits: sumPoints(current.data_organization),
      inputVolume: null,
      buckets: current.data_organization.length,
    }
  }
  const series = answer as { metric: string; usage: Point[] }[]
  const of = (metric: string) => sumPoints(series.filter((s) => s.metric === metric).flatMap((s) => s.usage))
  return { credits: of('credits'), inputVolume: of('input_volume'), buckets: series[0]!.usage.length }
}

/** Equal to the API's sum, up to floating-point dust from adding decimals. */
const expectSame = (actual: number, expected: number, what: string) =>
  expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).toBeLessThan(1e-6)

/** The report's credits total: the per-metric table's (2022) or the total card's (current: all projects, or all of a project's versions). */
async function reportedCredits(page: Page): Promise<number> {
  const cell =
    apiGeneration() === 'current'
      ? page.getByRole('region', { name: /^Credits, all / }).locator('.usage-total__value[data-value]')
      : page
          .getByRole('table', { name: 'Totals per metric and object type' })
          .locator('tr[data-metric="credits"] td[data-value]')
  return Number(await cell.getAttribute('data-value'))
}

/** How many pages a PDF made by Chromium has: one `/Type /Page` object each. */
const pageCount = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0

test('the report opens from the usage page by keyboard, adds up as the API does, and prints only itself', async ({
  page,
  request,
}) => {
  const admin = createUser()
  const { name, start } = await organizationWithUsage(request, admin)
  await signIn(page, admin)
  const today = utcToday()
  const current = currentPeriod(start, today)
  const previous = { start: addMonths(start, 1), end: addMonths(start, 2) }
  expect(previous.end).toBe(current.start)

  await page.goto(`/organizations/${name}/usage`)
  const link = page.getByRole('link', { name: /^Monthly report/ })
  await link.focus()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(new RegExp(`/organizations/${name}/usage/report$`))

  // The current subscription period, still running: its dates, and its credits so far.
  const heading = page.getByRole('heading', { level: 2, name: /^Usage report, / })
  await expect(heading).toBeVisible({ timeout: 45_000 })
  // The period line reads as short sentences, not one sentence of parentheses.
  await expect(page.getByTestId('report-period')).toContainText(
    `It is the current subscription period: one month of the subscription, counted from the day it started. It is still running, so the totals are so far, through ${formatDay(today)}.`,
  )
  await expect(page.getByTestId('report-period')).not.toContainText('(')
  // The subscription as the organization pages write it.
  await expect(page.getByRole('definition').filter({ hasText: /^Professional$/ })).toBeVisible()
  // The breadcrumbs end in the report; Usage leads back to the usage page.
  const breadcrumb = page.getByRole('navigation', { name: 'Breadcrumb' })
  await expect(breadcrumb.getByRole('listitem')).toHaveText([
    'Organizations',
    name,
    'Usage',
    'Monthly report',
  ])
  await expect(breadcrumb.getByText('Monthly report')).toHaveAttribute('aria-current', 'page')
  await expect(breadcrumb.getByRole('link', { name: 'Usage', exact: true })).toHaveAttribute(
    'href',
    `/organizations/${name}/usage`,
  )
  const sofar = await apiTotals(request, admin, name, current.start, current.end)
  await expect.poll(() => reportedCredits(page)).toBeGreaterThan(0)
  expectSame(await reportedCredits(page), sofar.credits, 'credits of the current period')
  await expect(page.getByText(/Projected for the whole period/).first()).toBeVisible()
  // The days so far, not the zeros still to come.
  await expect(page.getByRole('table', { name: /per day$/ }).locator('tbody tr')).toHaveCount(
    daysBetween(current.start, today) + 1,
  )

  // The period before, chosen by keyboard in the labelled select: in the address, and its totals.
  const select = page.getByRole('combobox', { name: 'Period' })
  await select.focus()
  await select.selectOption(previous.start)
  await expect(page).toHaveURL(new RegExp(`/usage/report\\?period=${previous.start}$`))
  await expect(page.getByTestId('report-period')).not.toContainText('still running')
  await expect(page.getByTestId('report-period')).toContainText('both days included')
  await expect(page.getByTestId('report-period')).toContainText('It is over: the totals are whole.')
  const api = await apiTotals(request, admin, name, previous.start, previous.end)
  await expect.poll(() => reportedCredits(page)).not.toBe(sofar.credits)
  expectSame(await reportedCredits(page), api.credits, 'credits of the previous period')
  if (api.inputVolume !== null)
    expect(
      Number(
        await page
          .getByRole('table', { name: 'Totals per metric and object type' })
          .locator('tr[data-metric="input_volume"] td[data-value]')
          .getAttribute('data-value'),
      ),
    ).toBe(api.inputVolume)
  const perDay = page.getByRole('table', { name: /per day$/ })
  await expect(perDay.locator('tbody tr')).toHaveCount(api.buckets)
  if (apiGeneration() === 'current') {
    const rows = page.getByRole('table', { name: 'Credits per project, most first' }).locator('tbody tr')
    await expect(rows).toHaveCount(2)
    const credits = await rows
      .locator('td[data-value]')
      .evaluateAll((cells) => cells.map((cell) => Number(cell.getAttribute('data-value'))))
    expectSame(
      credits.reduce((a, b) => a + b, 0),
      api.credits,
      'the projects add up to the organization',
    )
  }
  await expect(page.locator('.recharts-surface').first()).toBeVisible()
  // On screen the report has the page's width: at 1280 px no table scrolls sideways.
  expect(page.viewportSize()?.width).toBe(1280)
  const tables = page.locator('.usage-report .ui-table-wrap')
  expect(await tables.count()).toBeGreaterThanOrEqual(2)
  for (const wrap of await tables.all())
    expect(await wrap.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(0)
  await expectNoAxeViolations(page)

  // On paper: the report only, no header, navigation, tabs or buttons.
  await page.emulateMedia({ media: 'print' })
  await expect(page.getByRole('banner')).toBeHidden()
  await expect(page.getByRole('navigation', { name: 'Organization sections' })).toBeHidden()
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toBeHidden()
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeHidden()
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden()
  await expect(select).toBeHidden()
  await expect(heading).toBeVisible()
  await expect(page.getByText('Generated')).toBeVisible()
  await expect(perDay).toBeVisible()
  const thead = perDay.locator('thead')
  expect(await thead.evaluate((element) => getComputedStyle(element).display)).toBe('table-header-group')
  expect(await page.locator('body').evaluate((body) => getComputedStyle(body).backgroundColor)).toBe(
    'rgb(255, 255, 255)',
  )
  const pdf = await page.pdf({ format: 'A4' })
  expect(pageCount(pdf)).toBeGreaterThanOrEqual(2)
  expect(pageCount(pdf)).toBeLessThanOrEqual(6)
  const letter = await page.pdf({ format: 'Letter' })
  expect(pageCount(letter)).toBeLessThanOrEqual(6)
  // Every page, on paper and in the PDF, is numbered in its bottom margin.
  const pageRules = await page.evaluate(() => {
    const texts: string[] = []
    const visit = (rules: CSSRuleList) => {
      for (const rule of Array.from(rules)) {
        if (rule instanceof CSSPageRule) texts.push(rule.cssText)
        else if ('cssRules' in rule) visit((rule as CSSGroupingRule).cssRules)
      }
    }
    for (const sheet of Array.from(document.styleSheets)) visit(sheet.cssRules)
    return texts.join('\n')
  })
  expect(pageRules).toMatch(/@bottom-\w+\s*\{[^}]*counter\(page\)[^}]*counter\(pages\)/)
  await expectNoStrayBorder(page)
  await page.emulateMedia({ media: 'screen' })
  await expectNoStrayBorder(page)

  // "Download PDF" prints to the browser's PDF under the report's file name, then gives the title back.
  const title = await page.title()
  await page.evaluate(() => {
    window.print = () => {
      document.body.dataset.printedAs = document.title
      window.dispatchEvent(new Event('afterprint'))
    }
  })
  await page.getByRole('button', { name: 'Download PDF' }).click()
  await expect(page.locator('body')).toHaveAttribute(
    'data-printed-as',
    `usage-report-${name}-${previous.start}-to-${addDays(previous.end, -1)}`,
  )
  await expect(page).toHaveTitle(title)
})

/**
 * The last row of the per-metric (2022) and per-project (current) tables has no border under any
 * cell, its row header included: the table's frame closes it.
 */
async function expectNoStrayBorder(page: Page) {
  const table = page.getByRole('table', {
    name:
      apiGeneration() === 'current' ? 'Credits per project, most first' : 'Totals per metric and object type',
  })
  const widths = await table
    .locator('tbody tr')
    .last()
    .locator('th, td')
    .evaluateAll((cells) => cells.map((cell) => getComputedStyle(cell).borderBottomWidth))
  expect(widths.length).toBeGreaterThan(1)
  expect(new Set(widths)).toEqual(new Set(['0px']))
}

test('a calendar month is a period too, and a period the organization never had is explained', async ({
  page,
  request,
}) => {
  const admin = createUser()
  const { name, start } = await organizationWithUsage(request, admin, 45)
  await signIn(page, admin)
  const lastMonth = addMonths(`${utcToday().slice(0, 7)}-01`, -1)

  await page.goto(`/organizations/${name}/usage/report?period=${lastMonth.slice(0, 7)}`)
  const monthSpan = formatLongDayRange(lastMonth, addDays(addMonths(lastMonth, 1), -1), 'en-US')
  await expect(page.getByRole('heading', { level: 2, name: `Usage report, ${monthSpan}` })).toBeVisible({
    timeout: 45_000,
  })
  await expect(page.getByRole('combobox', { name: 'Period' })).toHaveValue(lastMonth.slice(0, 7))
  const api = await apiTotals(request, admin, name, lastMonth, addMonths(lastMonth, 1))
  await expect.poll(() => reportedCredits(page)).toBeGreaterThan(0)
  expectSame(await reportedCredits(page), api.credits, 'credits of last month')

  // A day that starts none of its subscription periods.
  await page.goto(`/organizations/${name}/usage/report?period=${addDays(start, 1)}`)
  await expect(page.getByRole('heading', { name: 'This period cannot be reported' })).toBeVisible({
    timeout: 45_000,
  })
  await expectNoAxeViolations(page)
  await page.getByRole('link', { name: 'Report the current subscription period' }).click()
  await expect(page.getByTestId('report-period')).toContainText('still running')
})

test('a calendar month still running is reported so far, with a projection to its end', async ({
  page,
  request,
}) => {
  const admin = createUser()
  const { name } = await organizationWithUsage(request, admin, 45)
  const today = utcToday()
  // Noon of today on the page's clock: the projection rests on the days passed up to then.
  await page.clock.setFixedTime(new Date(`${today}T12:00:00Z`))
  await signIn(page, admin)
  const month = { start: `${today.slice(0, 7)}-01`, end: addMonths(`${today.slice(0, 7)}-01`, 1) }
  const elapsedDays = daysBetween(month.start, today) + 1
  const wholeDays = elapsedDays - 1

  await page.goto(`/organizations/${name}/usage/report`)
  const select = page.getByRole('combobox', { name: 'Period' })
  await expect(select).toBeVisible({ timeout: 45_000 })
  await select.selectOption(month.start.slice(0, 7))
  await expect(page).toHaveURL(new RegExp(`/usage/report\\?period=${month.start.slice(0, 7)}$`))
  await expect(page.getByTestId('report-period')).toContainText(
    `It is a calendar month. It is still running, so the totals are so far, through ${formatDay(today)}.`,
  )
  const api = await apiTotals(request, admin, name, month.start, month.end)
  await expect.poll(() => reportedCredits(page)).toBeGreaterThan(0)
  expectSame(await reportedCredits(page), api.credits, 'credits of this month so far')
  // The projection of the current subscription period's rule, to the month's end.
  await expect(page.getByText(/Projected for the whole period/).first()).toBeVisible()
  // The weekly projection (domain/weekly-projection.ts), its method said beside the figure.
  await expect(page.getByTestId('projection-method')).toContainText(WEEKLY_PROJECTION_METHOD)
  // What the change is measured against, said in both generations: the month before, as many whole
  // days (none on the month's first day: then nothing is compared yet).
  if (wholeDays > 0) {
    await expect(page.getByText(/^Changes compare /)).toContainText(
      `${wholeDays === 1 ? 'the one whole day' : `the ${wholeDays} whole days`} so far (${formatSpan(month.start, today)}; today is left out, as it is not over) with `,
    )
    await expect(page.getByText(/^Changes compare /)).toContainText(' of the month before (')
  }
  await expect(page.getByRole('table', { name: /per day$/ }).locator('tbody tr')).toHaveCount(elapsedDays)
  await expectNoAxeViolations(page)
})

test("a period's first day is drawn: one bucket shows as a dot on each chart", async ({ page, request }) => {
  const admin = createUser()
  // The subscription starts today: the current period has one day so far.
  const { name } = await organizationWithUsage(request, admin, 0)
  await signIn(page, admin)
  await page.goto(`/organizations/${name}/usage/report`)
  await expect(page.getByTestId('report-period')).toContainText('still running', { timeout: 45_000 })
  const charts = page.locator('.usage-chart')
  await expect(charts.first()).toBeVisible()
  const chartCount = await charts.count()
  expect(chartCount).toBeGreaterThan(0)
  for (let index = 0; index < chartCount; index += 1)
    await expect(charts.nth(index).locator('.recharts-area-dots circle').first()).toBeVisible()
})

test.describe('a project’s report', () => {
  const organization = DEMO.projectsOrganization
  const project = DEMO.usageJump.projectName
  const projectUsage = `/organizations/${organization}/projects/${project}/usage`

  /** The project's credits per day as the API answers them (`query` its dates, or none for the current period). */
  async function projectCredits(request: APIRequestContext, admin: TestUser, query: string) {
    const answer = await callApi<unknown>(request, admin, 'GET', `/projects/${project}/usage?${query}`)
    if (apiGeneration() === 'current') return (answer as { data_project: UsagePoint[] }).data_project
    const credits = (answer as { metric: string; usage: UsagePoint[] }[]).filter(
      (s) => s.metric === 'credits',
    )
    expect(credits).toHaveLength(1)
    return credits[0]!.usage
  }

  /** The report's per-day rows: each bucket's first day and its credits (2022: the credits column; current: the total). */
  async function perDayCredits(page: Page) {
    const column = apiGeneration() === 'current' ? 'Total' : 'Credits, deployment versions'
    return page.getByRole('table', { name: /per day$/ }).evaluate((table, heading) => {
      const headings = [...table.querySelectorAll('thead th')].map((th) => th.textContent!.trim())
      const at = headings.indexOf(heading)
      if (at < 1) throw new Error(`no column "${heading}" in ${headings.join(', ')}`)
      return [...table.querySelectorAll('tbody tr')].map((row) => ({
        start: row.querySelector('time')!.getAttribute('datetime')!,
        credits: Number(row.querySelectorAll('th, td')[at]!.textContent!.replace(/,/g, '')),
      }))
    }, column)
  }

  test('opens from the project’s usage, adds up as the API’s project usage does, and leads back', async ({
    page,
    request,
  }) => {
    const admin = createUser({ email: DEMO.adminEmail })
    await signIn(page, admin)
    await page.goto(`${projectUsage}?range=30d`)
    const link = page.getByRole('link', { name: /^Monthly report/ })
    await expect(link).toBeVisible({ timeout: 45_000 })
    await link.focus()
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(`/organizations/${organization}/usage/report?project=${project}`)
    await expect(page.getByRole('heading', { level: 2, name: /^Usage report, / })).toBeVisible({
      timeout: 45_000,
    })
    await expect(page).toHaveTitle(new RegExp(` · ${project} · ${organization}$`))
    await expect(page.getByRole('term').filter({ hasText: /^Project$/ })).toBeVisible()
    await expect(page.getByRole('definition').filter({ hasText: new RegExp(`^${project}$`) })).toBeVisible()

    // The current subscription period, so far: the project's credits, not the organization's.
    const period = await projectCredits(request, admin, 'interval=day')
    const organizationPeriod = await periodCreditPoints(request, admin, organization)
    await expect.poll(() => reportedCredits(page)).toBeGreaterThan(0)
    expectSame(await reportedCredits(page), sumPoints(period), 'credits of the current period')
    expect(sumPoints(organizationPeriod)).toBeGreaterThan(sumPoints(period) * 1.5)

    // Last calendar month, chosen in the period select: whole, and day by day as the API has it.
    const month = addMonths(`${utcToday().slice(0, 7)}-01`, -1)
    await page.getByRole('combobox', { name: 'Period' }).selectOption(month.slice(0, 7))
    await expect(page).toHaveURL(
      `/organizations/${organization}/usage/report?period=${month.slice(0, 7)}&project=${project}`,
    )
    await expect(page.getByTestId('report-period')).toContainText('It is over: the totals are whole.')
    const days = await projectCredits(
      request,
      admin,
      `start_date=${month}&end_date=${addMonths(month, 1)}&interval=day`,
    )
    await expect.poll(() => reportedCredits(page)).toBeCloseTo(sumPoints(days), 6)
    const rows = await perDayCredits(page)
    expect(rows.map((row) => row.start)).toEqual(days.map((point) => point.start_date))
    rows.forEach((row, index) => expectSame(row.credits, days[index]!.value, `per day, ${row.start}`))
    if (apiGeneration() === 'current') {
      // Its deployment versions (and the deleted ones) add up to the project's credits.
      const versions = await page
        .getByRole('table', { name: 'Credits per deployment version, most first' })
        .locator('tbody tr td[data-value]')
        .evaluateAll((cells) => cells.map((cell) => Number(cell.getAttribute('data-value'))))
      expect(versions.length).toBeGreaterThan(1)
      expectSame(
        versions.reduce((a, b) => a + b, 0),
        sumPoints(days),
        'the versions add up to the project',
      )
    }
    await expectNoAxeViolations(page)

    // Back to the project's usage, not the organization's.
    await page.getByRole('link', { name: 'Back to usage' }).click()
    await expect(page).toHaveURL(projectUsage)
    await expect(page.getByRole('heading', { name: `Usage of ${project}` })).toBeVisible({ timeout: 45_000 })
  })
})
