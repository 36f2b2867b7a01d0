// The organization's audit trail (/organizations/:name/audit) against the real local API in both
// generations: filtered by person and day, exported, the file checked against the API's answers;
// an event's links open the project and the member; axe.
import type { Download } from '@playwright/test'
import Papa from 'papaparse'
import { readFile } from 'node:fs/promises'
import { callApi, createUser, expectNoAxeViolations, signIn, uniqueEmail } from './fixtures'
import { expect, test } from './journey'
import { addMember, createProject, giveRoleByApi } from './project-helpers'

interface AuditAnswer {
  date: string
  action: string
  user: string | null
  event: string
  object_type: string
  object_name: string
}

async function csvOf(download: Download): Promise<string[][]> {
  const text = await readFile((await download.path())!, 'utf8')
  return Papa.parse<string[]>(text, { newline: '\r\n', skipEmptyLines: true }).data
}

test('filters the trail by person and day, exports what it shows, and links to project and member', async ({
  page,
  request,
  admin,
  organization,
}) => {
  const other = createUser()
  await callApi(request, admin, 'POST', `/organizations/${organization}/users`, {
    email: other.email,
    admin: true,
  })
  const first = await createProject(request, admin, organization)
  const second = await createProject(request, other, organization)
  const member = await addMember(request, admin, organization, uniqueEmail('member'))
  await giveRoleByApi(request, other, first, member.id, 'project-viewer')
  await giveRoleByApi(request, admin, second, member.id, 'project-editor')

  // What the API holds, newest first across both projects.
  const answers = (
    await Promise.all(
      [first, second].map(async (project) =>
        (await callApi<AuditAnswer[]>(request, admin, 'GET', `/projects/${project}/audit?limit=1000`)).map(
          (event) => ({ ...event, project }),
        ),
      ),
    )
  )
    .flat()
    .sort((a, b) => b.date.localeCompare(a.date))
  const byOther = answers.filter((event) => event.user === other.email)
  expect(byOther.length).toBeGreaterThanOrEqual(3)
  const day = byOther[0]!.date.slice(0, 10)

  await signIn(page, admin)
  await page.goto(`/organizations/${organization}`)
  await page
    .getByRole('navigation', { name: 'Organization sections' })
    .getByRole('link', { name: 'Audit trail' })
    .click()
  await expect(page.getByRole('heading', { level: 2, name: 'Audit trail' })).toBeVisible()
  const feed = page.getByRole('feed')
  await expect(feed.getByRole('article')).toHaveCount(answers.length)
  await expect(page.getByText(`${answers.length} events`, { exact: true })).toBeVisible()
  await expectNoAxeViolations(page)

  await page.getByLabel('Person').fill(other.email.toUpperCase())
  await page.getByLabel('From (UTC day)').fill(day)
  await page.getByLabel('To (UTC day, included)').fill(day)
  const shown = byOther.filter((event) => event.date.startsWith(day))
  await expect(feed.getByRole('article')).toHaveCount(shown.length)
  // The filters are in the address.
  await expect
    .poll(() => Object.fromEntries(new URL(page.url()).searchParams))
    .toEqual({ person: other.email.toUpperCase(), from: day, to: day })
  for (const [index, event] of shown.entries())
    await expect(feed.getByRole('article').nth(index)).toContainText(event.event)

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ])
  expect(download.suggestedFilename()).toBe(`audit-${organization}-filtered.csv`)
  expect(await csvOf(download)).toEqual([
    ['date', 'project', 'action', 'user', 'object_type', 'object_name', 'event'],
    ...shown.map((event) => [
      event.date,
      event.project,
      event.action,
      event.user ?? '',
      event.object_type,
      event.object_name,
      event.event,
    ]),
  ])

  // The role given by the other admin links to its project and to the member it names.
  const given = feed.getByRole('article').filter({ hasText: `Gave ${member.email} the role project-viewer` })
  await given.getByRole('link', { name: first }).click()
  await expect(page).toHaveURL(new RegExp(`/projects/${first}$`))
  await page.goBack()
  await feed
    .getByRole('article')
    .filter({ hasText: `Gave ${member.email} the role project-viewer` })
    .getByRole('link', { name: `Member ${member.email}` })
    .click()
  await expect(page).toHaveURL(/\/members\?q=/)
  await expect(page.getByText(member.email).first()).toBeVisible()
})

test('a plain member sees no Audit trail tab, and the page says who may see it', async ({
  page,
  organization,
  member: plain,
}) => {
  await signIn(page, plain)
  await page.goto(`/organizations/${organization}`)
  const tabs = page.getByRole('navigation', { name: 'Organization sections' })
  await expect(tabs.getByRole('link', { name: 'Members' })).toBeVisible()
  await expect(tabs.getByRole('link', { name: 'Audit trail' })).toHaveCount(0)
  await page.goto(`/organizations/${organization}/audit`)
  await expect(page.getByText('Only organization admins see the audit trail')).toBeVisible()
  await expect(page.getByRole('feed')).toHaveCount(0)
  await expectNoAxeViolations(page)
})
