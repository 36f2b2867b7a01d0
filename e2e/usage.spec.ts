import type { APIRequestContext, Page } from '@playwright/test'
import { readFile } from 'node:fs/promises'
import { WEEKLY_PROJECTION_METHOD } from '../domain/weekly-projection'
import { DEMO } from '../server/db/seed'
import { formatDay } from '../src/lib/format-date'
import {
  callApi,
  createOrganization,
  createUser,
  expect,
  expectNoAxeViolations,
  signIn,
  test,
  type TestUser,
} from './fixtures'

// Read-only journeys over the seeded demo usage (≥400 days, weekday rhythm), as the demo admin.
const organization = DEMO.organizations[1]

interface UsageSeries {
  object_type: string
  metric: string
  usage: { start_date: string; end_date: string; value: number }[]
}

const usageOf = (request: APIRequestContext, user: TestUser, query = '') =>
  callApi<UsageSeries[]>(request, user, 'GET', `/organizations/${organization}/usage${query}`)

const seriesOf = (usage: UsageSeries[], objectType: string, metric: string) =>
  usage.find((s) => s.object_type === objectType && s.metric === metric)!.usage

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0)

/** YYYY-MM-DD, `days` from today (UTC). */
const dayFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)

// The browser's locale is en-US (playwright.config.ts): the page writes days as Intl does there.
const dayLabel = (day: string) => formatDay(day, 'en-US')

// The CSV/table column of each API series, as the page names them.
const COLUMNS = [
  ['deployment_version', 'credits', 'deployment_version.credits', 'Credits, deployment versions'],
  [
    'deployment_version',
    'input_volume',
    'deployment_version.input_volume_bytes',
    'Input volume (bytes), deployment versions',
  ],
  [
    'pipeline_version',
    'input_volume',
    'pipeline_version.input_volume_bytes',
    'Input volume (bytes), pipeline versions',
  ],
  [
    'deployment_version',
    'output_volume',
    'deployment_version.output_volume_bytes',
    'Output volume (bytes), deployment versions',
  ],
  [
    'pipeline_version',
    'output_volume',
    'pipeline_version.output_volume_bytes',
    'Output volume (bytes), pipeline versions',
  ],
] as const

function setUp(page: Page) {
  const admin = createUser({ email: DEMO.adminEmail })
  return { admin, ready: signIn(page, admin) }
}

const rangeForm = (page: Page) => page.getByRole('form', { name: 'Usage range' })

// A cold Vite dev server compiles the page and recharts on the first visit; on a busy machine
// that alone can outlast an assertion's default 10 s. Later assertions keep the default.
test.describe.configure({ timeout: 90_000 })

async function openUsage(page: Page, url: string) {
  await page.goto(url)
  await expect(rangeForm(page)).toBeVisible({ timeout: 45_000 })
}
const chart = (page: Page, metric: string) => page.getByRole('figure', { name: metric })

test('the default view is the current subscription period by day, with totals, change and projection', async ({
  page,
  request,
}) => {
  const { admin, ready } = setUp(page)
  await ready
  const daily = await usageOf(request, admin, '?interval=day')
  const credits = seriesOf(daily, 'deployment_version', 'credits')
  const periodStart = credits[0]!.start_date.slice(0, 10)
  const periodEnd = credits.at(-1)!.end_date.slice(0, 10)

  await openUsage(page, `/organizations/${organization}/usage`)
  await expect(rangeForm(page).getByLabel('Range')).toHaveValue('period')
  await expect(rangeForm(page).getByLabel('Interval')).toHaveValue('day')
  await expect(page.getByText(`by day (${credits.length} buckets)`)).toBeVisible()
  await expect(page.getByText('All dates are UTC', { exact: false })).toBeVisible()

  const creditsCard = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: 'Credits' }) })
  const total = sum(credits.map((bucket) => bucket.value))
  await expect(
    creditsCard.getByText(new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }).format(total), {
      exact: true,
    }),
  ).toBeVisible()
  await expect(creditsCard.getByText(/vs previous/)).toBeVisible()
  await expect(creditsCard.getByText(/Projected for the whole period/)).toBeVisible()
  // The weekly projection, its method said beside the figure (the figure describes itself by it).
  await expect(page.getByTestId('projection-method')).toContainText(WEEKLY_PROJECTION_METHOD)
  await expect(creditsCard.getByText(/Projected for the whole period/)).toHaveAccessibleDescription(
    new RegExp(WEEKLY_PROJECTION_METHOD.slice(0, 40)),
  )

  // The same period by month: one bucket with the API's boundaries.
  await rangeForm(page).getByLabel('Interval').selectOption('month')
  await expect(page).toHaveURL(/interval=month/)
  await expect(page.getByText('by month (1 bucket)')).toBeVisible()
  const monthly = await usageOf(request, admin)
  expect(seriesOf(monthly, 'deployment_version', 'credits')[0]).toMatchObject({
    start_date: `${periodStart}T00:00:00Z`,
    end_date: `${periodEnd}T00:00:00Z`,
  })

  // Back to days; the charts are drawn, and axe finds nothing.
  await rangeForm(page).getByLabel('Interval').selectOption('day')
  await expect(page.getByText(`by day (${credits.length} buckets)`)).toBeVisible()
  await expect(chart(page, 'Credits').locator('.recharts-area-area')).toHaveCount(1)
  await expect(chart(page, 'Input volume').locator('.recharts-area-area')).toHaveCount(2)
  await expectNoAxeViolations(page)
})

test('a custom range shows in the table with exactly the API’s numbers, and a deep link reproduces it', async ({
  page,
  request,
}) => {
  const { admin, ready } = setUp(page)
  await ready
  const start = dayFromToday(-40)
  const lastDay = dayFromToday(-20)
  const end = dayFromToday(-19)

  await openUsage(page, `/organizations/${organization}/usage`)
  await rangeForm(page).getByLabel('Range').selectOption('custom')
  await rangeForm(page).getByLabel('From').fill(start)
  await rangeForm(page).getByLabel('To (included)').fill(lastDay)
  await rangeForm(page).getByRole('button', { name: 'Show' }).click()
  await expect(page).toHaveURL(new RegExp(`range=custom&start=${start}&end=${end}`))
  await expect(page.getByText('by day (21 buckets)')).toBeVisible()

  await page.getByRole('button', { name: 'Table' }).click()
  const table = page.getByRole('table', { name: /Usage per day/ })
  await expect(table).toBeVisible()
  await expectNoAxeViolations(page)

  const api = await usageOf(request, admin, `?start_date=${start}&end_date=${end}&interval=day`)
  const headers = await table.locator('thead th').allInnerTexts()
  const rows = table.locator('tbody tr')
  await expect(rows).toHaveCount(21)
  // Each row: the bucket's start timestamp, then the cells as numbers ("1,234.5" → 1234.5).
  const cells = await rows.evaluateAll((trs) =>
    trs.map((tr) => ({
      start: tr.querySelector('time')?.getAttribute('datetime'),
      values: [...tr.querySelectorAll('th, td')].map((cell) => Number(cell.textContent!.replace(/,/g, ''))),
    })),
  )
  for (const [objectType, metric, , header] of COLUMNS) {
    const column = headers.indexOf(header)
    expect(column, header).toBeGreaterThan(0)
    const buckets = seriesOf(api, objectType, metric)
    expect(cells.map((row) => row.start)).toEqual(buckets.map((bucket) => bucket.start_date))
    expect(
      cells.map((row) => row.values[column]),
      header,
    ).toEqual(buckets.map((bucket) => bucket.value))
  }

  // The link alone gives the same view: range, interval and table.
  const link = page.url()
  const fresh = await page.context().newPage()
  await signIn(fresh, admin)
  await openUsage(fresh, link)
  await expect(rangeForm(fresh).getByLabel('Range')).toHaveValue('custom')
  await expect(rangeForm(fresh).getByLabel('From')).toHaveValue(start)
  await expect(rangeForm(fresh).getByLabel('To (included)')).toHaveValue(lastDay)
  await expect(fresh.getByRole('table', { name: /Usage per day/ }).locator('tbody tr')).toHaveCount(21)
  await expect(fresh.getByRole('table').locator('tbody tr').first().locator('time')).toHaveText(
    dayLabel(start),
  )
})

test('a deep link with a monthly custom range reproduces the view', async ({ page, request }) => {
  const { admin, ready } = setUp(page)
  await ready
  const start = dayFromToday(-400)
  const end = dayFromToday(-35)
  await openUsage(
    page,
    `/organizations/${organization}/usage?range=custom&interval=month&start=${start}&end=${end}`,
  )
  const api = await usageOf(request, admin, `?start_date=${start}&end_date=${end}&interval=month`)
  const buckets = seriesOf(api, 'deployment_version', 'credits')
  await expect(rangeForm(page).getByLabel('Interval')).toHaveValue('month')
  await expect(page.getByText(`by month (${buckets.length} buckets)`)).toBeVisible()
  await expect(chart(page, 'Credits').locator('.recharts-bar-rectangle')).toHaveCount(buckets.length)
})

test('the form prevents ranges the API refuses, and shows the API’s message when a link has one', async ({
  page,
}) => {
  const { ready } = setUp(page)
  await ready
  await openUsage(page, `/organizations/${organization}/usage`)
  const form = rangeForm(page)
  await form.getByLabel('Range').selectOption('custom')
  await form.getByLabel('From').fill('2025-01-01')
  await form.getByLabel('To (included)').fill('2026-01-05')
  await form.getByRole('button', { name: 'Show' }).click()
  await expect(form.getByLabel('To (included)')).toHaveAccessibleDescription(
    /Daily buckets cover at most 366 days \(this range has 370\)/,
  )
  await expect(page).not.toHaveURL(/range=custom/)

  await form.getByLabel('To (included)').fill('2024-12-01')
  await form.getByRole('button', { name: 'Show' }).click()
  await expect(form.getByLabel('To (included)')).toHaveAccessibleDescription(
    /The range must end after it starts/,
  )

  // A date field left empty (or a date the browser cannot take: the field then holds none).
  await form.getByLabel('From').fill('')
  await form.getByRole('button', { name: 'Show' }).click()
  await expect(form.getByLabel('From')).toHaveAccessibleDescription('Choose the first day of the range.')
  await expect(page).not.toHaveURL(/range=custom/)

  // Monthly buckets take the long range.
  await form.getByLabel('From').fill('2025-01-01')
  await form.getByLabel('To (included)').fill('2026-01-05')
  await form.getByLabel('Interval').selectOption('month')
  await expect(page).toHaveURL(/range=custom&interval=month&start=2025-01-01&end=2026-01-06/)

  // A refusal the page did not foresee: the API's message shows beside the range picker.
  await page.route('**/api/organizations/*/usage?*', (route) =>
    route.fulfill({ status: 400, json: { error: 'interval: The usage service is being upgraded.' } }),
  )
  await form.getByLabel('Range').selectOption('90d')
  await expect(form.getByRole('alert')).toHaveText(
    'The API refused this range: interval: The usage service is being upgraded.',
  )
  await expect(page.getByRole('figure')).toHaveCount(0)
})

test('a hand-made address with dates the API would refuse asks nothing, and the picker shows what to fix', async ({
  page,
}) => {
  const { ready } = setUp(page)
  await ready
  const usageRequests: string[] = []
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/') && request.url().includes('/usage'))
      usageRequests.push(request.url())
  })
  const cases = [
    { query: 'range=custom', field: 'From', error: 'Choose the first day of the range.', from: '', to: '' },
    {
      query: 'range=custom&start=2026-02-30&end=2026-03-10',
      field: 'From',
      error: 'Use a real date written YYYY-MM-DD (got "2026-02-30").',
      from: '',
      to: '2026-03-09',
    },
    {
      query: 'range=custom&start=2026-01-01&end=next-week',
      field: 'To (included)',
      error: 'Use a real date written YYYY-MM-DD (got "next-week").',
      from: '2026-01-01',
      to: '',
    },
    {
      query: 'range=custom&start=2026-02-01&end=2026-01-01&compare=previous',
      field: 'To (included)',
      error: 'The range must end after it starts.',
      from: '2026-02-01',
      to: '2025-12-31',
    },
    {
      query: 'range=custom&start=2025-01-01&end=2026-01-06',
      field: 'To (included)',
      error: /Daily buckets cover at most 366 days \(this range has 370\)/,
      from: '2025-01-01',
      to: '2026-01-05',
    },
    {
      query: 'range=custom&interval=month&start=2015-01-01&end=2025-02-01',
      field: 'To (included)',
      error: /Monthly buckets cover at most 10 years/,
      from: '2015-01-01',
      to: '2025-01-31',
    },
  ]
  for (const { query, field, error, from, to } of cases) {
    const url = `/organizations/${organization}/usage?${query}`
    await openUsage(page, url)
    const form = rangeForm(page)
    await expect(form.getByRole('alert')).toHaveText(
      `The address asks for dates the API would refuse, so no usage was asked. Correct the ${field} date and choose Show.`,
    )
    await expect(form.getByLabel(field)).toHaveAccessibleDescription(error)
    // The picker shows what was asked, and the address is kept as it was typed.
    await expect(form.getByLabel('Range')).toHaveValue('custom')
    await expect(form.getByLabel('From')).toHaveValue(from)
    await expect(form.getByLabel('To (included)')).toHaveValue(to)
    await expect(page).toHaveURL(url)
    await expect(page.getByRole('figure')).toHaveCount(0)
    await expect(page.getByText('The API refused')).toHaveCount(0)
  }
  await expectNoAxeViolations(page)
  expect(usageRequests).toEqual([])

  // Corrected in the picker, the range is asked and shown.
  const form = rangeForm(page)
  await form.getByLabel('From').fill('2024-03-01')
  await form.getByRole('button', { name: 'Show' }).click()
  await expect(page).toHaveURL(/range=custom&interval=month&start=2024-03-01&end=2025-02-01/)
  await expect(form.getByRole('alert')).toHaveCount(0)
  await expect(chart(page, 'Credits')).toBeVisible()
  expect(usageRequests.length).toBeGreaterThan(0)
})

test('the legend hides a series, the tooltip gives exact values, and the CSV holds exactly what is shown', async ({
  page,
  request,
}) => {
  const { admin, ready } = setUp(page)
  await ready
  const start = dayFromToday(-30)
  const end = dayFromToday(-2)
  const tooltipCode: string[] = []
  page.on('request', (sent) => {
    if (/chart-tooltip/.test(sent.url())) tooltipCode.push(sent.url())
  })
  await openUsage(page, `/organizations/${organization}/usage?range=custom&start=${start}&end=${end}`)
  const api = await usageOf(request, admin, `?start_date=${start}&end_date=${end}&interval=day`)
  // The tooltip's code comes when a chart is first pointed at, not with the charts.
  await expect(page.locator('.usage-chart .recharts-area-area').first()).toBeVisible()
  expect(tooltipCode).toEqual([])

  // Tooltip: hover the credits chart, read the bucket it names, compare with the API.
  const plot = page.getByTestId('usage-plot-credits')
  // recharts tracks the pointer from its first move inside the chart: enter, then move.
  await plot.locator('.recharts-surface').hover({ position: { x: 300, y: 100 } })
  await plot.locator('.recharts-surface').hover({ position: { x: 320, y: 100 } })
  const tooltip = plot.locator('.usage-tooltip')
  await expect(tooltip).toBeVisible()
  const bucketStart = (await tooltip.getAttribute('data-bucket-start'))!
  const bucket = seriesOf(api, 'deployment_version', 'credits').find((b) =>
    b.start_date.startsWith(bucketStart),
  )!
  await expect(tooltip).toContainText(`${dayLabel(bucketStart)} (UTC)`)
  await expect(tooltip).toContainText(
    new Intl.NumberFormat('en-GB', { maximumFractionDigits: 20 }).format(bucket.value),
  )

  // Legend: hide pipeline versions' input volume.
  const inputChart = chart(page, 'Input volume')
  const pipelines = inputChart.getByRole('button', { name: 'Pipeline versions' })
  await pipelines.click()
  await expect(pipelines).toHaveAttribute('aria-pressed', 'false')
  await expect(inputChart.locator('.recharts-area-area')).toHaveCount(1)
  await expect(page.getByText('1 series is hidden in the legends')).toBeVisible()

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ])
  expect(download.suggestedFilename()).toBe(`usage-${organization}-${start}-to-${dayFromToday(-3)}-daily.csv`)
  const csv = await readFile((await download.path())!, 'utf8')
  const shown = COLUMNS.filter(
    ([objectType, metric]) => !(objectType === 'pipeline_version' && metric === 'input_volume'),
  )
  const expected = [
    ['start_date', 'end_date', ...shown.map(([, , column]) => column)].join(','),
    ...seriesOf(api, 'deployment_version', 'credits').map((b, index) =>
      [
        b.start_date,
        b.end_date,
        ...shown.map(([type, metric]) => String(seriesOf(api, type, metric)[index]!.value)),
      ].join(','),
    ),
  ]
  expect(csv).toBe(expected.join('\r\n') + '\r\n')

  // The legend works from the keyboard too.
  await pipelines.press('Space')
  await expect(pipelines).toHaveAttribute('aria-pressed', 'true')
  await expect(inputChart.locator('.recharts-area-area')).toHaveCount(2)
})

test('a chart focused from the keyboard reads out its buckets, moved with the arrow keys', async ({
  page,
}) => {
  const { ready } = setUp(page)
  await ready
  await openUsage(
    page,
    `/organizations/${organization}/usage?range=custom&start=${dayFromToday(-20)}&end=${dayFromToday(-2)}`,
  )
  // One tab stop, named (not an unnamed "application"), whose arrows move between the buckets.
  const plot = page.getByRole('application', { name: /^Credits, .*, by day$/ })
  await plot.focus()
  const live = page.getByTestId('usage-chart-credits-live')
  const last = dayLabel(dayFromToday(-3))
  await expect(live).toHaveText(new RegExp(`^${last}: [\\d,.]+ credits`))
  await page.keyboard.press('ArrowLeft')
  const before = dayLabel(dayFromToday(-4))
  await expect(live).toHaveText(new RegExp(`^${before}: `))
  await expect(plot).toHaveAttribute('data-chart-cursor', dayFromToday(-4))
  await page.keyboard.press('Home')
  await expect(plot).toHaveAttribute('data-chart-cursor', dayFromToday(-20))
})
test('an organization without usage says so, and the overview and usage link to each other', async ({
  page,
  request,
}) => {
  const admin = createUser()
  const empty = await createOrganization(request, admin)
  await signIn(page, admin)
  await openUsage(page, `/organizations/${empty}/usage?range=7d`)
  await expect(page.getByRole('status').filter({ hasText: 'Nothing was used in this range' })).toBeVisible()
  await expect(page.getByText('by day (7 buckets)')).toBeVisible()
  await expect(page.getByRole('figure')).toHaveCount(3)
  await expectNoAxeViolations(page)

  await page.getByRole('link', { name: 'Resource counts' }).click()
  await expect(page).toHaveURL(new RegExp(`/organizations/${empty}$`))
  await page.getByRole('link', { name: /how much .* used/ }).click()
  await expect(page).toHaveURL(new RegExp(`/organizations/${empty}/usage$`))
})
