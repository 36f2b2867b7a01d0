// The API's answers as the dashboard accepts them, in both generations of the hosted API
// (shared/API.md: the 2022 contract, and "The current generation" since December 2023). Every
// answer is checked against one of these at run time (./answers.ts) and leaves the boundary as the
// dashboard's model (./model.ts, whose types are inferred from here). Unknown fields are dropped,
// so additions of later API versions do not break the dashboard; a field it reads that is missing
// or of the wrong type is an UnexpectedAnswerError naming the endpoint and the field.
import * as v from 'valibot'

/** `2020-03-25T15:43:46.101877Z`: only the calendar day at the front is read, so only that is required. */
const Timestamp = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}T/, 'expected an ISO 8601 timestamp'))
/** `YYYY-MM-DD` (the local server's additive subscription dates). */
const Day = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD'))
const Count = v.pipe(v.number(), v.integer(), v.minValue(0))
const Amount = v.pipe(v.number(), v.finite())

/**
 * `OrganizationList` (list and create answers). `status` comes with the current generation (client
 * 4.4, Apr 2024) and `two_factor_authentication_forced` with 4.6 (Oct 2024): present means current.
 */
export const OrganizationSchema = v.object({
  id: v.string(),
  name: v.string(),
  creation_date: Timestamp,
  status: v.optional(v.string()),
  two_factor_authentication_forced: v.optional(v.boolean()),
})
export const OrganizationListSchema = v.array(OrganizationSchema)

/**
 * `OrganizationDetail` (GET) and the PATCH answer (the same without `subscription_self_service`).
 * `subscription_self_service` is 2022 only (dropped in 4.3); `overage_usage` (4.9) and
 * `two_factor_authentication_forced` (4.6) are current only. The subscription dates are the local
 * server's additions.
 */
export const OrganizationDetailSchema = v.object({
  ...OrganizationSchema.entries,
  subscription: v.string(),
  status: v.string(),
  subscription_self_service: v.optional(v.boolean()),
  overage_usage: v.optional(v.boolean()),
  subscription_start_date: v.optional(Day),
  subscription_end_date: v.optional(v.nullable(Day)),
  /** the local server's addition (current generation): the voucher it was created with, or null */
  voucher: v.optional(v.nullable(v.string())),
})

/** Resource counts; `buckets` (3.13) and `environments` (3.16) only from servers that have them. */
export const ResourcesSchema = v.object({
  projects: Count,
  users: Count,
  deployments: Count,
  deployment_versions: Count,
  pipelines: Count,
  pipeline_versions: Count,
  buckets: v.optional(Count),
  environments: v.optional(Count),
})

/** One bucket of usage: `[start_date, end_date)`, `value` credits or bytes. */
/** A usage point's fields as the API sends them, checked by {@link UsagePointSchema}. */
export interface UsagePointFields {
  start_date: string
  end_date: string
  /** The metric's unit per bucket: credits, bytes, seconds… */
  value: number
}

const TIMESTAMP_START = /^\d{4}-\d{2}-\d{2}T/

/** What is wrong with a usage point, in the words of the other schemas; null when nothing is. */
function usagePointProblem(input: unknown): string | null {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return 'expected a usage point {start_date, end_date, value}'
  const { start_date: start, end_date: end, value } = input as Record<string, unknown>
  if (typeof start !== 'string' || !TIMESTAMP_START.test(start))
    return 'start_date: expected an ISO 8601 timestamp'
  if (typeof end !== 'string' || !TIMESTAMP_START.test(end)) return 'end_date: expected an ISO 8601 timestamp'
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'value: expected a finite number'
  return null
}

/**
 * A usage point `{start_date, end_date, value}`: the same rules as `Timestamp` and `Amount`, checked
 * by one predicate rather than an object schema. Answers carry tens of thousands of points (a
 * project of hundreds of deployment versions over a year, by day), and an object schema copies each
 * one field by field, which cost the chart of such a project most of its first frame. The point is
 * passed on as the API sent it; its other fields, if any, are not read. A bad point is an issue at
 * its index whose message names the field.
 */
export const UsagePointSchema = v.custom<UsagePointFields>(
  (input) => usagePointProblem(input) === null,
  (issue) => usagePointProblem(issue.input) ?? 'expected a usage point',
)

/** 2022: `[{object_type, metric, usage: [point]}]`, per object type and metric. */
export const Usage2022Schema = v.array(
  v.object({ object_type: v.string(), metric: v.string(), usage: v.array(UsagePointSchema) }),
)

/**
 * Current (4.2, Dec 2023): credits only, per project. The model and the example say
 * `data_deleted_projects`; the hosted docs' prose says `data_projects_deleted`, so both are read.
 */
export const UsageCurrentSchema = v.object({
  interval: v.optional(v.string()),
  data_organization: v.array(UsagePointSchema),
  data_projects: v.array(
    v.object({ project_id: v.string(), project_name: v.string(), data: v.array(UsagePointSchema) }),
  ),
  data_deleted_projects: v.optional(v.array(UsagePointSchema)),
  data_projects_deleted: v.optional(v.array(UsagePointSchema)),
})

/**
 * Current (4.2): a project's credits per deployment version (`GET /projects/{name}/usage`, client
 * 4.12.0 `ProjectUsage` and `ProjectUsageDeployment`); `data_project` is their sum bucket by bucket,
 * and equals the organization's `data_projects` entry of that project. A 2022 project's usage is a
 * `Usage2022Schema` list, as the organization's.
 */
export const ProjectUsageCurrentSchema = v.object({
  interval: v.optional(v.string()),
  data_project: v.array(UsagePointSchema),
  data_deployments: v.array(
    v.object({
      deployment_id: v.string(),
      deployment_name: v.string(),
      version_id: v.string(),
      version: v.string(),
      data: v.array(UsagePointSchema),
    }),
  ),
  data_deleted_deployments: v.optional(v.array(UsagePointSchema)),
})

/** `GET /user`: the caller. `staff` is the local server's addition (platform staff). */
export const UserSchema = v.object({
  id: v.string(),
  email: v.string(),
  name: v.string(),
  surname: v.string(),
  staff: v.optional(v.boolean()),
})

/** `OrganizationUserDetail`: a member (list, detail, and the POST and PATCH answers). */
export const MemberSchema = v.object({
  id: v.string(),
  email: v.string(),
  name: v.string(),
  surname: v.string(),
  admin: v.boolean(),
  /** in both official clients' models; the local server gives it where one member is answered */
  status: v.optional(v.string()),
  /** the local server's addition: when they joined (where one member is answered, not in the list) */
  creation_date: v.optional(v.string()),
})

/** `POST /oauth/sign-in`: how an account signs in; `url` is null for `ubiops` (a password here). */
export const SignInProviderSchema = v.object({ provider: v.string(), url: v.nullable(v.string()) })

/** `POST /authorize`: the access token, sent afterwards as `Authorization: Bearer <access>`. */
export const AccessTokenSchema = v.object({ access: v.pipe(v.string(), v.minLength(1)) })

/** `GET /vouchers/{code}` (current generation only). */
export const VoucherSchema = v.object({ description: v.optional(v.nullable(v.string()), '') })

/**
 * `ProjectList` and `ProjectDetail`, both generations. 2022 has `gb_seconds`; the current
 * generation `credits` (the credit limit, null for none), `labels` and `cors_origins`: which of
 * them came is how ./project-answers.ts tells the generation. The 2022 client's model types
 * `creation_date` as a date, so only a string is required.
 */
export const ProjectSchema = v.object({
  id: v.string(),
  name: v.string(),
  creation_date: v.string(),
  organization_name: v.string(),
  advanced_permissions: v.optional(v.boolean()),
  suspended: v.optional(v.boolean()),
  suspended_reason: v.optional(v.nullable(v.string())),
  gb_seconds: v.optional(v.nullable(v.number())),
  credits: v.optional(v.nullable(Amount)),
  labels: v.optional(v.nullable(v.record(v.string(), v.unknown()))),
  cors_origins: v.optional(v.nullable(v.array(v.string()))),
})
export const ProjectListSchema = v.array(ProjectSchema)

/** `GET /projects/{name}/users`: the project's users, the same in both generations. */
export const ProjectUserSchema = v.object({
  id: v.string(),
  email: v.string(),
  name: v.optional(v.nullable(v.string()), ''),
  surname: v.optional(v.nullable(v.string()), ''),
})
export const ProjectUserListSchema = v.array(ProjectUserSchema)

/** `GET /projects/{name}/roles`; `default` is a boolean in the 2022 client's model, a string in 4.12's. */
export const RoleSchema = v.object({
  id: v.string(),
  name: v.string(),
  default: v.optional(v.nullable(v.union([v.boolean(), v.string()]))),
})
export const RoleListSchema = v.array(RoleSchema)

/** 2022 role assignment: per user, on an object (`object_type` project, deployment…) named `object_name`. */
export const RoleAssignment2022Schema = v.object({
  id: v.string(),
  user_id: v.string(),
  role: v.string(),
  object_name: v.optional(v.nullable(v.string())),
  object_type: v.optional(v.nullable(v.string())),
})

/** Current role assignment: an assignee (user or deployment) holds `role` on a resource of the project. */
export const RoleAssignmentCurrentSchema = v.object({
  id: v.string(),
  assignee: v.string(),
  assignee_type: v.string(),
  role: v.string(),
  resource: v.optional(v.nullable(v.string())),
  resource_type: v.optional(v.nullable(v.string())),
})

/**
 * A service user (ServiceUserList), both generations: 2022 answers `id, email, name, creation_date`;
 * the current generation adds `description`, `expiry_date` and `token_last_used` (null: never
 * expires, never used). Left out is not null: ./service-user-answers.ts keeps the difference.
 */
export const ServiceUserSchema = v.object({
  id: v.string(),
  email: v.string(),
  name: v.optional(v.nullable(v.string())),
  description: v.optional(v.nullable(v.string())),
  creation_date: v.string(),
  expiry_date: v.optional(v.nullable(v.string())),
  token_last_used: v.optional(v.nullable(v.string())),
})
/** A service user just created (ServiceUserTokenDetail): its token, shown this once. */
export const ServiceUserCreatedSchema = v.object({ ...ServiceUserSchema.entries, token: v.string() })
/** A reset token (ServiceUserTokenList). */
export const ServiceUserTokenSchema = v.object({ token: v.string() })
/** `GET /projects/{name}/audit`: one audit event, the same in both generations (AuditList). */
export const AuditEventSchema = v.object({
  id: v.string(),
  date: v.string(),
  action: v.string(),
  user: v.optional(v.nullable(v.string()), null),
  event: v.string(),
  object_type: v.string(),
  object_name: v.optional(v.nullable(v.string()), null),
})

/** The schema of each answer the dashboard reads through requestAnswer (./answers.ts). */
export const ANSWER_SCHEMAS = {
  organization: OrganizationSchema,
  organizationList: OrganizationListSchema,
  organizationDetail: OrganizationDetailSchema,
  resources: ResourcesSchema,
  voucher: VoucherSchema,
  project: ProjectSchema,
  projectList: ProjectListSchema,
  projectUserList: ProjectUserListSchema,
  roleList: RoleListSchema,
  roleAssignment2022: RoleAssignment2022Schema,
  roleAssignment2022List: v.array(RoleAssignment2022Schema),
  roleAssignmentCurrent: RoleAssignmentCurrentSchema,
  roleAssignmentCurrentList: v.array(RoleAssignmentCurrentSchema),
  serviceUserList: v.array(ServiceUserSchema),
  serviceUserCreated: ServiceUserCreatedSchema,
  serviceUserToken: ServiceUserTokenSchema,
  user: UserSchema,
  member: MemberSchema,
  memberList: v.array(MemberSchema),
  signInProvider: SignInProviderSchema,
  accessToken: AccessTokenSchema,
  auditEventList: v.array(AuditEventSchema),
}
export type AnswerKind = keyof typeof ANSWER_SCHEMAS
export type AnswerOf<K extends AnswerKind> = v.InferOutput<(typeof ANSWER_SCHEMAS)[K]>
