// Service users in either generation, as the dashboard's model: the one place that knows the 2022
// answer has no expiry and no last use (shared/API.md, "Projects, access and audit").
import type { InferOutput } from 'valibot'
import type { ServiceUserSchema } from './schemas'

/**
 * A service user of a project. `expiryDate` and `tokenLastUsed` are ISO timestamps, null for
 * "never", and undefined where the API's generation does not give them (2022).
 */
export interface ServiceUser {
  id: string
  projectName: string
  name: string
  email: string
  description: string
  creationDate: string
  expiryDate: string | null | undefined
  tokenLastUsed: string | null | undefined
}

/** A ServiceUserList answer of `projectName` as the model; a service user without a name is named by its id. */
export function serviceUserOf(
  answer: InferOutput<typeof ServiceUserSchema>,
  projectName: string,
): ServiceUser {
  return {
    id: answer.id,
    projectName,
    name: answer.name || answer.id,
    email: answer.email,
    description: answer.description ?? '',
    creationDate: answer.creation_date,
    expiryDate: 'expiry_date' in answer ? (answer.expiry_date ?? null) : undefined,
    tokenLastUsed: 'token_last_used' in answer ? (answer.token_last_used ?? null) : undefined,
  }
}
