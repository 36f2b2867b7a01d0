// Projects' credit limits on the Projects tab, against the real API in both generations: a limit
// set below the period's credits suspends the project with the API's reason, raising it lifts the
// suspension (keyboard only), a viewer sees the figures and no control, axe on the page.
import type { APIRequestContext, Page } from '@playwright/test'
import { openDatabase } from '../server/db/open'
import { e2eEnvironment } from './environment'
import {
  apiGeneration,
  callApi,
  createOrganization,
  createUser,
  expect,
  expectNoAxeViolations,
  signIn,
  test,
  uniqueEmail,
  type TestUser,
} from './fixtures'
import { addMember, createProject, giveRoleByApi } from './project-helpers'

const limitField = () => (apiGeneration() === 'current' ? 'credits' : 'gb_seconds')

/**
 * Records `credits` for the project on its organization's subscription start: the first day of the
 * current period of an organization made by the test, whatever day the test runs.
 */
async function recordProjectCredits(
  request: APIRequestContext,
  admin: TestUser,
  organization: string,
  project: string,
  credits: number,
) {
  const { subscription_start_date: day } = await callApi<{ subscription_start_date: string }>(
    request,
    admin,
    'GET',
    `/organizations/${organization}`,
  )
  const db = openDatabase(e2eEnvironment(apiGeneration()).databasePath)
  try {
    const { id, organization_id } = db
      .prepare('SELECT id, organization_id FROM projects WHERE name = ?')
      .get(project) as { id: string; organization_id: string }
    db.prepare(
      `INSERT INTO usage_daily (organization_id, day, project_id, object_type, metric, value)
       VALUES (?, ?, ?, 'deployment_version', 'credits', ?)`,
    ).run(organization_id, day, id, credits)
  } finally {
    db.close()
  }
}

const projectByApi = (request: APIRequestContext, user: TestUser, project: string) =>
  callApi<Record<string, unknown>>(request, user, 'GET', `/projects/${project}`)

const limitsTable = (page: Page) => page.getByRole('table', { name: /^Credit limits in / })
const limitRow = (page: Page, project: string) =>
  limitsTable(page)
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: project, exact: true }) })

test('an admin sets a limit below the period’s credits, sees the project suspended, then raises it, by keyboard', async ({
  page,
  request,
}) => {
  // Two edits, each confirmed, and axe three times: more than the default budget on a busy machine.
  test.slow()
  const admin = createUser()
  const organization = await createOrganization(request, admin)
  const running = await createProject(request, admin, organization)
  const project = await createProject(request, admin, organization)
  await recordProjectCredits(request, admin, organization, project, 500)
  await signIn(page, admin)
  await page.goto(`/organizations/${organization}/projects`)

  const row = limitRow(page, project)
  await expect(row).toContainText('Running')
  await expect(row).toContainText('No limit')
  if (apiGeneration() === 'current') await expect(row).toContainText('500.00')
  else await expect(page.getByText('not per project')).toBeVisible()
  await expectNoAxeViolations(page)

  // Keyboard only: to the row's button, Enter, type, Enter, and Enter again in the confirmation.
  const setButton = row.getByRole('button', { name: `Set limit of ${project}` })
  await setButton.focus()
  await page.keyboard.press('Enter')
  const input = page.getByLabel(`Credit limit of ${project}`)
  await expect(input).toBeFocused()
  await page.keyboard.type('lots')
  await page.keyboard.press('Enter')
  // Bad input says what to fix, and what was typed stays.
  await expect(page.getByText(/^“lots” is not a number\. Numbers are read as in American English/)).toBeVisible()
  await expect(input).toHaveValue('lots')
  await page.keyboard.press('ControlOrMeta+a')
  await page.keyboard.type('400')
  await page.keyboard.press('Enter')
  const confirm = page.getByRole('dialog', { name: `Set the credit limit of ${project} to 400.00?` })
  await expect(confirm).toContainText(
    `When ${project}'s credits in this subscription period reach 400.00, it is suspended: it stops until an admin raises or clears its limit.`,
  )
  if (apiGeneration() === 'current')
    await expect(confirm).toContainText(
      'It has used 500.00 already, so it is suspended as soon as you confirm.',
    )
  await expectNoAxeViolations(page)
  await expect(confirm.getByRole('button', { name: 'Set limit' })).toBeFocused()
  await page.keyboard.press('Enter')

  await expect(page.getByText(`Set the credit limit of ${project} to 400.00; it is suspended.`)).toBeVisible()
  await expect(row).toContainText('Suspended')
  await expect(row).toContainText(
    `The project used 500 credits in this subscription period and reached its credit limit (${limitField()}: 400).`,
  )
  // Suspended projects come first.
  await expect(limitsTable(page).getByRole('row').nth(1)).toContainText(project)
  await expect(limitsTable(page).getByRole('row').nth(2)).toContainText(running)
  expect(await projectByApi(request, admin, project)).toMatchObject({ [limitField()]: 400, suspended: true })

  // Raise it, keyboard only again: focus came back to the row's button.
  const changeButton = row.getByRole('button', { name: `Change limit of ${project}` })
  await expect(changeButton).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(input).toBeFocused()
  await expect(input).toHaveValue('400')
  await page.keyboard.press('ControlOrMeta+a')
  await page.keyboard.type('1000')
  await page.keyboard.press('Enter')
  await expect(
    page.getByRole('dialog', { name: `Set the credit limit of ${project} to 1,000.00?` }),
  ).toBeVisible()
  await page.keyboard.press('Enter')

  await expect(page.getByText(`Set the credit limit of ${project} to 1,000.00.`)).toBeVisible()
  await expect(row).toContainText('Running')
  await expect(row).not.toContainText('Suspended')
  await expect(changeButton).toBeFocused()
  expect(await projectByApi(request, admin, project)).toMatchObject({
    [limitField()]: 1000,
    suspended: false,
    suspended_reason: null,
  })
  await expectNoAxeViolations(page)
})

test('a project viewer sees the limits and the suspension, and no control', async ({ page, request }) => {
  const admin = createUser()
  const organization = await createOrganization(request, admin)
  const project = await createProject(request, admin, organization)
  await recordProjectCredits(request, admin, organization, project, 80)
  await callApi(request, admin, 'PATCH', `/projects/${project}`, { [limitField()]: 50 })
  const viewer = createUser({ email: uniqueEmail('viewer') })
  const member = await addMember(request, admin, organization, viewer.email)
  await giveRoleByApi(request, admin, project, member.id, 'project-viewer')
  await signIn(page, viewer)
  await page.goto(`/organizations/${organization}/projects`)

  const row = limitRow(page, project)
  await expect(row).toContainText('Suspended')
  await expect(row).toContainText(`reached its credit limit (${limitField()}: 50)`)
  await expect(row).toContainText('50.00')
  await expect(page.getByRole('button', { name: /limit of/ })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Split the budget' })).toHaveCount(0)
  await expectNoAxeViolations(page)
})

test('an admin splits the organization’s credit budget into project limits (current generation)', async ({
  page,
  request,
}) => {
  test.skip(apiGeneration() !== 'current', 'the 2022 usage answer has no credits per project to split by')
  const admin = createUser()
  const organization = await createOrganization(request, admin)
  const heavy = await createProject(request, admin, organization)
  const light = await createProject(request, admin, organization)
  await recordProjectCredits(request, admin, organization, heavy, 300)
  await recordProjectCredits(request, admin, organization, light, 100)
  const { id } = await callApi<{ id: string }>(request, admin, 'GET', `/organizations/${organization}`)
  await page.addInitScript((key) => window.localStorage.setItem(key, '2000'), `ubiops.creditBudget.${id}`)
  await signIn(page, admin)
  await page.goto(`/organizations/${organization}/projects`)

  await page.getByRole('button', { name: 'Split the budget' }).click()
  const dialog = page.getByRole('dialog', { name: 'Split the budget into project limits' })
  // Proposed limits are written as the reader's locale writes numbers (en-US here), and read back so.
  await expect(dialog.getByLabel(`Limit of ${heavy}`)).toHaveValue('1,500')
  await expect(dialog.getByLabel(`Limit of ${light}`)).toHaveValue('500')
  await expectNoAxeViolations(page)
  await dialog.getByLabel(`Limit of ${light}`).fill('90')
  await expect(dialog).toContainText(`so suspended as soon as you apply: ${light}.`)
  await dialog.getByRole('button', { name: 'Apply 2 limits' }).click()

  await expect(page.getByText('Applied 2 project limits.')).toBeVisible()
  expect(await projectByApi(request, admin, heavy)).toMatchObject({ credits: 1500, suspended: false })
  expect(await projectByApi(request, admin, light)).toMatchObject({ credits: 90, suspended: true })
  await expect(limitRow(page, light)).toContainText('Suspended')
})

test('a project admin sets and clears the limit of the project they administer, and of no other; no budget split', async ({
  page,
  request,
}) => {
  const admin = createUser()
  const organization = await createOrganization(request, admin)
  const administered = await createProject(request, admin, organization)
  const viewed = await createProject(request, admin, organization)
  await recordProjectCredits(request, admin, organization, administered, 80)
  const { id } = await callApi<{ id: string }>(request, admin, 'GET', `/organizations/${organization}`)
  // A budget in this browser: the split is still the organization admins' alone.
  await page.addInitScript((key) => window.localStorage.setItem(key, '2000'), `ubiops.creditBudget.${id}`)
  const projectAdmin = createUser({ email: uniqueEmail('project-admin') })
  const member = await addMember(request, admin, organization, projectAdmin.email)
  await giveRoleByApi(request, admin, administered, member.id, 'project-admin')
  await giveRoleByApi(request, admin, viewed, member.id, 'project-viewer')
  await signIn(page, projectAdmin)
  await page.goto(`/organizations/${organization}/projects`)

  await expect(limitRow(page, viewed)).toContainText('Running')
  await expect(page.getByRole('button', { name: `Set limit of ${administered}` })).toBeVisible()
  await expect(page.getByRole('button', { name: new RegExp(`limit of ${viewed}`) })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Split the budget' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Create project' })).toHaveCount(0)
  await expectNoAxeViolations(page)

  await page.getByRole('button', { name: `Set limit of ${administered}` }).click()
  await page.getByLabel(`Credit limit of ${administered}`).fill('50')
  await page.getByRole('button', { name: 'Save limit' }).click()
  await page
    .getByRole('dialog', { name: `Set the credit limit of ${administered} to 50.00?` })
    .getByRole('button', { name: 'Set limit' })
    .click()
  const row = limitRow(page, administered)
  await expect(row).toContainText('Suspended')
  await expect(row).toContainText(`reached its credit limit (${limitField()}: 50)`)
  expect(await projectByApi(request, admin, administered)).toMatchObject({
    [limitField()]: 50,
    suspended: true,
  })

  const change = row.getByRole('button', { name: `Change limit of ${administered}` })
  await expect(change).toBeFocused()
  await change.click()
  await page.getByLabel(`Credit limit of ${administered}`).fill('')
  await page.getByRole('button', { name: 'Save limit' }).click()
  await page
    .getByRole('dialog', { name: `Clear the credit limit of ${administered}?` })
    .getByRole('button', { name: 'Clear limit' })
    .click()
  await expect(page.getByText(`Cleared the credit limit of ${administered}.`)).toBeVisible()
  await expect(row).toContainText('No limit')
  await expect(row).toContainText('Running')
  expect(await projectByApi(request, admin, administered)).toMatchObject({
    [limitField()]: null,
    suspended: false,
  })
  await expectNoAxeViolations(page)
})
