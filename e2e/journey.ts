// What the organization journeys share: a test whose fixtures are a fresh admin, their new
// organization and, when a test asks for one, a plain member of it. Playwright sets a fixture up
// only for the tests that name it, so a test that makes its own organization pays nothing.
import { createOrganization, createUser, test as base, type TestUser } from './fixtures'
import { addMember } from './project-helpers'

export interface JourneyFixtures {
  /** a new user with a token (fixtures.ts createUser), the admin of `organization` */
  admin: TestUser
  /** a new organization (unique name) whose only member is `admin` */
  organization: string
  /** a new user added to `organization` as a member, not an admin */
  member: TestUser
}

/** fixtures.ts's test (the Content-Security-Policy guard included) with the fixtures above. */
export const test = base.extend<JourneyFixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a fixture needs from this pattern
  admin: async ({}, use) => use(createUser()),
  organization: async ({ request, admin }, use) => use(await createOrganization(request, admin)),
  member: async ({ request, admin, organization }, use) => {
    const member = createUser()
    await addMember(request, admin, organization, member.email)
    await use(member)
  },
})

export { expect } from './fixtures'
