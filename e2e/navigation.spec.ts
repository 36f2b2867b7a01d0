import { createOrganization, createUser, expect, expectNoAxeViolations, signIn, test } from './fixtures'

test('a deep link works on reload', async ({ page, request }) => {
  const user = createUser()
  const name = await createOrganization(request, user)
  await signIn(page, user)
  await page.goto(`/organizations/${name}/settings`)
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible()
  await page.reload()
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Settings' })).toHaveAttribute('aria-current', 'page')
  await expect(page.getByLabel('Organization name')).toHaveValue(name)
  await expect(page).toHaveTitle(`Settings · ${name} · UbiOps`)
})

test('the header switcher moves between organizations', async ({ page, request }) => {
  const user = createUser()
  const first = await createOrganization(request, user)
  const second = await createOrganization(request, user)
  await signIn(page, user)
  await page.goto(`/organizations/${first}`)
  await page.getByRole('button', { name: `Switch organization (current: ${first})` }).click()
  const menu = page.getByRole('navigation', { name: 'Organizations' })
  await expect(menu.getByRole('link', { name: first })).toHaveAttribute('aria-current', 'page')
  await expectNoAxeViolations(page)
  await menu.getByRole('link', { name: second }).click()
  await expect(page).toHaveURL(`/organizations/${second}`)
  await expect(page.getByRole('heading', { name: second, level: 1 })).toBeVisible()
  await expect(menu).toBeHidden()
})

test('while the next page loads, the current one stays, with a progress bar', async ({ page, request }) => {
  const user = createUser()
  const name = await createOrganization(request, user)
  await signIn(page, user)
  // The organization's detail is held back until the test lets it through: from the start, as the
  // list's at-a-glance columns ask for it too (and would otherwise have it cached before the click).
  let release: () => void = () => undefined
  const released = new Promise<void>((resolve) => (release = resolve))
  await page.route(`**/api/organizations/${name}`, async (route) => {
    await released
    await route.fallback()
  })
  await page.goto('/organizations')
  await expect(page.getByRole('link', { name })).toBeVisible()
  await page.getByRole('link', { name }).click()
  await expect(page.getByRole('progressbar', { name: 'Loading the page' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Organizations', level: 1 })).toBeVisible()
  release()
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible()
  await expect(page.getByRole('progressbar')).toHaveCount(0)
})

test('an unknown address shows a not-found page', async ({ page }) => {
  await signIn(page, createUser())
  await page.goto('/no/such/page')
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
  await expectNoAxeViolations(page)
})

test('the dashboard is operable from the keyboard', async ({ page, request }) => {
  const user = createUser()
  const name = await createOrganization(request, user)
  await signIn(page, user)
  await page.goto('/organizations')
  await expect(page.getByRole('link', { name })).toBeVisible()
  // The first Tab reaches the skip link, which moves focus to the content.
  await page.keyboard.press('Tab')
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused()
  await page.getByRole('link', { name }).focus()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(`/organizations/${name}`)
  // The new page is where focus starts: the next Tab reaches its first link.
  await expect(page.getByRole('main')).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(
    page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Organizations' }),
  ).toBeFocused()
  // Tabs and the switcher work from the keyboard too.
  await page.getByRole('link', { name: 'Settings' }).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByLabel('Organization name')).toHaveValue(name)
  await page.getByRole('button', { name: /Switch organization/ }).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('navigation', { name: 'Organizations' })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('navigation', { name: 'Organizations' })).toBeHidden()
})

for (const colorScheme of ['light', 'dark'] as const) {
  for (const width of [360, 1280]) {
    test(`pages pass axe and fit the screen (${colorScheme}, ${width}px)`, async ({ page, request }) => {
      await page.emulateMedia({ colorScheme })
      await page.setViewportSize({ width, height: 800 })
      const user = createUser()
      const name = await createOrganization(request, user)
      await page.goto('/sign-in')
      await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible()
      await expectNoAxeViolations(page)

      await signIn(page, user)
      for (const path of ['/organizations', `/organizations/${name}`, `/organizations/${name}/settings`]) {
        await page.goto(path)
        await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible()
        await expect(page.locator('[aria-busy="true"]')).toHaveCount(0)
        await expectNoAxeViolations(page)
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
        expect(overflow, `horizontal overflow on ${path}`).toBeLessThanOrEqual(0)
        if (process.env.SCREENSHOTS)
          await page.screenshot({
            path: `test-results/screens/${path.replaceAll('/', '_')}-${colorScheme}-${width}.png`,
            fullPage: true,
          })
      }
    })
  }
}
