// The dashboard's names for the API's objects. They come from server/openapi.yaml through
// `npm run generate:api-types`, so the client and the server cannot drift apart.
import type { components } from './schema'

type Schemas = components['schemas']

export type User = Schemas['User']
export type Subscription = Schemas['Subscription']
export type Organization = Schemas['OrganizationList']
export type OrganizationDetail = Schemas['OrganizationDetail']
export type OrganizationUpdated = Schemas['OrganizationUpdated']
export type OrganizationCreate = Schemas['OrganizationCreate']
export type OrganizationUpdate = Schemas['OrganizationUpdate']
export type Resources = Schemas['Resources']
export type Member = Schemas['OrganizationUserDetail']
export type MemberCreate = Schemas['OrganizationUserCreate']
export type MemberUpdate = Schemas['OrganizationUserUpdate']
export type UsageInterval = Schemas['UsageInterval']
export type UsageObjectType = Schemas['UsageObjectType']
export type UsageMetric = Schemas['UsageMetric']
export type UsageBucket = Schemas['UsageBucket']
export type Usage = Schemas['Usage']
export type SignInProvider = Schemas['SignInProvider']
export type AccessToken = Schemas['AccessToken']
export type AuthorizeRequest = Schemas['AuthorizeRequest']
