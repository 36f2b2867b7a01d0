// Project access under real concurrency, through two server processes sharing one database file:
// a member removed from the organization while another request gives them a project role must never
// be left with a role (or a place in a project) in an organization they are no longer in.
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { issueToken } from '../auth/issue-token'
import { removeDatabase, temporaryDatabasePath, uniqueEmail, uniqueName } from './helpers'
import { request, startServerProcess, type ServerProcess } from './process-helpers'

const ROUNDS = 10

describe('removing a member while they are given project roles, through two processes', () => {
  const dbPath = temporaryDatabasePath('projects-race')
  let servers: ServerProcess[] = []
  let db: Database.Database
  beforeAll(async () => {
    // One first, so that the migrations run once before the second opens the file.
    servers = [await startServerProcess(dbPath)]
    servers.push(await startServerProcess(dbPath))
    db = new Database(dbPath, { readonly: true })
  }, 60_000)
  afterAll(async () => {
    db.close()
    for (const server of servers) server.child.kill('SIGTERM')
    await Promise.all(servers.map((server) => server.exited))
    removeDatabase(dbPath)
  })

  /** Project users and role assignments of `userId` in the organization's projects. */
  const leftovers = (organization: string, userId: string) =>
    db
      .prepare(
        `SELECT (SELECT count(*) FROM project_users JOIN organizations ON organizations.id = project_users.organization_id
                  WHERE organizations.name = @organization AND project_users.user_id = @user)
              + (SELECT count(*) FROM role_assignments JOIN projects ON projects.id = role_assignments.project_id
                   JOIN organizations ON organizations.id = projects.organization_id
                  WHERE organizations.name = @organization AND role_assignments.user_id = @user) AS c`,
      )
      .get({ organization, user: userId }) as { c: number }

  it('never leaves a role or a project place for someone no longer in the organization', async () => {
    const [first, second] = servers as [ServerProcess, ServerProcess]
    for (let round = 0; round < ROUNDS; round += 1) {
      const adminEmail = uniqueEmail('admin')
      const admin = issueToken(dbPath, adminEmail)
      const organization = uniqueName('race')
      const project = uniqueName('project')
      const other = uniqueName('project')
      expect(
        (
          await request(`${first.url}/organizations`, admin, 'POST', {
            name: organization,
            subscription: 'free',
          })
        ).status,
      ).toBe(201)
      for (const name of [project, other])
        expect(
          (await request(`${first.url}/projects`, admin, 'POST', { name, organization_name: organization }))
            .status,
        ).toBe(201)
      const added = await request(`${first.url}/organizations/${organization}/users`, admin, 'POST', {
        email: uniqueEmail('m'),
      })
      const memberId = added.body.id as string
      // The member already holds a role in one project; at the same instant the member is removed
      // through one process and given roles in both projects through the other.
      expect(
        (
          await request(`${first.url}/projects/${other}/role-assignments`, admin, 'POST', {
            user_id: memberId,
            role: 'project-viewer',
          })
        ).status,
      ).toBe(201)
      const [removed, ...given] = await Promise.all([
        request(`${first.url}/organizations/${organization}/users/${memberId}`, admin, 'DELETE'),
        request(`${second.url}/projects/${project}/role-assignments`, admin, 'POST', {
          user_id: memberId,
          role: 'project-editor',
        }),
        request(`${second.url}/projects/${project}/users`, admin, 'POST', { user_id: memberId }),
        request(`${second.url}/projects/${other}/role-assignments`, admin, 'POST', {
          user_id: memberId,
          role: 'project-admin',
        }),
      ])
      expect(removed.status).toBe(204)
      for (const answer of given) {
        // Before the removal: done (or already a project user); after it: refused, saying why.
        expect([201, 400]).toContain(answer.status)
        if (answer.status === 400)
          expect(answer.body.error).toMatch(/not a member of the organization|already a user/)
      }
      expect(leftovers(organization, memberId).c).toBe(0)
    }
    expect(db.pragma('foreign_key_check')).toEqual([])
  }, 120_000)
})
