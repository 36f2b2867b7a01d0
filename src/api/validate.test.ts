import * as v from 'valibot'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { isApiError } from './client'
import { parseAnswer, parseProjectUsageAnswer, parseUsageAnswer, UnexpectedAnswerError } from './validate'
import { listGeneration } from './model'
import {
  OrganizationDetailSchema,
  OrganizationListSchema,
  OrganizationSchema,
  ResourcesSchema,
  Usage2022Schema,
  ProjectUsageCurrentSchema,
  UsageCurrentSchema,
  VoucherSchema,
} from './schemas'

// Fixtures: the examples of shared/API.md, both generations.
const USAGE_2022 = [
  {
    object_type: 'deployment_version',
    metric: 'credits',
    usage: [{ start_date: '2019-08-01T00:00:00Z', end_date: '2019-09-01T00:00:00Z', value: 1484124 }],
  },
]
const USAGE_CURRENT = {
  interval: 'month',
  data_organization: [{ start_date: '2019-08-01T00:00:00Z', end_date: '2019-09-01T00:00:00Z', value: 600 }],
  data_projects: [
    {
      project_id: '4aa10f82-24f3-4872-8883-f7a40e3a0733',
      project_name: 'project-1',
      data: [{ start_date: '2019-08-01T00:00:00Z', end_date: '2019-09-01T00:00:00Z', value: 200 }],
    },
    {
      project_id: '7e6238f3-d2c7-4d7d-a003-3e06a1c7a348',
      project_name: 'project-2',
      data: [{ start_date: '2019-08-01T00:00:00Z', end_date: '2019-09-01T00:00:00Z', value: 300 }],
    },
  ],
  data_deleted_projects: [
    { start_date: '2019-08-01T00:00:00Z', end_date: '2019-09-01T00:00:00Z', value: 100 },
  ],
}
const DETAIL_2022 = {
  id: 'abe2e406-fae5-4bcf-a3bc-956d756e4ecb',
  name: 'test-organization',
  creation_date: '2020-03-25T15:43:46.101877Z',
  subscription: 'free',
  subscription_self_service: true,
  status: 'active',
}
const ENDPOINT = 'GET /organizations/test-organization/usage'

describe('usage answers', () => {
  it('reads a 2022 answer (a list per object type and metric)', () => {
    expect(parseUsageAnswer(USAGE_2022, ENDPOINT)).toEqual({ generation: '2022', series: USAGE_2022 })
  })

  it('leaves out 2022 series of metrics or object types the dashboard does not know', () => {
    const answer = [...USAGE_2022, { object_type: 'bucket', metric: 'credits', usage: [] }]
    expect(parseUsageAnswer(answer, ENDPOINT)).toEqual({ generation: '2022', series: USAGE_2022 })
  })

  it('reads a current answer (credits per project) into the model', () => {
    const model = parseUsageAnswer(USAGE_CURRENT, ENDPOINT)
    expect(model).toEqual({
      generation: 'current',
      organization: USAGE_CURRENT.data_organization,
      projects: [
        {
          id: '4aa10f82-24f3-4872-8883-f7a40e3a0733',
          name: 'project-1',
          usage: USAGE_CURRENT.data_projects[0]!.data,
        },
        {
          id: '7e6238f3-d2c7-4d7d-a003-3e06a1c7a348',
          name: 'project-2',
          usage: USAGE_CURRENT.data_projects[1]!.data,
        },
      ],
      deletedProjects: USAGE_CURRENT.data_deleted_projects,
    })
  })

  it('reads the deleted projects under the name of the docs’ prose too, and none at all as none', () => {
    const { data_deleted_projects: deleted, ...rest } = USAGE_CURRENT
    const prose = parseUsageAnswer({ ...rest, data_projects_deleted: deleted }, ENDPOINT)
    expect(prose.generation === 'current' && prose.deletedProjects).toEqual(deleted)
    const none = parseUsageAnswer(rest, ENDPOINT)
    expect(none.generation === 'current' && none.deletedProjects).toEqual([])
  })

  it('names the endpoint and the field when a current answer is broken', () => {
    const broken = {
      ...USAGE_CURRENT,
      data_projects: [{ project_id: 'p', project_name: 'x', data: 'nope' }],
    }
    const error = (() => {
      try {
        parseUsageAnswer(broken, ENDPOINT)
      } catch (caught) {
        return caught
      }
    })()
    expect(error).toBeInstanceOf(UnexpectedAnswerError)
    expect(error).toMatchObject({ endpoint: ENDPOINT, field: 'data_projects[0].data' })
    expect((error as Error).message).toContain(ENDPOINT)
    expect((error as Error).message).toContain('"data_projects[0].data"')
    // Shown like an API failure, and never retried automatically (status below 500).
    expect(isApiError(error)).toBe(true)
  })

  it('names the field of a broken 2022 answer', () => {
    const broken = [{ ...USAGE_2022[0], usage: [{ start_date: 'yesterday', end_date: 'x', value: 1 }] }]
    expect(() => parseUsageAnswer(broken, ENDPOINT)).toThrow(
      /field "\[0\]\.usage\[0\]": start_date: expected an ISO 8601 timestamp/,
    )
    const notANumber = [{ ...USAGE_2022[0], usage: [{ ...USAGE_2022[0]!.usage[0], value: '12' }] }]
    expect(() => parseUsageAnswer(notANumber, ENDPOINT)).toThrow(
      /"\[0\]\.usage\[0\]": value: expected a finite number/,
    )
  })

  it('says what was expected when the answer is of neither shape', () => {
    for (const answer of [null, 'ok', { usage: [] }])
      expect(() => parseUsageAnswer(answer, ENDPOINT)).toThrow(
        /GET \/organizations\/test-organization\/usage answered in a shape .*the answer: expected a list of usage series \(2022\) or an object with data_organization/,
      )
  })
})

describe("a project's usage answer", () => {
  const PROJECT_ENDPOINT = 'GET /projects/churn-acme/usage'
  const point = (day: string, value: number) => ({
    start_date: `${day}T00:00:00Z`,
    end_date: `${day}T23:59:59Z`,
    value,
  })
  const CURRENT = {
    interval: 'day',
    data_project: [point('2026-11-01', 7)],
    data_deployments: [
      {
        deployment_id: 'd-1',
        deployment_name: 'churn-scorer',
        version_id: 'v-1',
        version: 'v4',
        data: [point('2026-11-01', 5)],
      },
    ],
    data_deleted_deployments: [point('2026-11-01', 2)],
  }

  it('reads the current answer as credits per deployment version', () => {
    expect(parseProjectUsageAnswer(CURRENT, PROJECT_ENDPOINT)).toEqual({
      generation: 'current',
      project: CURRENT.data_project,
      versions: [
        {
          deploymentId: 'd-1',
          deploymentName: 'churn-scorer',
          versionId: 'v-1',
          version: 'v4',
          usage: CURRENT.data_deployments[0]!.data,
        },
      ],
      deletedVersions: CURRENT.data_deleted_deployments,
    })
    const { data_deleted_deployments: _, ...withoutDeleted } = CURRENT
    const none = parseProjectUsageAnswer(withoutDeleted, PROJECT_ENDPOINT)
    expect(none.generation === 'current' && none.deletedVersions).toEqual([])
  })

  it("reads the 2022 answer as the organization's, per object type and metric", () => {
    expect(parseProjectUsageAnswer(USAGE_2022, PROJECT_ENDPOINT)).toEqual({
      generation: '2022',
      series: USAGE_2022,
    })
  })

  it('names the field of a broken answer, and says what was expected of neither shape', () => {
    const broken = { ...CURRENT, data_deployments: [{ ...CURRENT.data_deployments[0], version: 4 }] }
    expect(() => parseProjectUsageAnswer(broken, PROJECT_ENDPOINT)).toThrow(
      /"data_deployments\[0\]\.version"/,
    )
    // An organization's answer at a project's address is neither shape.
    expect(() => parseProjectUsageAnswer(USAGE_CURRENT, PROJECT_ENDPOINT)).toThrow(
      /expected a list of usage series \(2022\) or an object with data_project/,
    )
  })
})

describe('organization answers', () => {
  it('reads both generations of the list, and tells them apart by `status`', () => {
    const old = parseAnswer(
      OrganizationListSchema,
      [{ id: 'a', name: 'a', creation_date: DETAIL_2022.creation_date }],
      'GET /organizations',
    )
    const current = parseAnswer(
      OrganizationListSchema,
      [
        {
          id: 'a',
          name: 'a',
          creation_date: DETAIL_2022.creation_date,
          status: 'active',
          two_factor_authentication_forced: false,
        },
      ],
      'GET /organizations',
    )
    expect(listGeneration(old)).toBe('2022')
    expect(listGeneration(current)).toBe('current')
    expect(listGeneration([])).toBeNull()
    expect(current[0]).toEqual({
      id: 'a',
      name: 'a',
      creation_date: DETAIL_2022.creation_date,
      status: 'active',
      two_factor_authentication_forced: false,
    })
  })

  it('keeps only the fields the dashboard reads, and leaves absent ones absent', () => {
    const detail = parseAnswer(
      OrganizationDetailSchema,
      { ...DETAIL_2022, future_field: 1 },
      'GET /organizations/x',
    )
    expect(detail).toEqual(DETAIL_2022)
    expect('overage_usage' in detail).toBe(false)
    const { subscription_self_service: _, ...current } = DETAIL_2022
    const currentDetail = parseAnswer(
      OrganizationDetailSchema,
      { ...current, overage_usage: true, two_factor_authentication_forced: true },
      'GET /organizations/x',
    )
    expect(currentDetail).toEqual({ ...current, overage_usage: true, two_factor_authentication_forced: true })
    expect('subscription_self_service' in currentDetail).toBe(false)
  })

  it('names the field of a broken detail', () => {
    expect(() =>
      parseAnswer(OrganizationDetailSchema, { ...DETAIL_2022, subscription: 3 }, 'GET /organizations/x'),
    ).toThrow(/GET \/organizations\/x .*field "subscription"/)
    expect(() =>
      parseAnswer(
        OrganizationSchema,
        { name: 'x', creation_date: DETAIL_2022.creation_date },
        'POST /organizations',
      ),
    ).toThrow(/POST \/organizations .*field "id"/)
  })

  it('reads resource counts with and without buckets and environments', () => {
    const old = {
      projects: 5,
      users: 3,
      deployments: 30,
      deployment_versions: 47,
      pipelines: 2,
      pipeline_versions: 4,
    }
    expect(parseAnswer(ResourcesSchema, old, 'GET r')).toEqual(old)
    expect(parseAnswer(ResourcesSchema, { ...old, buckets: 1, environments: 2 }, 'GET r')).toEqual({
      ...old,
      buckets: 1,
      environments: 2,
    })
    expect(() => parseAnswer(ResourcesSchema, { ...old, users: -1 }, 'GET r')).toThrow(/field "users"/)
  })

  it('reads a voucher', () => {
    expect(parseAnswer(VoucherSchema, { description: '1000 free credits' }, 'GET /vouchers/x')).toEqual({
      description: '1000 free credits',
    })
    expect(parseAnswer(VoucherSchema, {}, 'GET /vouchers/x')).toEqual({ description: '' })
  })
})

describe('the schemas and the OpenAPI documents of both generations', () => {
  // Type-level: every answer the local server documents (npm run generate:api-types) passes the
  // schemas; a drift between them fails the type check.
  type Old = import('./schema').components['schemas']
  type Current = import('./schema-current').components['schemas']
  type Input<S extends v.GenericSchema> = v.InferInput<S>

  it('accept the documented answers', () => {
    expectTypeOf<Old['OrganizationList'][]>().toExtend<Input<typeof OrganizationListSchema>>()
    expectTypeOf<Current['OrganizationList'][]>().toExtend<Input<typeof OrganizationListSchema>>()
    expectTypeOf<Old['OrganizationDetail']>().toExtend<Input<typeof OrganizationDetailSchema>>()
    expectTypeOf<Current['OrganizationDetail']>().toExtend<Input<typeof OrganizationDetailSchema>>()
    expectTypeOf<Old['OrganizationUpdated']>().toExtend<Input<typeof OrganizationDetailSchema>>()
    expectTypeOf<Old['Resources']>().toExtend<Input<typeof ResourcesSchema>>()
    expectTypeOf<Current['Resources']>().toExtend<Input<typeof ResourcesSchema>>()
    expectTypeOf<Old['Usage'][]>().toExtend<Input<typeof Usage2022Schema>>()
    expectTypeOf<Current['OrganizationUsage']>().toExtend<Input<typeof UsageCurrentSchema>>()
    expectTypeOf<Current['ProjectVersionsUsage']>().toExtend<Input<typeof ProjectUsageCurrentSchema>>()
    expectTypeOf<Current['Voucher']>().toExtend<Input<typeof VoucherSchema>>()
  })
})
