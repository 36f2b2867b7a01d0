// The sign-in forms' schemas (valibot), at module scope, for the steps after the email (their
// chunk loads while POST /oauth/sign-in is under way). The email step is in sign-in-email.ts.
import * as v from 'valibot'
import { normalizeToken } from '../../../api/auth-token'

export const passwordSchema = v.object({
  password: v.pipe(v.string(), v.nonEmpty('Enter your password.')),
  remember: v.boolean(),
})

/** RFC 6238 codes as authenticator apps show them: six digits (spaces, as some apps group them, are dropped). */
export const codeSchema = v.object({
  code: v.pipe(
    v.string(),
    v.transform((value) => value.replace(/\s+/g, '')),
    v.nonEmpty('Enter the 6-digit code from your authenticator app.'),
    v.regex(/^\d{6}$/, 'The code is 6 digits, as your authenticator app shows it.'),
  ),
})

/** The password and the code on one form, for an account the API has asked for a code (code-accounts.ts). */
export const passwordAndCodeSchema = v.object({ ...passwordSchema.entries, ...codeSchema.entries })

export const tokenSchema = v.object({
  token: v.pipe(v.string(), v.transform(normalizeToken), v.nonEmpty('Paste your API token.')),
  remember: v.boolean(),
})

export type PasswordInput = v.InferInput<typeof passwordSchema>
export type CodeInput = v.InferInput<typeof codeSchema>
export type PasswordAndCodeInput = v.InferInput<typeof passwordAndCodeSchema>
export type TokenInput = v.InferInput<typeof tokenSchema>
