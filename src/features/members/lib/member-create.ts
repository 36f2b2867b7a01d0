// What adding a member sends, declared once for the single add and the bulk add: the body of
// POST /organizations/{name}/users (OrganizationUserCreate in server/openapi.yaml, whose generated
// type is MemberCreate), with the rules the server applies to it (domain/email.ts).
import * as v from 'valibot'
import { emailProblem } from '../../../../domain/email'
import type { MemberCreate } from '../../../api/types'
import { rule } from '../../../components/ui/form-rules'

/**
 * The fields of the body, as valibot entries to build a form's schema from: the address is trimmed,
 * lowercased (emails compare case-insensitively) and checked by the server's rule, whose sentence
 * is the message; `admin` is true or false.
 */
export const memberCreateEntries = {
  email: v.pipe(v.string(), v.trim(), v.toLowerCase(), rule(emailProblem)),
  admin: v.boolean(),
}

/** The body itself: its output is exactly what the API takes. */
export const MemberCreateSchema = v.object(memberCreateEntries) satisfies v.GenericSchema<
  unknown,
  MemberCreate
>

/**
 * The body for one person, `{ email, admin }` (admin false when not given), through the same
 * schema. Throws valibot's ValiError when the address is not one the server would take: callers
 * send only what was checked (a reviewed bulk row, a valid form).
 */
export function memberCreateOf(person: { email: string; admin?: boolean }): MemberCreate {
  return v.parse(MemberCreateSchema, { email: person.email, admin: person.admin ?? false })
}
