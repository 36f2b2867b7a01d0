// A member's side panel: when they joined and their status, in both API generations (the official
// clients' models have `status` in both; the local API adds when they joined where it answers one member).
import { formatDateTime } from '../src/lib/format-date'
import {
  callApi,
  createOrganization,
  createUser,
  expect,
  expectNoAxeViolations,
  signIn,
  test,
} from './fixtures'

interface Member {
  id: string
  email: string
  status?: string
  creation_date?: string
}

test("the member panel shows when a member joined and their status; a plain member's panel says what the API does not give", async ({
  page,
  browser,
  baseURL,
  request,
}) => {
  const admin = createUser()
  const reader = createUser()
  const organization = await createOrganization(request, admin)
  const added = await callApi<Member>(request, admin, 'POST', `/organizations/${organization}/users`, {
    email: reader.email,
  })
  const one = await callApi<Member>(request, admin, 'GET', `/organizations/${organization}/users/${added.id}`)
  expect(one.status).toBe('active')
  expect(one.creation_date).toBeTruthy()

  await signIn(page, admin)
  await page.goto(`/organizations/${organization}/members/${added.id}`)
  const panel = page.getByRole('dialog', { name: reader.email })
  const fact = (term: string) => panel.locator('dt', { hasText: term }).locator('+ dd')
  await expect(fact('Joined')).toHaveText(formatDateTime(one.creation_date!, 'en-US'))
  await expect(fact('Status')).toHaveText('active')
  await expectNoAxeViolations(page)

  // A plain member reads the list only (one member's answer is for admins): nothing left blank.
  const readerContext = await browser.newContext({ baseURL, locale: 'en-US' })
  const readerPage = await readerContext.newPage()
  await signIn(readerPage, reader)
  await readerPage.goto(`/organizations/${organization}/members/${added.id}`)
  const readerPanel = readerPage.getByRole('dialog', { name: reader.email })
  await expect(readerPanel.locator('dt', { hasText: 'Joined' }).locator('+ dd')).toHaveText(
    'Not given by this API',
  )
  await expect(readerPanel.locator('dt', { hasText: 'Status' }).locator('+ dd')).toHaveText(
    'Not given by this API',
  )
  await readerContext.close()
})
