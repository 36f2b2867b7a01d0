// What the browser does with the API's caching: the first page's requests are not sent twice; an
// answer it holds is revalidated with its ETag, and an unchanged one comes back as a 304 with no body.
import type { Request } from '@playwright/test'
import { callApi, createOrganization, createUser, expect, signIn, test, uniqueEmail } from './fixtures'

const apiPath = (request: Request) => new URL(request.url()).pathname

test('the organization list asks for its data once', async ({ page, request }) => {
  const user = createUser()
  const organization = await createOrganization(request, user)
  await signIn(page, user)
  const paths: string[] = []
  page.on('request', (sent) => {
    if (apiPath(sent).startsWith('/api/')) paths.push(apiPath(sent))
  })
  await page.goto('/organizations')
  await expect(page.getByRole('link', { name: organization })).toBeVisible()
  expect(paths.filter((path) => path === '/api/organizations')).toHaveLength(1)
  expect(paths.filter((path) => path === '/api/user')).toHaveLength(1)
})

test('a member list the browser holds is revalidated: unchanged, a 304; changed, the new list', async ({
  page,
  request,
}) => {
  const user = createUser()
  const organization = await createOrganization(request, user)
  await signIn(page, user)
  const membersUrl = `/api/organizations/${organization}/users`
  // Chromium reports a revalidated answer with the status and body it held (200): what crossed the
  // wire is in the request's If-None-Match and the size of the body that came back.
  const exchanges: { ifNoneMatch?: string; bodyBytes: number }[] = []
  page.on('requestfinished', async (finished) => {
    if (apiPath(finished) !== membersUrl) return
    exchanges.push({
      ifNoneMatch: (await finished.allHeaders())['if-none-match'],
      bodyBytes: (await finished.sizes()).responseBodySize,
    })
  })
  await page.goto(`/organizations/${organization}/members`)
  await expect(page.getByRole('grid', { name: 'Members' })).toBeVisible()
  await expect.poll(() => exchanges.length).toBe(1)
  expect(exchanges[0]).toMatchObject({ ifNoneMatch: undefined, bodyBytes: expect.any(Number) })
  expect(exchanges[0]!.bodyBytes).toBeGreaterThan(0)

  // The same page again: the request carries the ETag of the list the browser holds.
  await page.reload()
  await expect(page.getByRole('row').filter({ hasText: user.email })).toBeVisible()
  await expect.poll(() => exchanges.length).toBe(2)
  expect(exchanges[1]).toEqual({
    ifNoneMatch: expect.stringMatching(/^W\/"/),
    bodyBytes: 0,
  })

  const added = uniqueEmail('added')
  await callApi(request, user, 'POST', `/organizations/${organization}/users`, { email: added })
  await page.reload()
  await expect(page.getByRole('row').filter({ hasText: added })).toBeVisible()
  await expect.poll(() => exchanges.length).toBe(3)
  expect(exchanges[2]).toMatchObject({ ifNoneMatch: exchanges[1]!.ifNoneMatch })
  expect(exchanges[2]!.bodyBytes).toBeGreaterThan(0)
})
