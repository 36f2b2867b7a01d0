// The previous subscription period and the comparison with the previous range, against both API
// generations (playwright.config.ts): each test makes its own organization and records its usage.
import type { APIRequestContext, Locator, Page } from '@playwright/test'
import { readFile } from 'node:fs/promises'
import { addDays, daysBetween, utcToday } from '../domain/dates'
import { currentPeriod, previousPeriod } from '../domain/subscriptions'
import { formatDay, formatSpan } from '../src/features/usage/lib/dates'
import {
  apiGeneration,
  backdateOrganization,
  createOrganization,
  createUser,
  expect,
  expectNoAxeViolations,
  periodCreditPoints,
  recordCredits,
  signIn,
  test,
} from './fixtures'

test.describe.configure({ timeout: 90_000 })

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0)

const rangeForm = (page: Page) => page.getByRole('form', { name: 'Usage range' })
const compareBox = (page: Page) => page.getByRole('checkbox', { name: 'Compare with the period before' })
const isCurrent = () => apiGeneration() === 'current'
/** The table of buckets: per metric and object type (2022), or credits per project (current). */
const bucketTable = (page: Page) =>
  page.getByRole('table', { name: isCurrent() ? 'Credits per day' : 'Usage per day' })
/** The chart with the organization's credits. */
const creditsChart = (page: Page) =>
  page.getByRole('figure', { name: isCurrent() ? 'Credits per project' : 'Credits' })
const PREVIOUS_COLUMN = () =>
  isCurrent() ? 'Previous range: credits' : 'Previous range: Credits, deployment versions'
const SHOWN_COLUMN = () => (isCurrent() ? /^project-/ : /^Credits, deployment versions$/)

async function openUsage(page: Page, url: string) {
  await page.goto(url)
  await expect(rangeForm(page)).toBeVisible({ timeout: 45_000 })
}

/** The text of one column of a table's body, by its header. */
async function column(table: Locator, header: string | RegExp): Promise<string[]> {
  const headers = await table.locator('thead th').allInnerTexts()
  const index = headers.findIndex((text) =>
    typeof header === 'string' ? text === header : header.test(text),
  )
  expect(index, `a column ${String(header)} among ${headers.join(' | ')}`).toBeGreaterThanOrEqual(0)
  return table
    .locator('tbody tr')
    .evaluateAll((rows, at) => rows.map((row) => row.children[at]?.textContent?.trim() ?? ''), index)
}

/** A new organization of a new admin, signed in on `page` once `ready` (after any backdating). */
async function newOrganization(page: Page, request: APIRequestContext) {
  const admin = createUser()
  const organization = await createOrganization(request, admin)
  return { organization, today: utcToday(), ready: () => signIn(page, admin) }
}

/** Switches the comparison on from the keyboard: Tab from the interval to the checkbox, then Space. */
async function compareByKeyboard(page: Page) {
  await rangeForm(page).getByLabel('Interval').focus()
  await page.keyboard.press('Tab')
  await expect(compareBox(page)).toBeFocused()
  await page.keyboard.press('Space')
  await expect(compareBox(page)).toBeChecked()
}

test('the previous range is drawn behind the current period, in the table by position, and the previous period has its own dates', async ({
  page,
  request,
}) => {
  const { organization, today, ready } = await newOrganization(page, request)
  // A subscription that started about two months ago; the organization was created on the
  // second day of the previous period, so that period has usage and the one before it is none.
  const subscriptionStart = addDays(today, -70)
  const current = currentPeriod(subscriptionStart, today)
  const probe = previousPeriod(subscriptionStart, today, subscriptionStart)
  if (probe.kind !== 'period') throw new Error('the subscription should have a previous period')
  const createdOn = addDays(probe.start, 1)
  backdateOrganization(organization, { createdOn, subscriptionStart })
  const previous = { start: probe.start, end: probe.end }
  // Distinct credits per day: 10, 11, 12… in the previous period; 100, 101… in the current one.
  const previousDays = daysBetween(previous.start, previous.end)
  const currentDays = daysBetween(current.start, today) + 1
  recordCredits(organization, [
    ...Array.from({ length: previousDays }, (_, i) => ({ day: addDays(previous.start, i), credits: 10 + i })),
    ...Array.from({ length: currentDays }, (_, i) => ({ day: addDays(current.start, i), credits: 100 + i })),
  ])
  await ready()

  // The current period as a table; the comparison switched on by keyboard, and kept in the URL.
  // The days still to come of the running period are left out of the table (they hold no usage yet).
  await openUsage(page, `/organizations/${organization}/usage?view=table`)
  await expect(bucketTable(page).locator('tbody tr')).toHaveCount(currentDays)
  // Today's row is marked as not over.
  await expect(bucketTable(page).locator('tbody tr').last()).toHaveAttribute('data-partial', 'true')
  await expect(bucketTable(page).locator('tbody tr').last().getByRole('rowheader')).toContainText('(so far)')
  await compareByKeyboard(page)
  await expect(page).toHaveURL(/[?&]compare=previous(&|$)/)
  const table = bucketTable(page)
  await expect(table.getByRole('columnheader', { name: PREVIOUS_COLUMN(), exact: true })).toBeVisible()
  // Day 1 beside day 1 of the previous period, and so on, with the previous day named.
  const expected = Array.from({ length: currentDays }, (_, i) => (i < previousDays ? `${10 + i}.00` : '—'))
  expect(await column(table, PREVIOUS_COLUMN())).toEqual(expected)
  const previousDayColumn = await column(table, 'Previous range: day')
  expect(previousDayColumn[0]).toBe(formatDay(previous.start))
  expect(previousDayColumn[1]).toBe(formatDay(addDays(previous.start, 1)))
  expect((await column(table, SHOWN_COLUMN())).slice(0, 2)).toEqual(['100.00', '101.00'])
  // The footer's previous total is the totals' change's: the whole days so far of each range.
  const wholeDays = currentDays - 1
  if (wholeDays > 0) {
    const sameDays = Math.min(wholeDays, previousDays)
    await expect(table.getByTestId('previous-total-span')).toHaveText(
      formatSpan(previous.start, addDays(previous.start, sameDays)),
    )
    const previousTotal = sum(Array.from({ length: sameDays }, (_, i) => 10 + i))
    const headers = await table.locator('thead th').allInnerTexts()
    await expect(table.locator('tfoot tr > *').nth(headers.indexOf(PREVIOUS_COLUMN()))).toHaveText(
      previousTotal.toLocaleString('en-US', { minimumFractionDigits: 2 }),
    )
    await expect(page.locator('.usage-total__change').first()).toContainText(
      `(${previousTotal.toLocaleString('en-US', { minimumFractionDigits: 2 })})`,
    )
  }
  await expectNoAxeViolations(page)

  // The charts: the previous range drawn as a second, faint series; the legend names both ranges.
  await page
    .getByRole('group', { name: 'Show as' })
    .getByRole('button', { name: /^Charts?$/ })
    .click()
  const chart = creditsChart(page)
  await expect(chart).toContainText(`This range: ${formatSpan(current.start, current.end)}`)
  await expect(chart).toContainText(
    `Previous range (faint, dashed): ${formatSpan(previous.start, previous.end)}`,
  )
  await expect(chart.locator('.recharts-area')).toHaveCount(2)
  await expect(page).toHaveURL(/[?&]compare=previous(&|$)/)
  await expectNoAxeViolations(page)

  // The previous subscription period: its own dates; nothing before it, as the organization was
  // created in it, and the page says so instead of drawing an empty comparison.
  await rangeForm(page).getByLabel('Range').selectOption('previous-period')
  await expect(page).toHaveURL(/[?&]range=previous-period(&|$)/)
  await expect(page).toHaveURL(/[?&]compare=previous(&|$)/)
  await expect(page.locator('.usage-range-summary strong')).toHaveText(
    formatSpan(previous.start, previous.end),
  )
  await expect(page.getByText(`by day (${previousDays} buckets)`)).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: 'Nothing to compare with' })).toHaveText(
    `Nothing to compare with. There is no subscription period before this one: the organization was created on ${formatDay(createdOn)}.`,
  )
  await page.getByRole('group', { name: 'Show as' }).getByRole('button', { name: 'Table' }).click()
  const previousTable = bucketTable(page)
  await expect(previousTable.locator('tbody tr')).toHaveCount(previousDays)
  expect((await column(previousTable, SHOWN_COLUMN())).slice(0, 3)).toEqual(['10.00', '11.00', '12.00'])
  await expectNoAxeViolations(page)

  // Switched off again: the previous columns go, and compare leaves the URL.
  await compareBox(page).press('Space')
  await expect(page).not.toHaveURL(/compare=/)
  await expect(previousTable.getByRole('columnheader', { name: PREVIOUS_COLUMN() })).toHaveCount(0)
})

test('an organization in its first subscription period says there is no previous period, instead of an empty chart', async ({
  page,
  request,
}) => {
  const { organization, today, ready } = await newOrganization(page, request)
  await ready()

  await openUsage(page, `/organizations/${organization}/usage?range=previous-period`)
  await expect(page.getByRole('heading', { name: 'No previous subscription period' })).toBeVisible()
  await expect(
    page.getByText(
      `There is no previous subscription period: the subscription started on ${formatDay(today)}.`,
    ),
  ).toBeVisible()
  await expect(page.getByRole('figure')).toHaveCount(0)
  await expectNoAxeViolations(page)

  await rangeForm(page).getByLabel('Range').selectOption('period')
  await expect(creditsChart(page)).toBeVisible()
  await compareByKeyboard(page)
  await expect(page).toHaveURL(/[?&]compare=previous(&|$)/)
  await expect(page.getByRole('status').filter({ hasText: 'Nothing to compare with' })).toContainText(
    `the subscription started on ${formatDay(today)}`,
  )
  await expect(creditsChart(page).getByText(/Previous range/)).toHaveCount(0)
  await expectNoAxeViolations(page)
})

test('the totals say what they compare with: a previous period by name, dates and length, not "the same length"', async ({
  page,
  request,
}) => {
  const { organization, today, ready } = await newOrganization(page, request)
  // A subscription start whose previous period and the one before it differ in length (months do),
  // with today not the last day of the current period (so it is compared by its days so far).
  const periods = (start: string) => {
    const current = currentPeriod(start, today)
    const previous = previousPeriod(start, today, start)
    const before = previous.kind === 'period' ? previousPeriod(start, previous.start, start) : previous
    return { current, previous, before }
  }
  const subscriptionStart = Array.from({ length: 60 }, (_, i) => addDays(today, -70 - i)).find((start) => {
    const { current, previous, before } = periods(start)
    return (
      previous.kind === 'period' &&
      before.kind === 'period' &&
      daysBetween(previous.start, previous.end) !== daysBetween(before.start, before.end) &&
      addDays(today, 1) < current.end &&
      current.start < today
    )
  })!
  const { current, previous, before } = periods(subscriptionStart)
  if (previous.kind !== 'period' || before.kind !== 'period') throw new Error('two periods before this one')
  backdateOrganization(organization, { createdOn: subscriptionStart, subscriptionStart })
  recordCredits(organization, [
    { day: before.start, credits: 3 },
    { day: previous.start, credits: 5 },
    { day: current.start, credits: 8 },
  ])
  await ready()
  const note = page.getByText(/^Changes compare/)

  // The previous period, over: compared with the whole period before it, whose length differs.
  await openUsage(page, `/organizations/${organization}/usage?range=previous-period`)
  const previousDays = daysBetween(previous.start, previous.end)
  const beforeDays = daysBetween(before.start, before.end)
  await expect(note).toHaveText(
    `Changes compare with the subscription period before it, ${formatSpan(before.start, before.end)} (${beforeDays} days; this range has ${previousDays}).`,
  )

  // The current period, running: its whole days so far (today is not over) against as many from
  // the previous period's start, or all of it when it is shorter (never days of this period).
  await rangeForm(page).getByLabel('Range').selectOption('period')
  await expect(page).not.toHaveURL(/range=/)
  const daysSoFar = daysBetween(current.start, today)
  const compared = Math.min(daysSoFar, previousDays)
  const soFar = daysSoFar === 1 ? 'the one whole day' : `the ${daysSoFar} whole days`
  const part =
    daysSoFar > previousDays
      ? `all ${previousDays} days`
      : compared === 1
        ? 'the first day'
        : `the first ${compared} days`
  await expect(note).toHaveText(
    `Changes compare ${soFar} so far (${formatSpan(current.start, today)}; today is left out, as it is not over) with ${part} of the previous subscription period (${formatSpan(previous.start, addDays(previous.start, compared))}).`,
  )

  // The last 7 days end with today: their 6 whole days against the first 6 of the 7 just before.
  await rangeForm(page).getByLabel('Range').selectOption('7d')
  await expect(note).toHaveText(
    `Changes compare the 6 whole days so far (${formatSpan(addDays(today, -6), today)}; today is left out, as it is not over) with the first 6 days of the range before (${formatSpan(addDays(today, -13), addDays(today, -7))}).`,
  )
  await expectNoAxeViolations(page)
})

test('the last 30 days compare with the 30 days before, by month as well', async ({ page, request }) => {
  const { organization, today, ready } = await newOrganization(page, request)
  const start = addDays(today, -29)
  recordCredits(organization, [
    { day: addDays(start, -30), credits: 7 },
    { day: addDays(start, -29), credits: 8 },
    { day: start, credits: 70 },
  ])
  await ready()

  await openUsage(page, `/organizations/${organization}/usage?range=30d&compare=previous&view=table`)
  await expect(compareBox(page)).toBeChecked()
  const table = bucketTable(page)
  await expect(table.locator('tbody tr')).toHaveCount(30)
  expect((await column(table, PREVIOUS_COLUMN())).slice(0, 3)).toEqual(['7.00', '8.00', '0.00'])
  expect((await column(table, 'Previous range: day'))[0]).toBe(formatDay(addDays(start, -30)))
  expect((await column(table, SHOWN_COLUMN()))[0]).toBe('70.00')

  // By month: the 30 days before as month buckets counted from their own start.
  await rangeForm(page).getByLabel('Interval').selectOption('month')
  await expect(page).toHaveURL(/interval=month/)
  const monthly = page.getByRole('table', { name: isCurrent() ? 'Credits per month' : 'Usage per month' })
  const previousMonthly = await column(monthly, PREVIOUS_COLUMN())
  expect(previousMonthly[0]).toBe('15.00')
  await expectNoAxeViolations(page)
})

test('the CSV holds the previous range beside the shown one when comparing, headed with its days', async ({
  page,
  request,
}) => {
  const { organization, today, ready } = await newOrganization(page, request)
  const start = addDays(today, -29)
  const before = addDays(start, -30)
  recordCredits(organization, [
    { day: before, credits: 7 },
    { day: addDays(before, 1), credits: 8 },
    { day: start, credits: 70 },
  ])
  await ready()
  await openUsage(page, `/organizations/${organization}/usage?range=30d&compare=previous`)
  await expect(creditsChart(page)).toContainText(/Previous range \(faint, dashed\)/)

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ])
  expect(download.suggestedFilename()).toBe(
    `${isCurrent() ? 'credits' : 'usage'}-${organization}-${start}-to-${today}-daily-with-previous.csv`,
  )
  const [header = [], ...rows] = (await readFile((await download.path())!, 'utf8'))
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => line.split(','))
  const previousColumn = `${isCurrent() ? 'credits' : 'deployment_version.credits'} (${before} to ${addDays(start, -1)})`
  expect(header.slice(0, 2)).toEqual(['start_date', 'end_date'])
  expect(header).toContain('previous_start_date')
  expect(header).toContain(previousColumn)
  const cell = (row: string[] | undefined, column: string) => row?.[header.indexOf(column)]
  expect(rows).toHaveLength(30)
  expect(cell(rows[0], 'start_date')).toBe(`${start}T00:00:00Z`)
  expect(rows.map((row) => cell(row, 'previous_start_date')).slice(0, 2)).toEqual([
    `${before}T00:00:00Z`,
    `${addDays(before, 1)}T00:00:00Z`,
  ])
  expect(rows.map((row) => cell(row, previousColumn)).slice(0, 3)).toEqual(['7', '8', '0'])
  expect(sum(rows.map((row) => Number(cell(row, previousColumn))))).toBe(15)

  // Not comparing: the shown range only, under its plain name.
  await compareBox(page).click()
  await expect(page).not.toHaveURL(/compare=/)
  const [plain] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ])
  expect(plain.suggestedFilename()).toBe(
    `${isCurrent() ? 'credits' : 'usage'}-${organization}-${start}-to-${today}-daily.csv`,
  )
  const plainText = await readFile((await plain.path())!, 'utf8')
  expect(plainText).not.toContain('previous_')
})

test('ticking the comparison while a new range loads keeps the range, and the box shows the tick at once', async ({
  page,
  request,
}) => {
  const { organization, ready } = await newOrganization(page, request)
  await ready()
  await openUsage(page, `/organizations/${organization}/usage`)

  // Hold the last-30-days answer back until both changes are made (a slow connection).
  let release: () => void = () => undefined
  const released = new Promise<void>((resolve) => (release = resolve))
  await page.route(/\/usage\?/, async (route) => {
    await released
    await route.continue()
  })
  await rangeForm(page).getByLabel('Range').selectOption('30d')
  await compareBox(page).click()
  await expect(compareBox(page)).toBeChecked()
  await expect(rangeForm(page).getByLabel('Range')).toHaveValue('30d')
  release()

  await expect(page).toHaveURL(/range=30d/)
  await expect(page).toHaveURL(/compare=previous/)
  await expect(compareBox(page)).toBeChecked()
  await expect(rangeForm(page).getByLabel('Range')).toHaveValue('30d')
})

test('the comparison box shows a click in the same frame, before the page renders the comparison', async ({
  page,
  request,
}) => {
  const { organization, ready } = await newOrganization(page, request)
  await ready()
  await openUsage(page, `/organizations/${organization}/usage`)
  // Read the box right after the click event, before any later render: the router's transition
  // and the comparison's data come after it.
  const checkedAtOnce = await compareBox(page).evaluate((box) => {
    ;(box as HTMLInputElement).click()
    return (box as HTMLInputElement).checked
  })
  expect(checkedAtOnce).toBe(true)
  await expect(page).toHaveURL(/compare=previous/)
  await expect(compareBox(page)).toBeChecked()
  const uncheckedAtOnce = await compareBox(page).evaluate((box) => {
    ;(box as HTMLInputElement).click()
    return (box as HTMLInputElement).checked
  })
  expect(uncheckedAtOnce).toBe(false)
  await expect(page).not.toHaveURL(/compare=previous/)
})

test('ticking the comparison while typing custom dates keeps what was typed, and Show applies it with the comparison', async ({
  page,
  request,
}) => {
  const { organization, today, ready } = await newOrganization(page, request)
  await ready()
  await openUsage(page, `/organizations/${organization}/usage`)
  const from = addDays(today, -20)
  const to = addDays(today, -10)

  // Custom dates typed but not yet shown, then the comparison ticked: nothing typed is lost.
  await rangeForm(page).getByLabel('Range').selectOption('custom')
  await rangeForm(page).getByLabel('From').fill(from)
  await rangeForm(page).getByLabel('To (included)').fill(to)
  await compareBox(page).click()
  await expect(page).toHaveURL(/compare=previous/)
  await expect(compareBox(page)).toBeChecked()
  await expect(rangeForm(page).getByLabel('Range')).toHaveValue('custom')
  await expect(rangeForm(page).getByLabel('From')).toHaveValue(from)
  await expect(rangeForm(page).getByLabel('To (included)')).toHaveValue(to)

  await rangeForm(page).getByRole('button', { name: 'Show' }).click()
  await expect(page).toHaveURL(
    new RegExp(`range=custom&start=${from}&end=${addDays(to, 1)}&compare=previous`),
  )
  await expect(page.getByText(/^Changes compare /)).toHaveText(
    `Changes compare with ${formatSpan(addDays(from, -11), from)}, the same number of days just before.`,
  )
})

test("a running period's table and CSV leave out the days still to come; a range not started says so", async ({
  page,
  request,
}) => {
  const admin = createUser()
  const organization = await createOrganization(request, admin)
  // The period and its days come from the server's own answer: its buckets up to the one holding
  // the last credits recorded, which the test puts on the page's "today".
  const points = await periodCreditPoints(request, admin, organization)
  const days = points.map((point) => point.start_date.slice(0, 10)).sort()
  const first = days[0]!
  const last = days.at(-1)!
  // A day in the middle of the period is the page's today (its clock is set), so the rest is to come.
  const today = addDays(first, Math.floor(daysBetween(first, addDays(last, 1)) / 2))
  recordCredits(organization, [
    { day: first, credits: 4 },
    { day: today, credits: 6 },
  ])
  await page.clock.setFixedTime(new Date(`${today}T12:00:00Z`))
  await signIn(page, admin)

  await openUsage(page, `/organizations/${organization}/usage?view=table`)
  const begun = daysBetween(first, today) + 1
  await expect(bucketTable(page).locator('tbody tr')).toHaveCount(begun)
  await expect(bucketTable(page).locator('tbody tr[data-partial]')).toHaveCount(1)
  await expect(bucketTable(page).locator('tbody tr').last()).toHaveAttribute('data-partial', 'true')
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ])
  const rows = (await readFile((await download.path())!, 'utf8')).split('\r\n').filter((line) => line !== '')
  expect(rows).toHaveLength(begun + 1)
  expect(rows.at(-1)).toMatch(new RegExp(`^${today}T00:00:00Z,`))

  // The chart marks today's bucket and says why.
  await page
    .getByRole('group', { name: 'Show as' })
    .getByRole('button', { name: /^Charts?$/ })
    .click()
  await expect(creditsChart(page).getByTestId('partial-caption')).toContainText('Today is not over')

  // A range that lies after today: said to have not started, no chart, no zeros, no change.
  const from = addDays(today, 40)
  await openUsage(
    page,
    `/organizations/${organization}/usage?range=custom&start=${from}&end=${addDays(from, 7)}&compare=previous`,
  )
  await expect(page.getByRole('heading', { name: 'This range has not started yet' })).toBeVisible()
  await expect(page.getByRole('figure')).toHaveCount(0)
  await expect(page.getByText(/every (day|month) is 0/)).toHaveCount(0)
  await expect(page.getByText(/−100/)).toHaveCount(0)
  await expectNoAxeViolations(page)
})
