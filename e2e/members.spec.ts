import type { Page, Request } from '@playwright/test'
import { DEMO } from '../server/db/seed'
import {
  callApi,
  createOrganization,
  createUser,
  expectNoAxeViolations,
  signIn,
  uniqueEmail,
  uniqueName,
  type TestUser,
} from './fixtures'
import { expect, test } from './journey'

interface Member {
  id: string
  email: string
  admin: boolean
}

const membersOf = (request: Parameters<typeof callApi>[0], user: TestUser, organization: string) =>
  callApi<Member[]>(request, user, 'GET', `/organizations/${organization}/users`)

const addMember = (
  request: Parameters<typeof callApi>[0],
  user: TestUser,
  organization: string,
  email: string,
  admin = false,
) => callApi<Member>(request, user, 'POST', `/organizations/${organization}/users`, { email, admin })

const rowOf = (page: Page, email: string) => page.getByRole('row').filter({ hasText: email })

async function openMembers(page: Page, organization: string) {
  await page.goto(`/organizations/${organization}/members`)
  await expect(page.getByRole('grid', { name: 'Members' })).toBeVisible()
}

/** A fresh organization of a fresh admin, with one more (non-admin) member. */
async function organizationWithMember(request: Parameters<typeof callApi>[0], prefix = 'person') {
  const admin = createUser()
  const organization = await createOrganization(request, admin)
  const person = uniqueEmail(prefix)
  await addMember(request, admin, organization, person)
  return { admin, organization, person }
}

/** Asks to remove `person` from their row and confirms: the undo window starts. */
async function removeFromRow(page: Page, person: string) {
  await rowOf(page, person)
    .getByRole('button', { name: `Remove ${person}` })
    .click()
  await page
    .getByRole('dialog', { name: `Remove ${person}?` })
    .getByRole('button', { name: 'Remove member' })
    .click()
}

test('an admin adds one member, and gets clear messages for a malformed or existing address', async ({
  page,
  request,
  admin,
  organization,
}) => {
  await signIn(page, admin)
  await openMembers(page, organization)

  await page.getByRole('button', { name: 'Add member' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add a member' })
  await expect(dialog).toBeVisible()
  await expectNoAxeViolations(page)

  const email = dialog.getByRole('textbox', { name: 'Email' })
  await email.fill('not-an-email')
  await dialog.getByRole('button', { name: 'Add member' }).click()
  await expect(email).toHaveAccessibleDescription('"not-an-email" is not a valid email address.')

  await email.fill(admin.email)
  await dialog.getByRole('button', { name: 'Add member' }).click()
  await expect(email).toHaveAccessibleDescription(`${admin.email} is already a member of ${organization}.`)

  const newcomer = uniqueEmail('new')
  await email.fill(newcomer.toUpperCase())
  await dialog.getByRole('switch', { name: 'Admin' }).check()
  await dialog.getByRole('button', { name: 'Add member' }).click()
  await expect(dialog).toBeHidden()
  await expect(rowOf(page, newcomer)).toContainText('Admin')
  expect((await membersOf(request, admin, organization)).find((m) => m.email === newcomer)?.admin).toBe(true)
})

test('bulk-adds 50 people from a paste with malformed and duplicate lines, with a preview and a result per row', async ({
  page,
  request,
  admin,
  organization,
}) => {
  const existing = uniqueEmail('existing')
  await addMember(request, admin, organization, existing)
  await signIn(page, admin)
  await openMembers(page, organization)

  const fresh = Array.from({ length: 50 }, (_, i) => uniqueEmail(`bulk${i}`))
  const lines = [
    ...fresh.slice(0, 20),
    'not an email',
    `${fresh[3]!.toUpperCase()}`, // duplicate, other case
    fresh.slice(20, 35).join(', '),
    'broken@',
    existing,
    fresh.slice(35).join('; '),
    fresh[40]!, // duplicate
  ]
  await page.getByRole('button', { name: 'Add many' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add many members' })
  await dialog.getByRole('textbox', { name: 'Email addresses' }).fill(lines.join('\n'))
  await dialog.getByRole('button', { name: 'Review list' }).click()

  const summary = dialog.getByRole('list', { name: 'Summary of the list' })
  await expect(summary).toContainText('50 addresses to add')
  await expect(summary).toContainText('2 malformed lines')
  await expect(summary).toContainText('2 duplicates')
  await expect(summary).toContainText('1 existing member')
  await expect(dialog.getByRole('row').filter({ hasText: 'not an email' })).toContainText('Malformed')
  await expect(dialog.getByRole('row').filter({ hasText: existing })).toContainText('Already a member')
  await expectNoAxeViolations(page)

  await dialog.getByRole('checkbox', { name: 'Only rows that need attention' }).check()
  await expect(dialog.getByRole('region', { name: 'Rows of the list' }).getByRole('row')).toHaveCount(1 + 5)
  await dialog.getByRole('checkbox', { name: 'Only rows that need attention' }).uncheck()

  await dialog.getByRole('button', { name: 'Add 50 members' }).click()
  await expect(dialog.getByText('Added 50 members.')).toBeVisible()
  await expect(dialog.getByRole('progressbar')).toHaveAttribute('value', '50')
  await expectNoAxeViolations(page)
  await dialog.getByRole('button', { name: 'Done' }).click()

  const emails = (await membersOf(request, admin, organization)).map((m) => m.email)
  expect(emails).toHaveLength(52)
  for (const email of fresh) expect(emails).toContain(email)
  await expect(page.getByRole('status').filter({ hasText: 'members' })).toHaveText('52 members')
})

test("bulk-adds the people of a line copied from an e-mail client's To field, names and all", async ({
  page,
  request,
  admin,
  organization,
}) => {
  const [dave, erin] = [uniqueEmail('dave'), uniqueEmail('erin')]
  await signIn(page, admin)
  await openMembers(page, organization)
  await page.getByRole('button', { name: 'Add many' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add many members' })
  await dialog
    .getByRole('textbox', { name: 'Email addresses' })
    .fill(`Dave Example <${dave}>; Erin Example <${erin}>;`)
  await dialog.getByRole('button', { name: 'Review list' }).click()

  const summary = dialog.getByRole('list', { name: 'Summary of the list' })
  await expect(summary).toContainText('2 addresses to add')
  await expect(summary).toContainText('0 malformed lines')
  await dialog.getByRole('button', { name: 'Add 2 members' }).click()
  await expect(dialog.getByText('Added 2 members.')).toBeVisible()
  const emails = (await membersOf(request, admin, organization)).map((m) => m.email)
  expect(emails).toEqual(expect.arrayContaining([dave, erin]))
})

test('bulk-add reports each failed row with its reason and retries only those', async ({
  page,
  request,
  admin,
  organization,
}) => {
  const [first, flaky, joinedMeanwhile] = [
    uniqueEmail('first'),
    uniqueEmail('flaky'),
    uniqueEmail('meanwhile'),
  ]
  await signIn(page, admin)
  await openMembers(page, organization)
  await page.getByRole('button', { name: 'Add many' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add many members' })
  await dialog
    .getByRole('textbox', { name: 'Email addresses' })
    .fill(`email,admin\n${first},yes\n${flaky},no\n${joinedMeanwhile},0`)
  await dialog.getByRole('button', { name: 'Review list' }).click()
  await expect(dialog.getByRole('row').filter({ hasText: first })).toContainText('Admin')

  // Between the preview and the sending, someone else adds one of them, and the network drops one request.
  await addMember(request, admin, organization, joinedMeanwhile)
  let dropped = false
  await page.route('**/users', (route) => {
    if (!dropped && route.request().method() === 'POST' && route.request().postDataJSON().email === flaky) {
      dropped = true
      return route.abort('connectionreset')
    }
    return route.continue()
  })
  await dialog.getByRole('button', { name: 'Add 3 members' }).click()
  await expect(dialog.getByText('Added 1 member. 2 rows failed')).toBeVisible()
  await expect(dialog.getByRole('row').filter({ hasText: flaky })).toContainText('could not be reached')
  await expect(dialog.getByRole('row').filter({ hasText: joinedMeanwhile })).toContainText('already a member')

  await dialog.getByRole('button', { name: 'Retry 2 rows' }).click()
  await expect(dialog.getByRole('row').filter({ hasText: flaky })).toContainText('Added')
  await expect(dialog.getByText('1 row failed')).toBeVisible()
  const members = await membersOf(request, admin, organization)
  expect(members.find((m) => m.email === first)?.admin).toBe(true)
  expect(members.map((m) => m.email)).toContain(flaky)
})

test('an admin promotes and demotes a member from the row, and the list updates at once', async ({
  page,
  request,
}) => {
  const { admin, organization, person } = await organizationWithMember(request)
  await signIn(page, admin)
  await openMembers(page, organization)

  // Hold the PATCH until the row has changed: the update is shown before the API has answered.
  let release = () => {}
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route('**/users/*', async (route) => {
    if (route.request().method() === 'PATCH') await held
    await route.continue()
  })
  const row = rowOf(page, person)
  await row.getByRole('button', { name: `Make admin ${person}` }).click()
  await expect(row).toContainText('Admin')
  await expect(page.getByText(`${person} is now an admin.`)).toBeHidden()
  release()
  await expect(page.getByText(`${person} is now an admin.`)).toBeVisible()
  expect((await membersOf(request, admin, organization)).find((m) => m.email === person)?.admin).toBe(true)

  await row.getByRole('button', { name: `Make member ${person}` }).click()
  await expect(page.getByText(`${person} is now a member.`)).toBeVisible()
  await expect(row.getByRole('button', { name: `Make admin ${person}` })).toBeVisible()
  expect((await membersOf(request, admin, organization)).find((m) => m.email === person)?.admin).toBe(false)
})

test('the only admin cannot be demoted or removed, and the page offers to promote someone first', async ({
  page,
  request,
}) => {
  const { admin, organization, person } = await organizationWithMember(request)
  await signIn(page, admin)
  await openMembers(page, organization)

  const reason = 'You are the only admin. Make someone else admin first.'
  await expect(page.getByText(reason)).toBeVisible()
  const myRow = rowOf(page, admin.email)
  await expect(myRow.getByRole('button', { name: `Make member ${admin.email}` })).toBeDisabled()
  await expect(myRow.getByRole('button', { name: `Remove ${admin.email}` })).toBeDisabled()
  await expect(myRow.getByRole('button', { name: `Remove ${admin.email}` })).toHaveAccessibleDescription(
    reason,
  )

  await page.getByRole('button', { name: 'Choose a new admin' }).click()
  await expect(page).toHaveURL(/role=member/)
  await expect(myRow).toHaveCount(0)
  await rowOf(page, person)
    .getByRole('button', { name: `Make admin ${person}` })
    .click()
  await expect(page.getByText(reason)).toBeHidden()
  await page.getByRole('combobox', { name: 'Role' }).selectOption('all')
  await expect(myRow.getByRole('button', { name: `Make member ${admin.email}` })).toBeEnabled()
})

test('when the API refuses a demotion (another admin acted at once) the message explains it and the list shows the truth', async ({
  page,
  request,
  admin,
  organization,
}) => {
  const other = createUser()
  const otherMember = await addMember(request, admin, organization, other.email, true)
  await signIn(page, admin)
  await openMembers(page, organization)
  await expect(rowOf(page, other.email)).toContainText('Admin')

  // Meanwhile, in another tab, the admin demotes the other admin: the page still shows two admins.
  await callApi(request, admin, 'PATCH', `/organizations/${organization}/users/${otherMember.id}`, {
    admin: false,
  })

  await rowOf(page, admin.email)
    .getByRole('button', { name: `Make member ${admin.email}` })
    .click()
  await expect(page.getByText(/Could not make .* a member: .*last admin/)).toBeVisible()
  await expect(rowOf(page, admin.email)).toContainText('Admin')
  await expect(rowOf(page, other.email).getByText('Member', { exact: true })).toBeVisible()
  await expect(page.getByText('You are the only admin. Make someone else admin first.')).toBeVisible()
})

test('removing asks first, then can be undone without any request being sent', async ({ page, request }) => {
  const { admin, organization, person } = await organizationWithMember(request)
  const deletes: Request[] = []
  page.on('request', (sent) => sent.method() === 'DELETE' && deletes.push(sent))
  await page.clock.install()
  await signIn(page, admin)
  await openMembers(page, organization)

  await rowOf(page, person)
    .getByRole('button', { name: `Remove ${person}` })
    .click()
  const confirm = page.getByRole('dialog', { name: `Remove ${person}?` })
  await expect(confirm).toContainText(`${person} will no longer be a member of ${organization}`)
  await expect(confirm).toContainText('loses their roles in every project of the organization')
  await expectNoAxeViolations(page)
  await confirm.getByRole('button', { name: 'Remove member' }).click()

  await expect(rowOf(page, person)).toHaveCount(0)
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(rowOf(page, person)).toBeVisible()
  await page.clock.fastForward(10_000)
  await expect(page.getByText(`${person} is still a member.`)).toBeVisible()
  expect(deletes).toHaveLength(0)
  expect((await membersOf(request, admin, organization)).map((m) => m.email)).toContain(person)
})

test('removing without undo sends the removal once the undo window is over', async ({ page, request }) => {
  const { admin, organization, person } = await organizationWithMember(request)
  await page.clock.install()
  await signIn(page, admin)
  await openMembers(page, organization)

  await removeFromRow(page, person)
  await expect(rowOf(page, person)).toHaveCount(0)
  await expect(page.getByText(`Removed ${person}.`)).toBeVisible()

  const removal = page.waitForResponse((response) => response.request().method() === 'DELETE')
  await page.clock.fastForward(7_000)
  expect((await removal).status()).toBe(204)
  expect((await membersOf(request, admin, organization)).map((m) => m.email)).not.toContain(person)
  await expect(rowOf(page, person)).toHaveCount(0)
})

test('closing the tab during the undo window still sends the removal', async ({ page, request }) => {
  const { admin, organization, person } = await organizationWithMember(request, 'leaving')
  await signIn(page, admin)
  await openMembers(page, organization)

  await removeFromRow(page, person)
  await expect(page.getByText(`Removed ${person}.`)).toBeVisible()
  // Leaving is not an undo: the waiting removal goes out with the page (a keepalive request).
  await page.close({ runBeforeUnload: true })
  await expect
    .poll(async () => (await membersOf(request, admin, organization)).map((m) => m.email))
    .not.toContain(person)
})

test('a removal waiting out its undo window follows a rename of the organization', async ({
  page,
  request,
}) => {
  const { admin, organization, person } = await organizationWithMember(request)
  const renamed = uniqueName('renamed')
  await page.clock.install()
  await signIn(page, admin)
  await openMembers(page, organization)

  await removeFromRow(page, person)
  await expect(page.getByText(`Removed ${person}.`)).toBeVisible()

  // Within the undo window, the organization gets a new name (and address).
  await page.getByRole('link', { name: 'Settings' }).click()
  await page.getByLabel('Organization name').fill(renamed)
  await page.getByRole('button', { name: 'Rename…' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Rename organization' }).click()
  await expect(page).toHaveURL(`/organizations/${renamed}/settings`)

  const removal = page.waitForResponse((response) => response.request().method() === 'DELETE')
  await page.clock.fastForward(7_000)
  expect((await removal).status()).toBe(204)
  expect((await membersOf(request, admin, renamed)).map((m) => m.email)).not.toContain(person)
})

test('a member who is not an admin sees the list read-only, and no admin-only request is made', async ({
  page,
  request,
  admin,
  organization,
  member: reader,
}) => {
  const adminOnly: string[] = []
  page.on('request', (sent) => {
    const url = new URL(sent.url())
    if (sent.method() !== 'GET' || /\/users\/[^/]+$/.test(url.pathname))
      adminOnly.push(`${sent.method()} ${url.pathname}`)
  })
  await signIn(page, reader)
  await openMembers(page, organization)
  // The organization's frame asks once whether the viewer is an admin here (to show or hide the
  // admin-only tabs), with the viewer's own member answer: that is not an admin-only request about
  // anyone else, so it is left aside; every other one is still counted.
  const { id: readerId } = await callApi<{ id: string }>(request, reader, 'GET', '/user')
  const ownRightsCheck = `GET /api/organizations/${organization}/users/${readerId}`

  await expect(page.getByText('Only its admins can add or remove members and change roles.')).toBeVisible()
  await expect(rowOf(page, admin.email)).toContainText('Admin')
  await expect(
    page.getByRole('button', { name: /Add member|Add many|Make admin|Make member|Remove/ }),
  ).toHaveCount(0)
  await expectNoAxeViolations(page)

  await rowOf(page, admin.email).getByRole('link', { name: admin.email }).click()
  const panel = page.getByRole('dialog')
  await expect(panel).toContainText(admin.email)
  await expect(panel).toContainText('Admin')
  await expectNoAxeViolations(page)
  expect(adminOnly.filter((sent) => sent !== ownRightsCheck)).toEqual([])
})

test.describe('the 10,000-member organization', () => {
  // A 1.4 MB list and several axe passes over a large page: give it room on a busy machine.
  test.slow()

  test('search, filter, sort and keyboard navigation, all kept in the URL', async ({ page }) => {
    const admin = createUser({ email: DEMO.adminEmail })
    await signIn(page, admin)
    await openMembers(page, DEMO.largeOrganization)
    const count = page.getByRole('search').getByRole('status')
    await expect(count).toHaveText(/^10,0\d\d members$/)
    const grid = page.getByRole('grid', { name: 'Members' })
    expect(Number(await grid.getAttribute('aria-rowcount'))).toBeGreaterThan(10_000)
    // Only the rows in view are in the page.
    expect(await grid.getByRole('row').count()).toBeLessThan(80)
    await expectNoAxeViolations(page)

    await page.keyboard.press('/')
    const search = page.getByRole('searchbox', { name: /Search/ })
    await expect(search).toBeFocused()
    await page.keyboard.type('sam jansen')
    await expect(count).toHaveText(/^\d+ of 10,0\d\d members$/)
    await expect(rowOf(page, DEMO.memberEmail)).toBeVisible()
    await page.getByRole('combobox', { name: 'Role' }).selectOption('admin')
    await expect(page).toHaveURL(/role=admin/)
    await expect(rowOf(page, DEMO.memberEmail)).toHaveCount(0)

    await search.fill('jansen')
    await expect(page).toHaveURL(/q=jansen/)
    await page.getByRole('combobox', { name: 'Role' }).selectOption('member')
    await expect(page).toHaveURL(/role=member/)
    await expect(grid.getByRole('row').nth(1)).toContainText('Jansen')
    await grid.getByRole('button', { name: 'Surname' }).click()
    await expect(page).toHaveURL(/sort=surname/)
    await expect(grid.getByRole('columnheader', { name: 'Surname' })).toHaveAttribute(
      'aria-sort',
      'ascending',
    )

    const firstLink = grid.getByRole('row').nth(1).getByRole('link')
    await firstLink.focus()
    await page.keyboard.press('j')
    const second = grid.getByRole('row').nth(2).getByRole('link')
    await expect(second).toBeFocused()
    await page.keyboard.press('ArrowUp')
    await expect(firstLink).toBeFocused()
    const email = (await firstLink.textContent())!
    await page.keyboard.press('Enter')

    await expect(page).toHaveURL(/\/members\/[0-9a-f-]{36}\?.*q=jansen/)
    const panel = page.getByRole('dialog')
    await expect(panel).toContainText(email)
    await expectNoAxeViolations(page)
    await page.keyboard.press('Escape')
    await expect(panel).toBeHidden()
    await expect(firstLink).toBeFocused()
    await expect(page).toHaveURL(/\/members\?/)
    const params = new URL(page.url()).searchParams
    expect([params.get('q'), params.get('role'), params.get('sort')]).toEqual(['jansen', 'member', 'surname'])
    await expect(search).toHaveValue('jansen')
  })

  test('a shared link opens the same view and member', async ({ page, request }) => {
    const admin = createUser({ email: DEMO.adminEmail })
    const members = await membersOf(request, admin, DEMO.largeOrganization)
    const target = members.find((m) => m.email === DEMO.memberEmail)!
    await signIn(page, admin)
    await page.goto(
      `/organizations/${DEMO.largeOrganization}/members/${target.id}?q=jansen&sort=name&dir=desc`,
    )
    await expect(page.getByRole('dialog')).toContainText(DEMO.memberEmail)
    await expect(page.getByRole('searchbox', { name: /Search/ })).toHaveValue('jansen')
  })
})

test('Escape from a member panel gives focus back to the row that opened it, also when the panel came with the address', async ({
  page,
  request,
}) => {
  const { admin, organization, person } = await organizationWithMember(request, 'focus')
  const [member] = (await membersOf(request, admin, organization)).filter((m) => m.email === person)
  await signIn(page, admin)
  await openMembers(page, organization)

  const link = rowOf(page, person).getByRole('link', { name: person })
  await link.click()
  const panel = page.getByRole('dialog', { name: person })
  await expect(panel).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(panel).toBeHidden()
  await expect(link).toBeFocused()

  // Opened by the keyboard: Enter on the row's link, Escape, and the next arrow key moves on from it.
  await page.keyboard.press('Enter')
  await expect(panel).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(link).toBeFocused()

  await page.goto(`/organizations/${organization}/members/${member!.id}`)
  await expect(panel).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(panel).toBeHidden()
  await expect(link).toBeFocused()
})

test('the bulk-add review wraps addresses only after "@" or before ".", never mid-word, at 1280 and 360 px', async ({
  page,
  admin,
  organization,
}) => {
  const suffix = uniqueName('w').slice(2)
  const addresses = [
    `bulk.one-${suffix}@trial.example.com`,
    `a-rather-long-first.and-last-name-${suffix}@departments.research.trial-university.example`,
    `short-${suffix}@x.example`,
  ]
  await signIn(page, admin)
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 800 })
    await openMembers(page, organization)
    await page.getByRole('button', { name: 'Add many' }).click()
    const dialog = page.getByRole('dialog', { name: 'Add many members' })
    await dialog.getByRole('textbox', { name: 'Email addresses' }).fill(addresses.join('\n'))
    await dialog.getByRole('button', { name: 'Review list' }).click()
    await expect(dialog.getByRole('list', { name: 'Summary of the list' })).toContainText(
      '3 addresses to add',
    )

    // Where each address's lines break: the characters on either side of every break.
    const breaks = await dialog
      .getByRole('cell')
      .filter({ hasText: '@' })
      .evaluateAll((cells) =>
        cells.map((cell) => {
          const text = cell.textContent ?? ''
          const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT)
          const tops: number[] = []
          for (let node = walker.nextNode(); node; node = walker.nextNode())
            for (let i = 0; i < node.textContent!.length; i++) {
              const range = document.createRange()
              range.setStart(node, i)
              range.setEnd(node, i + 1)
              tops.push(Math.round(range.getBoundingClientRect().top))
            }
          return tops.flatMap((top, i) => (i > 0 && top > tops[i - 1]! ? [text.slice(i - 1, i + 1)] : []))
        }),
      )
    expect(breaks).toHaveLength(3)
    for (const pairs of breaks) for (const pair of pairs) expect(pair).toMatch(/^@.|^.\.$/)
    // The long address does wrap on a phone: the rule above was put to the test.
    if (width === 360) expect(breaks.flat().length).toBeGreaterThan(0)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width)
    await expectNoAxeViolations(page)
    await dialog.getByRole('button', { name: 'Close' }).click()
  }
})

test('bulk: make the selected members admins and undo it in one go; remove them with one undo; the last admin is guarded', async ({
  page,
  request,
  admin,
  organization,
}) => {
  const people = [uniqueEmail('bulk-a'), uniqueEmail('bulk-b'), uniqueEmail('bulk-c')]
  for (const email of people) await addMember(request, admin, organization, email)
  const roles = async () =>
    Object.fromEntries((await membersOf(request, admin, organization)).map((m) => [m.email, m.admin]))
  await signIn(page, admin)
  await openMembers(page, organization)
  const select = (email: string) => page.getByRole('checkbox', { name: `Select ${email}` })
  const bar = page.getByRole('region', { name: 'Selected members' })

  // The only admin alone: neither demoted nor removed, and the bar says why.
  await select(admin.email).check()
  await expect(bar.getByRole('status')).toHaveText('1 selected')
  await expect(bar.getByRole('button', { name: 'Remove' })).toBeDisabled()
  await expect(bar.getByRole('button', { name: 'Make member' })).toBeDisabled()
  await expect(bar.getByRole('button', { name: 'Remove' })).toHaveAccessibleDescription(
    /would leave .* without an admin/,
  )
  await bar.getByRole('button', { name: 'Clear selection' }).click()
  await expect(bar).toBeHidden()

  // Make two admins, then one Undo puts both back.
  await select(people[0]!).check()
  await select(people[1]!).check()
  await expectNoAxeViolations(page)
  await bar.getByRole('button', { name: 'Make admin' }).click()
  await expect(page.getByText('Made 2 members admins.')).toBeVisible()
  await expect(rowOf(page, people[0]!)).toContainText('Admin')
  await expect.poll(roles).toMatchObject({ [people[0]!]: true, [people[1]!]: true, [people[2]!]: false })
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(page.getByText('Roles of 2 members put back.')).toBeVisible()
  await expect.poll(roles).toMatchObject({ [people[0]!]: false, [people[1]!]: false, [people[2]!]: false })

  // Every member shown, the admin included, cannot be removed at once; without the admin they can.
  await page.getByRole('checkbox', { name: 'Select every member shown' }).check()
  await expect(bar.getByRole('status')).toHaveText('4 selected')
  await expect(bar.getByRole('button', { name: 'Remove' })).toBeDisabled()
  await select(admin.email).uncheck()
  await bar.getByRole('button', { name: 'Remove' }).click()
  const confirm = page.getByRole('dialog', { name: 'Remove 3 members?' })
  await expect(confirm).toContainText(people[2]!)
  await confirm.getByRole('button', { name: 'Remove 3 members' }).click()
  await expect(page.getByText('Removed 3 members.')).toBeVisible()
  for (const email of people) await expect(rowOf(page, email)).toHaveCount(0)
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(page.getByText('3 members kept.')).toBeVisible()
  for (const email of people) await expect(rowOf(page, email)).toHaveCount(1)
  expect(Object.keys(await roles())).toHaveLength(4)

  // Removed for good once the undo window is over.
  await select(people[1]!).check()
  await select(people[2]!).check()
  await bar.getByRole('button', { name: 'Remove' }).click()
  await page
    .getByRole('dialog', { name: 'Remove 2 members?' })
    .getByRole('button', { name: 'Remove 2 members' })
    .click()
  await expect
    .poll(async () => Object.keys(await roles()).sort(), { timeout: 15_000 })
    .toEqual([admin.email, people[0]!].sort())
})
