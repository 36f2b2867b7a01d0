// The dashboard's own model of the API's answers, whichever generation sent them. Types are
// inferred from the run-time schemas (./schemas.ts); ./answers.ts turns a checked answer into these.
import type { InferOutput } from 'valibot'
import type { ApiGeneration } from '../../domain/generation'
import { USAGE_METRICS, USAGE_OBJECT_TYPES } from '../../domain/usage'
import type {
  AccessTokenSchema,
  MemberSchema,
  OrganizationDetailSchema,
  OrganizationSchema,
  ResourcesSchema,
  SignInProviderSchema,
  UsagePointSchema,
  UserSchema,
  VoucherSchema,
} from './schemas'

/** Which contract an answer follows: the 2022 one, or what the hosted API answers since Dec 2023. */
export type { ApiGeneration }

export type Organization = InferOutput<typeof OrganizationSchema>
export type OrganizationDetail = InferOutput<typeof OrganizationDetailSchema>
export type Resources = InferOutput<typeof ResourcesSchema>
export type Voucher = InferOutput<typeof VoucherSchema>
export type UsagePoint = InferOutput<typeof UsagePointSchema>
export type User = InferOutput<typeof UserSchema>
export type Member = InferOutput<typeof MemberSchema>
export type SignInProvider = InferOutput<typeof SignInProviderSchema>
export type AccessToken = InferOutput<typeof AccessTokenSchema>

// The metric list is declared once, in domain/, where the server reads it too.
export { USAGE_METRICS, USAGE_OBJECT_TYPES }
export type UsageMetric = (typeof USAGE_METRICS)[number]
export type UsageObjectType = (typeof USAGE_OBJECT_TYPES)[number]

/** One 2022 series: a metric of one object type. Series of metrics or types the dashboard does not know are left out. */
export interface UsageSeries {
  object_type: UsageObjectType
  metric: UsageMetric
  usage: UsagePoint[]
}

export interface ProjectUsage {
  id: string
  name: string
  /** Credits per bucket. */
  usage: UsagePoint[]
}

/** The usage answer of either generation, told apart by its shape. */
export type UsageAnswer =
  | { generation: '2022'; series: UsageSeries[] }
  | {
      generation: 'current'
      /** Credits of the whole organization per bucket: the projects' plus the deleted projects'. */
      organization: UsagePoint[]
      projects: ProjectUsage[]
      /** Credits of projects deleted since, together, per bucket. */
      deletedProjects: UsagePoint[]
    }

/** One deployment version's credits in a project's usage answer. */
export interface VersionUsage {
  deploymentId: string
  deploymentName: string
  versionId: string
  /** The version's name, e.g. `v4`. */
  version: string
  /** Credits per bucket. */
  usage: UsagePoint[]
}

/**
 * A project's usage answer (`GET /projects/{name}/usage`) of either generation, told apart by its
 * shape: 2022 as the organization's (per object type and metric), current credits per deployment
 * version. Source: API.md "Projects, access and audit", client 4.12.0 `ProjectUsage`.
 */
export type ProjectUsageAnswer =
  | { generation: '2022'; series: UsageSeries[] }
  | {
      generation: 'current'
      /** Credits of the whole project per bucket: its versions' plus the deleted versions'. */
      project: UsagePoint[]
      versions: VersionUsage[]
      /** Credits of deployment versions deleted since, together, per bucket. */
      deletedVersions: UsagePoint[]
    }

/**
 * The generation an organization list was answered in: `status` on its items is current (client
 * 4.4, Apr 2024); an empty list says nothing (null).
 */
export function listGeneration(organizations: readonly Organization[]): ApiGeneration | null {
  const first = organizations[0]
  if (!first) return null
  return first.status === undefined ? '2022' : 'current'
}

/** A project of an organization, whichever generation answered (./project-answers.ts). */
export interface Project {
  id: string
  name: string
  organizationName: string
  creationDate: string
  /** The generation of the API that answered: it decides the shape of role assignments. */
  generation: ApiGeneration
  /** The project's credit limit (current `credits`, 2022 `gb_seconds`), null for none. */
  creditLimit: number | null
  /** Stopped: its credits this subscription period reached its limit. */
  suspended: boolean
  /** The API's sentence naming the limit; null when not suspended or not given. */
  suspendedReason: string | null
}

/** A user of a project (an organization member added to it). */
export interface ProjectUser {
  id: string
  email: string
  name: string
  surname: string
}

/** A role that can be given in a project (`project-admin`, `project-editor`, `project-viewer`…). */
export interface ProjectRole {
  id: string
  name: string
}

/**
 * A user's role on a whole project: the 2022 per-user `{user_id, role, object_type: project}` and
 * the current `{assignee, assignee_type: user, role, resource_type: project}` alike. Assignments
 * on a deployment, pipeline or bucket, and those of deployments, are not project roles and are
 * left out.
 */
export interface RoleAssignment {
  id: string
  projectName: string
  userId: string
  role: string
}
