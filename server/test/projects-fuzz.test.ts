// Property-based fuzzing of the project endpoints through app.inject(), on a real SQLite file:
// fields of every type, huge and odd strings, SQL and HTML metacharacters, real and made-up ids and
// names, as every kind of caller. Whatever arrives, the server never answers 5xx, every error is
// exactly {"error": "<sentence>"} without internals, a refused request leaves every table as it
// was, and only those who manage the project (its admins, the organization's admins) change anything.
//
// FUZZ_RUNS=5000 npx vitest run server/test/projects-fuzz.test.ts   (default 600 requests per generation)
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { API_GENERATIONS, type ApiGeneration } from '../../domain/generation'
import { databaseDigest, errorShapeProblem, integrityProblems } from './hardening-fixtures'
import { createTestApi, uniqueName, type Caller, type TestApi } from './helpers'

const RUNS = Number(process.env.FUZZ_RUNS ?? 600)

type Role = 'anonymous' | 'stranger' | 'viewer' | 'project-admin' | 'organization-admin'

interface World {
  api: TestApi
  callers: Record<Exclude<Role, 'anonymous'>, Caller>
  organization: string
  project: string
  /** A member of the organization in no project yet. */
  outsider: Caller
  assignment: string
}

/** Each operation: its method, its path and query, and the body fields it knows. */
const OPERATIONS = [
  { method: 'GET', path: '/projects', query: ['organization'], fields: [], writes: false },
  {
    method: 'POST',
    path: '/projects',
    query: [],
    fields: ['name', 'organization_name', 'advanced_permissions', 'labels', 'cors_origins'],
    writes: true,
  },
  { method: 'GET', path: '/projects/{project}', query: [], fields: [], writes: false },
  { method: 'GET', path: '/projects/{project}/users', query: [], fields: [], writes: false },
  { method: 'POST', path: '/projects/{project}/users', query: [], fields: ['user_id'], writes: true },
  { method: 'GET', path: '/projects/{project}/users/{user}', query: [], fields: [], writes: false },
  { method: 'DELETE', path: '/projects/{project}/users/{user}', query: [], fields: [], writes: true },
  {
    method: 'GET',
    path: '/projects/{project}/users/{user}/role-assignments',
    query: [],
    fields: [],
    writes: false,
  },
  { method: 'GET', path: '/projects/{project}/roles', query: [], fields: [], writes: false },
  {
    method: 'GET',
    path: '/projects/{project}/usage',
    query: ['start_date', 'end_date', 'interval'],
    fields: [],
    writes: false,
  },
  {
    method: 'GET',
    path: '/projects/{project}/role-assignments',
    query: ['assignee', 'assignee_type', 'resource', 'resource_type'],
    fields: [],
    writes: false,
  },
  {
    method: 'POST',
    path: '/projects/{project}/role-assignments',
    query: [],
    fields: [
      'user_id',
      'role',
      'object_name',
      'object_type',
      'assignee',
      'assignee_type',
      'resource',
      'resource_type',
    ],
    writes: true,
  },
  {
    method: 'GET',
    path: '/projects/{project}/role-assignments/{assignment}',
    query: [],
    fields: [],
    writes: false,
  },
  {
    method: 'DELETE',
    path: '/projects/{project}/role-assignments/{assignment}',
    query: [],
    fields: [],
    writes: true,
  },
] as const

const ODD_STRINGS = [
  "' OR '1'='1",
  "'; DROP TABLE project_users; --",
  '<script>alert(1)</script>',
  '__proto__',
  'constructor',
  '\u0000',
  '\u202e',
  '😀',
  '',
  ' ',
  'a'.repeat(70),
  'x'.repeat(5000),
  '00000000-0000-4000-8000-000000000000',
  'project-admin',
  'project-viewer',
  'project',
  'deployment',
  'bucket',
  'user',
]

function value(world: World): fc.Arbitrary<unknown> {
  const real = fc.constantFrom(
    world.project,
    world.organization,
    world.outsider.id,
    world.callers.viewer.id,
    world.callers['organization-admin'].id,
    world.callers.stranger.id,
    uniqueName('new'),
  )
  const scalar = fc.oneof(
    { weight: 4, arbitrary: real },
    { weight: 4, arbitrary: fc.constantFrom(...ODD_STRINGS) },
    { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
    { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null)) },
  )
  return fc.oneof(
    { weight: 8, arbitrary: scalar },
    { weight: 1, arbitrary: fc.array(scalar, { maxLength: 3 }) },
    {
      weight: 1,
      arbitrary: fc.dictionary(fc.constantFrom('a', 'team', '__proto__'), scalar, { maxKeys: 2 }),
    },
  )
}

/** A body the operation would accept from the right caller, so that successes are fuzzed too. */
function plausibleBody(
  world: World,
  path: string,
  generation: ApiGeneration,
): fc.Arbitrary<Record<string, unknown>> {
  const someone = fc.constantFrom(world.outsider.id, world.callers.viewer.id, world.callers.stranger.id)
  const role = fc.constantFrom('project-admin', 'project-editor', 'project-viewer', 'project-owner')
  if (path === '/projects')
    return fc.record({
      name: fc.constantFrom(uniqueName('made'), world.project, 'Bad Name'),
      organization_name: fc.constant(world.organization),
    })
  if (path.endsWith('/users')) return fc.record({ user_id: someone })
  if (path.endsWith('/role-assignments'))
    return generation === 'current'
      ? fc.record({ role, assignee: someone, assignee_type: fc.constantFrom('user', 'deployment') })
      : fc.record({ role, user_id: someone })
  return fc.constant({})
}

function request(world: World, generation: ApiGeneration) {
  const segment = (kind: 'project' | 'user' | 'assignment') =>
    fc.oneof(
      {
        weight: 8,
        arbitrary: fc.constant(
          kind === 'project' ? world.project : kind === 'user' ? world.outsider.id : world.assignment,
        ),
      },
      { weight: 1, arbitrary: fc.constantFrom(...ODD_STRINGS.filter((s) => s.length > 0 && s.length < 100)) },
      { weight: 1, arbitrary: fc.constant(world.callers.viewer.id) },
    )
  // Writes three times as often as reads, and callers who may write more often than others, so that
  // successful writes (and what they change) are a good part of every run.
  const indexes = OPERATIONS.flatMap((operation, index) =>
    operation.method === 'POST' ? [index, index, index] : [index],
  )
  return fc.constantFrom(...indexes).chain((index) => {
    const operation = OPERATIONS[index]!
    const random = fc.dictionary(
      fc.constantFrom(...(operation.fields as readonly string[]), 'unknown'),
      value(world),
    )
    return fc.record({
      index: fc.constant(index),
      role: fc.constantFrom<Role>(
        'anonymous',
        'stranger',
        'viewer',
        'project-admin',
        'project-admin',
        'organization-admin',
        'organization-admin',
        'organization-admin',
      ),
      project: segment('project'),
      user: segment('user'),
      assignment: segment('assignment'),
      query: fc.dictionary(
        fc.constantFrom(...(operation.query as readonly string[]), 'x'),
        fc.constantFrom(...ODD_STRINGS, world.organization),
      ),
      body: fc.oneof(
        { weight: 1, arbitrary: plausibleBody(world, operation.path, generation) },
        { weight: 1, arbitrary: random },
        {
          weight: 1,
          arbitrary: fc
            .tuple(plausibleBody(world, operation.path, generation), random)
            .map(([good, bad]) => ({ ...good, ...bad })),
        },
      ),
    })
  })
}

describe.each(API_GENERATIONS)(
  'fuzzing the project endpoints, %s generation',
  (generation: ApiGeneration) => {
    let world: World
    beforeAll(async () => {
      const api = await createTestApi({
        apiGeneration: generation,
        auth: { maxFailures: Number.MAX_SAFE_INTEGER },
      })
      const [admin, viewer, projectAdmin, outsider, stranger] = [
        api.user(),
        api.user(),
        api.user(),
        api.user(),
        api.user(),
      ]
      const organization = await api.organization(admin)
      for (const member of [viewer, projectAdmin, outsider]) await api.addMember(admin, organization, member)
      const project = uniqueName('fuzzed')
      await api.call(admin, 'POST', '/projects', { name: project, organization_name: organization })
      const give = async (user: Caller, role: string) =>
        (
          await api.call(
            admin,
            'POST',
            `/projects/${project}/role-assignments`,
            generation === 'current'
              ? { role, assignee: user.id, assignee_type: 'user' }
              : { role, user_id: user.id },
          )
        ).body.id as string
      await give(viewer, 'project-viewer')
      await give(projectAdmin, 'project-admin')
      world = {
        api,
        organization,
        project,
        outsider,
        assignment: await give(viewer, 'project-editor'),
        callers: { stranger, viewer, 'project-admin': projectAdmin, 'organization-admin': admin },
      }
    })
    afterAll(async () => {
      await world.api.close()
    })

    it(`never answers 5xx, answers every error as {"error"}, changes nothing when it refuses (${RUNS} requests)`, async () => {
      const statuses = new Map<number, number>()
      await fc.assert(
        fc.asyncProperty(request(world, generation), async (fuzzed) => {
          const operation = OPERATIONS[fuzzed.index]!
          const path = operation.path
            .replace('{project}', encodeURIComponent(fuzzed.project))
            .replace('{user}', encodeURIComponent(fuzzed.user))
            .replace('{assignment}', encodeURIComponent(fuzzed.assignment))
          const query = new URLSearchParams(fuzzed.query as Record<string, string>).toString()
          const caller = fuzzed.role === 'anonymous' ? null : world.callers[fuzzed.role]
          const before = databaseDigest(world.api.app.db)
          // Rights as they are now: earlier requests may have given the viewer project-admin, or taken it.
          const { projects, projectAccess } = world.api.app.repositories
          const live = projects.findByName(world.project)
          const managesProject =
            fuzzed.role === 'organization-admin' ||
            (caller !== null &&
              live !== undefined &&
              projectAccess.holdsProjectRole(live.id, caller.id, 'project-admin'))
          const response = await world.api.call(
            caller,
            operation.method,
            `${path}${query ? `?${query}` : ''}`,
            operation.method === 'POST' ? fuzzed.body : undefined,
          )
          const where = `${operation.method} ${path}?${query} as ${fuzzed.role} ${JSON.stringify(fuzzed.body).slice(0, 200)} → ${response.status} ${response.raw.slice(0, 300)}`
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1)
          expect(response.status, where).toBeLessThan(500)
          if (response.status >= 400) {
            expect(errorShapeProblem(response.raw), where).toBeNull()
            expect(databaseDigest(world.api.app.db), `a refused request changed the database: ${where}`).toBe(
              before,
            )
          } else if (databaseDigest(world.api.app.db) !== before) {
            // Only those who manage the project (or create projects, as organization admins) change anything.
            if (operation.path === '/projects') expect(fuzzed.role, where).toBe('organization-admin')
            else expect(managesProject, where).toBe(true)
          }
        }),
        { numRuns: RUNS },
      )
      console.log(
        `projects fuzz (${generation}): by status ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}`,
      )
      for (const status of [200, 201, 400, 401, 403, 404])
        expect(statuses.get(status), `no ${status} seen`).toBeGreaterThan(0)
      expect(integrityProblems(world.api.app.db)).toEqual([])
    }, 120_000)
  },
)
