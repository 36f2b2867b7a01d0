// The usage drill-down in both API generations: from the organization's usage to a project's and
// back with the view kept, the project's numbers against the API's (current: the versions add up
// to the organization's figure for the project, bucket by bucket), the deleted version apart, by
// keyboard only, axe clean. Over the demo seed's story (server/db/seed.ts `DEMO.usageJump`,
// `DEMO.deletedVersion`).
import type { Locator, Page } from '@playwright/test'
import { readFile } from 'node:fs/promises'
import { DEMO } from '../server/db/seed'
import { apiGeneration, callApi, createUser, expect, expectNoAxeViolations, signIn, test } from './fixtures'

const organization = DEMO.projectsOrganization
const project = DEMO.usageJump.projectName
const organizationUsage = `/organizations/${organization}/usage`
const projectUsage = `/organizations/${organization}/projects/${project}/usage`
/** A view the drill-down keeps: a range, an interval and the comparison. */
const view = 'range=90d&interval=month&compare=previous'

interface Point {
  start_date: string
  end_date: string
  value: number
}

test.describe.configure({ timeout: 90_000 })

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0)
/** Equal to the API's number, up to floating-point dust from adding decimals. */
const expectSame = (actual: number, expected: number, what: string) =>
  expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).toBeLessThan(1e-6)
const day = (timestamp: string) => timestamp.slice(0, 10)

async function open(page: Page, url: string) {
  await page.goto(url)
  await expect(page.getByRole('form', { name: 'Usage range' })).toBeVisible({ timeout: 45_000 })
}

function setUp(page: Page) {
  const admin = createUser({ email: DEMO.adminEmail })
  return { admin, ready: signIn(page, admin) }
}

/** Presses Tab until `target` has the focus (at most through the page twice). */
async function tabTo(page: Page, target: Locator) {
  for (let presses = 0; presses < 150; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return
    await page.keyboard.press('Tab')
  }
}

const crumbs = (page: Page) => page.getByRole('navigation', { name: 'Breadcrumb' })

/** The page's CSV: its header and rows split into fields (no field of these CSVs holds a comma). */
async function downloadCsv(page: Page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ])
  const [header, ...rows] = (await readFile((await download.path())!, 'utf8')).trimEnd().split('\r\n')
  return {
    name: download.suggestedFilename(),
    header: header!.split(','),
    rows: rows.map((r) => r.split(',')),
  }
}

/** Opens churn-acme's usage from the organization's, as its generation offers it. */
async function drillIn(page: Page) {
  if (apiGeneration() === 'current')
    await page
      .getByRole('table', { name: 'Credits per project, most first' })
      .getByRole('link', { name: project, exact: true })
      .click()
  else {
    const picker = page.getByRole('form', { name: 'A project’s usage' })
    await picker.getByRole('combobox', { name: 'Project' }).selectOption(project)
    await picker.getByRole('button', { name: 'Open its usage' }).click()
  }
}

test('drills from the organization’s usage into churn-acme and back, the range, interval and comparison kept', async ({
  page,
}) => {
  const { ready } = setUp(page)
  await ready
  await open(page, `${organizationUsage}?${view}`)
  await drillIn(page)

  await expect(page).toHaveURL(`${projectUsage}?${view}`)
  await expect(page.getByRole('heading', { name: `Usage of ${project}` })).toBeVisible()
  await expect(crumbs(page).getByRole('listitem')).toHaveText([
    'Organizations',
    organization,
    'Usage',
    project,
  ])
  await expect(
    page.getByRole('navigation', { name: 'Organization sections' }).getByRole('link', { name: 'Usage' }),
  ).toHaveAttribute('aria-current', 'page')
  await expect(page.getByRole('combobox', { name: 'Range' })).toHaveValue('90d')
  await expect(page.getByRole('checkbox', { name: /Compare with/ })).toBeChecked()
  await expect(
    page.getByText(
      apiGeneration() === 'current'
        ? 'The credits the project used, per deployment version.'
        : 'What the project consumed, per metric and object type.',
    ),
  ).toBeVisible()

  // The breadcrumb goes back to the organization's usage with the same view.
  await crumbs(page).getByRole('link', { name: 'Usage' }).click()
  await expect(page).toHaveURL(`${organizationUsage}?${view}`)
  await expect(page.getByRole('heading', { name: 'Usage', exact: true })).toBeVisible()

  // In again, and out with the browser's Back.
  await drillIn(page)
  await expect(page).toHaveURL(`${projectUsage}?${view}`)
  await page.goBack()
  await expect(page).toHaveURL(`${organizationUsage}?${view}`)
  await expect(page.getByRole('combobox', { name: 'Range' })).toHaveValue('90d')
})

test('the Projects tab’s project page links to its usage', async ({ page }) => {
  const { ready } = setUp(page)
  await ready
  await page.goto(`/organizations/${organization}/projects/${project}`)
  await page.getByRole('link', { name: `Usage of ${project}` }).click()
  await expect(page).toHaveURL(projectUsage)
  await expect(page.getByRole('form', { name: 'Usage range' })).toBeVisible({ timeout: 45_000 })
})

test('by keyboard only: into the project’s usage and back, axe clean on the way', async ({ page }) => {
  const { ready } = setUp(page)
  await ready
  await open(page, `${organizationUsage}?range=30d`)
  // Tab to the way in, as the generation offers it, and take it with the keyboard.
  const way =
    apiGeneration() === 'current'
      ? page
          .getByRole('table', { name: 'Credits per project, most first' })
          .getByRole('link', { name: project })
      : page.getByRole('combobox', { name: 'Project' })
  await tabTo(page, way)
  await expect(way).toBeFocused()
  if (apiGeneration() === 'current') await page.keyboard.press('Enter')
  else {
    // A focused select picks the option whose name is typed.
    await page.keyboard.type(project)
    await expect(way).toHaveValue(project)
    await page.keyboard.press('Tab')
    await expect(page.getByRole('button', { name: 'Open its usage' })).toBeFocused()
    await page.keyboard.press('Enter')
  }
  await expect(page).toHaveURL(`${projectUsage}?range=30d`)
  await expect(page.getByRole('heading', { name: `Usage of ${project}` })).toBeVisible()
  await expectNoAxeViolations(page)

  const back = crumbs(page).getByRole('link', { name: 'Usage' })
  await tabTo(page, back)
  await expect(back).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(`${organizationUsage}?range=30d`)
})

test('a project’s usage does not ask for the viewer’s projects, which only the organization’s “why this day” reads', async ({
  page,
}) => {
  const { ready } = setUp(page)
  await ready
  const asked: string[] = []
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (url.pathname === '/api/projects' && url.searchParams.get('organization') === organization)
      asked.push(url.pathname)
  })
  await open(page, `${projectUsage}?range=30d`)
  // The marks need the weeks before the range: by the time they are said, the page has asked all it asks.
  await expect(page.locator('#usage-chart-credits-description')).toHaveText(/far from usual/i)
  expect(asked, 'GET /projects?organization= from the project’s usage').toEqual([])
  // The counter sees the list where it is wanted: the organization's usage asks for it.
  await crumbs(page).getByRole('link', { name: 'Usage' }).click()
  await expect(page.getByRole('heading', { name: 'Usage', exact: true })).toBeVisible()
  await expect.poll(() => asked.length).toBeGreaterThan(0)
})

test.describe('current generation', () => {
  test.skip(
    () => apiGeneration() !== 'current',
    'credits per deployment version are the current generation’s',
  )

  test('the versions’ credits (page table and CSV) add up to the organization’s figure for the project, bucket by bucket', async ({
    page,
    request,
  }) => {
    const { admin, ready } = setUp(page)
    await ready
    await open(page, `${projectUsage}?range=30d&view=table`)
    const table = page.getByRole('table', { name: /^Credits per day$/ })
    const rows = await table.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        start: tr.querySelector('time')!.getAttribute('datetime')!,
        values: [...tr.querySelectorAll('td')].map((cell) => Number(cell.textContent!.replace(/,/g, ''))),
      })),
    )
    expect(rows.length).toBeGreaterThan(25)
    const csv = await downloadCsv(page)
    expect(csv.name).toMatch(new RegExp(`^credits-${organization}-${project}-.*-daily\\.csv$`))
    expect(csv.rows).toHaveLength(rows.length)

    // The organization's answer for exactly the days the page shows.
    const start = day(csv.rows[0]![0]!)
    const end = day(csv.rows.at(-1)![1]!)
    const answer = await callApi<{ data_projects: { project_name: string; data: Point[] }[] }>(
      request,
      admin,
      'GET',
      `/organizations/${organization}/usage?start_date=${start}&end_date=${end}&interval=day`,
    )
    const figures = answer.data_projects.find((p) => p.project_name === project)!.data
    expect(figures).toHaveLength(rows.length)
    figures.forEach((bucket, index) => {
      const row = rows[index]!
      expect(row.start).toBe(bucket.start_date)
      // The versions' columns, then the total.
      expectSame(sum(row.values.slice(0, -1)), bucket.value, `page, ${bucket.start_date}`)
      expectSame(row.values.at(-1)!, bucket.value, `page total, ${bucket.start_date}`)
      const [startDate, , ...values] = csv.rows[index]!
      expect(startDate).toBe(bucket.start_date)
      expectSame(sum(values.map(Number)), bucket.value, `CSV, ${bucket.start_date}`)
    })
    expect(csv.header.slice(2)).toContain(`${DEMO.usageJump.deploymentName} / ${DEMO.usageJump.version}`)
  })

  test('the deleted version is apart: its own series and row, not among the live versions', async ({
    page,
  }) => {
    const { ready } = setUp(page)
    await ready
    const { projectName, deploymentName, version } = DEMO.deletedVersion
    await open(page, `/organizations/${organization}/projects/${projectName}/usage?range=90d`)
    const legend = page.getByRole('list', { name: 'Credits per deployment version series' })
    await expect(legend.getByText('Deleted versions')).toBeVisible()
    const parts = page.getByRole('table', { name: 'Credits per deployment version, most first' })
    await expect(parts.getByRole('rowheader', { name: 'Deleted versions' })).toBeVisible()
    await expect(parts.getByRole('rowheader', { name: `${deploymentName} / ${version}` })).toHaveCount(0)
    const filter = page.getByRole('combobox', { name: 'Deployment version' })
    await filter.selectOption({ label: 'Deleted versions' })
    await expect(page).toHaveURL(/version=deleted/)
    await expect(page.getByRole('region', { name: 'Credits, deleted versions' })).toBeVisible()
    await expectNoAxeViolations(page)
  })

  test('a project’s legend entry on the chart leads to its usage by keyboard, the view kept; Other and Deleted do not', async ({
    page,
  }) => {
    const { ready } = setUp(page)
    await ready
    await open(page, `${organizationUsage}?${view}`)
    const legend = page.getByRole('list', { name: 'Credits per project series' })
    const entry = legend.getByRole('link', { name: `${project} usage`, exact: true })
    await expect(entry).toHaveText(project)
    // Every project drawn on its own has its link; the rest together and the deleted ones have none.
    const links = await legend.getByRole('link').allTextContents()
    const entries = await legend.getByRole('listitem').allTextContents()
    expect(links.length).toBeGreaterThan(1)
    expect(entries.filter((text) => !/^Other projects|^Deleted projects/.test(text))).toEqual(links)
    expect(entries.some((text) => text.startsWith('Other projects'))).toBe(true)
    await expectNoAxeViolations(page)

    await tabTo(page, entry)
    await expect(entry).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(`${projectUsage}?${view}`)
    await expect(page.getByRole('heading', { name: `Usage of ${project}` })).toBeVisible()
    await expect(page.getByRole('combobox', { name: 'Range' })).toHaveValue('90d')
    await expect(page.getByRole('checkbox', { name: /Compare with/ })).toBeChecked()
    await page.goBack()
    await expect(page).toHaveURL(`${organizationUsage}?${view}`)
  })

  test('the series filter leads to the project’s usage, and Back returns to the filtered view', async ({
    page,
  }) => {
    const { ready } = setUp(page)
    await ready
    await open(page, `${organizationUsage}?range=30d`)
    await page.getByRole('combobox', { name: 'Project' }).selectOption({ label: project })
    await page.getByRole('link', { name: `Open ${project}’s usage` }).click()
    await expect(page).toHaveURL(`${projectUsage}?range=30d`)
    await page.goBack()
    await expect(page).toHaveURL(`${organizationUsage}?range=30d&project=${project}`)
    await expect(page.getByRole('combobox', { name: 'Project' })).toHaveValue(project)
  })
})

test.describe('2022 generation', () => {
  test.skip(() => apiGeneration() !== '2022', 'per metric and object type is the 2022 generation’s')

  test('the project’s per-metric numbers (table and CSV) are the project’s API answer', async ({
    page,
    request,
  }) => {
    const { admin, ready } = setUp(page)
    await ready
    await open(page, `${projectUsage}?range=30d&view=table`)
    const csv = await downloadCsv(page)
    expect(csv.name).toMatch(new RegExp(`^usage-${organization}-${project}-.*-daily\\.csv$`))
    const start = day(csv.rows[0]![0]!)
    const end = day(csv.rows.at(-1)![1]!)
    const answer = await callApi<{ object_type: string; metric: string; usage: Point[] }[]>(
      request,
      admin,
      'GET',
      `/projects/${project}/usage?start_date=${start}&end_date=${end}&interval=day`,
    )
    const credits = answer.find((s) => s.object_type === 'deployment_version' && s.metric === 'credits')!
    const column = csv.header.indexOf('deployment_version.credits')
    expect(column).toBeGreaterThan(1)
    expect(csv.rows.map((row) => [row[0], Number(row[column])])).toEqual(
      credits.usage.map((bucket) => [bucket.start_date, bucket.value]),
    )
    // Every series of the answer is a column with the API's values.
    for (const series of answer) {
      const index = csv.header.findIndex((name) => name.startsWith(`${series.object_type}.${series.metric}`))
      expect(index, `${series.object_type}.${series.metric}`).toBeGreaterThan(1)
      expect(csv.rows.map((row) => Number(row[index]))).toEqual(series.usage.map((bucket) => bucket.value))
    }
    await expect(page.getByRole('table', { name: /^Usage per day$/ }).locator('tbody tr')).toHaveCount(
      csv.rows.length,
    )
  })
})
