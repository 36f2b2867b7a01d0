// The dashboard's names for the API's objects. What the dashboard sends (request bodies, the
// enumerations of the usage query) comes from server/openapi.yaml through
// `npm run generate:api-types`, so the client and the server cannot drift apart; what it reads is
// the model inferred from the answers' run-time schemas (./model.ts, checked in ./answers.ts).
import type { components } from './schema'

export type {
  AccessToken,
  Member,
  Organization,
  OrganizationDetail,
  Resources,
  SignInProvider,
  User,
} from './model'

type Schemas = components['schemas']

export type Subscription = Schemas['Subscription']
export type OrganizationCreate = Schemas['OrganizationCreate']
export type OrganizationUpdate = Schemas['OrganizationUpdate']
export type MemberCreate = Schemas['OrganizationUserCreate']
export type MemberUpdate = Schemas['OrganizationUserUpdate']
// The usage enumerations are declared once, in domain/usage.ts, where the server reads them too.
export type { UsageInterval } from '../../domain/usage'
export type { UsageMetric, UsageObjectType } from './model'
export type AuthorizeRequest = Schemas['AuthorizeRequest']
