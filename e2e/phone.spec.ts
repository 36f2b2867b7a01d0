// What a new admin tripped on at 360 px (and the members table's columns at any width): each
// journey measures the layout itself (boxes, scroll widths, line boxes), in both API generations.
import type { APIRequestContext, Locator, Page } from '@playwright/test'
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
} from './fixtures'
import { createProject } from './project-helpers'

const PHONE = { width: 360, height: 740 }

/** How far the page scrolls sideways: 0 when it fits the screen. */
const sidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)

/** The distinct lines an element's text is drawn on. */
const textLines = (element: Locator) =>
  element.evaluate((node) => {
    const range = document.createRange()
    range.selectNodeContents(node)
    return [...range.getClientRects()]
      .filter((rect) => rect.width > 0)
      .map((rect) => ({ top: rect.top, bottom: rect.bottom }))
      .filter((rect, index, all) => all.findIndex((other) => Math.abs(other.top - rect.top) < 2) === index)
  })

/** The left and right edges of each of the element's children, in CSS pixels. */
const columnEdges = (row: Locator) =>
  row.evaluate((node) =>
    [...node.children].map((cell) => {
      const { left, right } = cell.getBoundingClientRect()
      return [Math.round(left * 2) / 2, Math.round(right * 2) / 2]
    }),
  )

test('at 360 px the organization tabs show the current one on every page, and fade where more tabs are', async ({
  page,
  request,
}) => {
  const admin = createUser()
  const organization = await createOrganization(request, admin)
  await signIn(page, admin)
  await page.setViewportSize(PHONE)
  const tabs = page.getByRole('navigation', { name: 'Organization sections' })
  const list = tabs.getByRole('list')

  const expectCurrentInView = async (label: string) => {
    const current = tabs.getByRole('link', { name: label })
    await expect(current).toHaveAttribute('aria-current', 'page')
    // The admin's tabs (the audit trail among them) are all there before measuring.
    await expect(tabs.getByRole('link', { name: 'Audit trail' })).toBeVisible()
    await expect
      .poll(async () => {
        const [box, tab] = [await list.boundingBox(), await current.boundingBox()]
        return box && tab && tab.x >= box.x - 1 && tab.x + tab.width <= box.x + box.width + 1
      }, `the ${label} tab is wholly in view`)
      .toBe(true)
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0)
  }

  for (const [path, label] of [
    ['settings', 'Settings'],
    ['usage', 'Usage'],
    ['members', 'Members'],
  ] as const) {
    await page.goto(`/organizations/${organization}/${path}`)
    await expectCurrentInView(label)
  }
  await page.goto(`/organizations/${organization}/settings`)
  await expectCurrentInView('Settings')
  // The last tab is in view, so more lie before it only: that end fades.
  await expect(list).toHaveAttribute('data-more-before', 'true')
  await expect(list).not.toHaveAttribute('data-more-after')
  expect(await list.evaluate((node) => getComputedStyle(node).maskImage)).toContain('gradient')
  await expectNoAxeViolations(page)

  // A tab out of view, reached and followed: its page brings it into view.
  await tabs.getByRole('link', { name: 'Overview' }).click()
  await expect(page).toHaveURL(`/organizations/${organization}`)
  await expectCurrentInView('Overview')
  await expect(list).toHaveAttribute('data-more-after', 'true')
  await expect(list).not.toHaveAttribute('data-more-before')

  // Wide enough for every tab: nothing to say, nothing faded.
  await page.setViewportSize({ width: 1280, height: 800 })
  await expect(list).not.toHaveAttribute('data-more-after')
  await expect(list).not.toHaveAttribute('data-more-before')
})

test('at 360 px the Projects list fits the screen with every Delete button in view', async ({
  page,
  request,
}) => {
  const admin = createUser()
  const organization = await createOrganization(request, admin)
  const project = await createProject(request, admin, organization)
  await signIn(page, admin)
  await page.setViewportSize(PHONE)
  await page.goto(`/organizations/${organization}/projects`)
  const remove = page.getByRole('button', { name: `Delete ${project}` })
  await expect(remove).toBeVisible()
  await expect(page.getByText('Organization admin')).toBeVisible()
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0)

  expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0)
  const box = (await remove.boundingBox())!
  expect(box.x).toBeGreaterThanOrEqual(0)
  expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width)
  await expectNoAxeViolations(page)
})

test('at 360 px the organization switcher keeps a long name on one line', async ({ page, request }) => {
  const admin = createUser()
  const organization = await createOrganization(request, admin, {
    name: uniqueName('a-rather-long-organization-name'),
  })
  await signIn(page, admin)
  await page.setViewportSize(PHONE)
  await page.goto(`/organizations/${organization}`)
  const switcher = page.getByRole('button', { name: `Switch organization (current: ${organization})` })
  await expect(switcher).toBeVisible()
  expect(await textLines(switcher.getByText(organization))).toHaveLength(1)
  expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0)
})

test('at 360 px a button whose label wraps keeps its lines clear of its border (two-factor card)', async ({
  page,
  request,
}) => {
  test.skip(apiGeneration() === '2022', 'the 2022 generation has no two-factor enforcement')
  const admin = createUser()
  const organization = await createOrganization(request, admin)
  await callApi(request, admin, 'PATCH', `/organizations/${organization}`, {
    two_factor_authentication_forced: true,
  })
  await signIn(page, admin)
  await page.setViewportSize(PHONE)
  await page.goto(`/organizations/${organization}/settings`)
  const button = page.getByRole('button', { name: 'Stop requiring two-factor authentication…' })
  await expect(button).toBeVisible()
  const box = (await button.boundingBox())!
  const lines = await textLines(button)
  expect(lines.length, 'the label wraps at this width').toBeGreaterThan(1)
  for (const line of lines) {
    expect(line.top - box.y).toBeGreaterThanOrEqual(4)
    expect(box.y + box.height - line.bottom).toBeGreaterThanOrEqual(4)
  }
  expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0)
})

test("the members table's header columns line up with its cells, also when an address is longer than its column", async ({
  page,
  request,
}) => {
  const admin = createUser()
  const organization = await createOrganization(request, admin)
  const long = `${'a-very-long-mailbox-name-'.repeat(3)}${uniqueName('x')}@example.com`
  await callApi(request, admin, 'POST', `/organizations/${organization}/users`, { email: long, admin: false })
  await signIn(page, admin)
  await page.goto(`/organizations/${organization}/members`)
  const grid = page.getByRole('grid', { name: 'Members' })
  const header = grid.getByRole('row').first()
  await expect(grid.getByRole('row').filter({ hasText: long })).toBeVisible()
  for (const width of [1280, 1000, 800]) {
    await page.setViewportSize({ width, height: 800 })
    const expected = await columnEdges(header)
    expect(expected.length).toBeGreaterThan(3)
    for (const row of await grid.getByRole('row').all())
      expect(await columnEdges(row), `columns at ${width} px`).toEqual(expected)
  }
})

/** A new organization's overview, signed in as its admin, and the palette opened by `open`. */
async function openPaletteOfNewOrganization(
  page: Page,
  request: APIRequestContext,
  open: (page: Page) => Promise<void>,
) {
  const admin = createUser()
  const organization = await createOrganization(request, admin)
  await signIn(page, admin)
  await page.goto(`/organizations/${organization}`)
  await expect(page.getByRole('heading', { name: organization, level: 1 })).toBeVisible()
  await open(page)
  const palette = page.getByRole('dialog', { name: 'Go to or run' })
  const input = palette.getByRole('combobox', { name: 'Organization, page, member email or action' })
  await expect(input).toBeFocused()
  return { organization, palette, input }
}

test.describe('on a touch screen at 360 px', () => {
  test.use({ hasTouch: true, viewport: PHONE })

  test('the command palette fits, shows no keys to press, and "usage" finds the monthly report', async ({
    page,
    request,
  }) => {
    const { organization, palette, input } = await openPaletteOfNewOrganization(page, request, (page) =>
      page.getByRole('button', { name: 'Go to…' }).click(),
    )
    await expect(page.getByText(/^(Ctrl K|⌘K)$/)).toBeHidden()
    await expect(palette.getByText(/Enter to run/)).toBeHidden()

    const placeholder = await input.evaluate((node: HTMLInputElement) => {
      const style = getComputedStyle(node)
      const context = document.createElement('canvas').getContext('2d')!
      context.font = style.font
      return {
        text: context.measureText(node.placeholder).width,
        room: node.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight),
      }
    })
    expect(placeholder.text, 'the placeholder is not cut').toBeLessThanOrEqual(placeholder.room)

    await input.fill('usage')
    await palette.getByRole('option', { name: 'Monthly report', exact: true }).click()
    await expect(page).toHaveURL(`/organizations/${organization}/usage/report`)
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0)
  })
})

test('with a mouse and keyboard the palette says which keys move, run and close', async ({
  page,
  request,
}) => {
  const { palette } = await openPaletteOfNewOrganization(page, request, (page) =>
    page.keyboard.press('ControlOrMeta+k'),
  )
  await expect(palette.getByText(/Enter to run/)).toBeVisible()
})
