import type { Page } from '@playwright/test'
import {
  callApi,
  createOrganization,
  createUser,
  expect,
  expectNoAxeViolations,
  signIn,
  test,
  uniqueEmail,
} from './fixtures'
import { addMember, createProject, giveRoleByApi, rolesByApi, type Member } from './project-helpers'

const memberRow = (page: Page, email: string) => page.getByRole('row').filter({ hasText: email })

async function openProject(page: Page, organization: string, project: string) {
  await page.goto(`/organizations/${organization}/projects/${project}`)
  await expect(page.getByRole('heading', { level: 2, name: project })).toBeVisible()
}

test('an admin gives a member a project role from the member panel', async ({ page, request }) => {
  const admin = createUser()
  const organization = await createOrganization(request, admin)
  const project = await createProject(request, admin, organization)
  const person = await addMember(request, admin, organization, uniqueEmail('worker'))
  await signIn(page, admin)

  await page.goto(`/organizations/${organization}/members/${person.id}`)
  const panel = page.getByRole('dialog', { name: person.email })
  const access = panel.getByRole('region', { name: 'Project roles' })
  await expect(access).toContainText(`${person.email} holds no role in any project`)
  await expectNoAxeViolations(page)

  const give = access.getByRole('form', { name: `Give ${person.email} a project role` })
  await give.getByLabel('Project').selectOption(project)
  await give.getByLabel('Role').selectOption('project-editor')
  await give.getByRole('button', { name: 'Give role' }).click()

  await expect(page.getByText(`${person.email} is now project-editor in ${project}.`)).toBeVisible()
  await expect(access.getByLabel(`Role of ${person.email} in ${project}`)).toHaveValue('project-editor')
  expect(await rolesByApi(request, admin, project, person.id)).toEqual([
    { userId: person.id, role: 'project-editor' },
  ])

  // Change it: the new role is given, the old one taken away.
  await access.getByLabel(`Role of ${person.email} in ${project}`).selectOption('project-admin')
  await expect(page.getByText(`${person.email} is now project-admin in ${project}.`)).toBeVisible()
  await expect
    .poll(() => rolesByApi(request, admin, project, person.id))
    .toEqual([{ userId: person.id, role: 'project-admin' }])
})

test('an admin adds one member with two project roles in the same step', async ({ page, request }) => {
  const admin = createUser()
  const organization = await createOrganization(request, admin)
  const first = await createProject(request, admin, organization)
  const second = await createProject(request, admin, organization)
  const email = uniqueEmail('onboarded')
  await signIn(page, admin)
  await page.goto(`/organizations/${organization}/members`)

  await page.getByRole('button', { name: 'Add member' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add a member' })
  await dialog.getByLabel('Email').fill(email)
  await dialog.getByRole('button', { name: 'Add a project role' }).click()
  await dialog.getByRole('button', { name: 'Add a project role' }).click()
  // A line left without its project says what to fix, and nothing typed is lost.
  await dialog.getByLabel('Project 1').selectOption(first)
  await dialog.getByRole('button', { name: 'Add member' }).click()
  await expect(dialog.getByText('Choose a project, or remove this line.')).toBeVisible()
  await expect(dialog.getByLabel('Email')).toHaveValue(email)
  await dialog.getByLabel('Role 1').selectOption('project-admin')
  await dialog.getByLabel('Project 2').selectOption(second)
  await dialog.getByLabel('Role 2').selectOption('project-viewer')
  await expectNoAxeViolations(page)
  await dialog.getByRole('button', { name: 'Add member' }).click()

  await expect(page.getByText(`Added ${email} with 2 project roles.`)).toBeVisible()
  await expect(dialog).toBeHidden()
  const members = await callApi<Member[]>(request, admin, 'GET', `/organizations/${organization}/users`)
  const added = members.find((member) => member.email === email)!
  expect(await rolesByApi(request, admin, first, added.id)).toEqual([
    { userId: added.id, role: 'project-admin' },
  ])
  expect(await rolesByApi(request, admin, second, added.id)).toEqual([
    { userId: added.id, role: 'project-viewer' },
  ])

  // The Projects tab and the project's page show them.
  await page.getByRole('link', { name: 'Projects' }).click()
  const projects = page.getByRole('table', { name: `Projects of ${organization}` })
  await expect(projects.getByRole('row').filter({ hasText: first })).toContainText('Organization admin')
  // Its creator and the new member.
  await expect(projects.getByRole('row').filter({ hasText: second }).getByRole('cell').first()).toHaveText(
    '2',
  )
  await expectNoAxeViolations(page)
  await projects.getByRole('link', { name: second }).click()
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText(second)
  await expect(memberRow(page, email)).toContainText('project-viewer')
  await expectNoAxeViolations(page)
})

test('removing a member names the project roles that go, and the project no longer lists them', async ({
  page,
  request,
}) => {
  const admin = createUser()
  const organization = await createOrganization(request, admin)
  const project = await createProject(request, admin, organization)
  const person = await addMember(request, admin, organization, uniqueEmail('leaver'))
  await giveRoleByApi(request, admin, project, person.id, 'project-editor')
  await page.clock.install()
  await signIn(page, admin)

  await openProject(page, organization, project)
  await expect(memberRow(page, person.email)).toContainText('project-editor')

  await page.goto(`/organizations/${organization}/members`)
  await memberRow(page, person.email)
    .getByRole('button', { name: `Remove ${person.email}` })
    .click()
  const confirm = page.getByRole('dialog', { name: `Remove ${person.email}?` })
  await expect(confirm.getByRole('list', { name: `Project roles of ${person.email} that go` })).toHaveText(
    `project-editor in ${project}`,
  )
  await expectNoAxeViolations(page)
  await confirm.getByRole('button', { name: 'Remove member' }).click()
  const removal = page.waitForResponse((response) => response.request().method() === 'DELETE')
  await page.clock.fastForward(7_000)
  expect((await removal).status()).toBe(204)

  await page.getByRole('link', { name: 'Projects' }).click()
  await page.getByRole('link', { name: project }).click()
  await expect(memberRow(page, admin.email)).toContainText('project-admin')
  await expect(memberRow(page, person.email)).toHaveCount(0)
  expect(await rolesByApi(request, admin, project, person.id)).toEqual([])
})

test('a plain member sees their projects and no editing control', async ({ page, request }) => {
  const admin = createUser()
  const organization = await createOrganization(request, admin)
  const theirs = await createProject(request, admin, organization)
  const other = await createProject(request, admin, organization)
  const member = createUser()
  const self = await addMember(request, admin, organization, member.email)
  await giveRoleByApi(request, admin, theirs, self.id, 'project-viewer')
  await signIn(page, member)

  await page.goto(`/organizations/${organization}/projects`)
  const projects = page.getByRole('table', { name: `Projects of ${organization}` })
  await expect(projects.getByRole('link', { name: theirs })).toBeVisible()
  await expect(projects.getByRole('link', { name: other })).toHaveCount(0)
  await expect(projects.getByRole('row').filter({ hasText: theirs })).not.toContainText('Organization admin')
  await expect(page.getByRole('button', { name: 'Create project' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: /^Delete/ })).toHaveCount(0)
  await expectNoAxeViolations(page)

  await projects.getByRole('link', { name: theirs }).click()
  await expect(memberRow(page, member.email)).toBeVisible()
  await expect(page.getByRole('button', { name: /Take away|Give role|Delete/ })).toHaveCount(0)
  await expect(page.getByRole('combobox')).toHaveCount(0)
  await expectNoAxeViolations(page)

  await page.goto(`/organizations/${organization}/members/${self.id}`)
  await expect(page.getByRole('dialog', { name: member.email })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Project roles' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Give role' })).toHaveCount(0)
})
