// The sign-in page's first step checks its one field without react-hook-form and valibot: that
// page is a first page (bench/bytes.ts, at most 125 KB of gzip JavaScript), and those two are
// about 13 KB of it. The steps after it use them, loaded while POST /oauth/sign-in is answered.
import { emailProblem } from '../../../../domain/email'

/**
 * The email as the sign-in step sends it: trimmed, and checked with the rule the server and the
 * members forms use (domain/email.ts). `problem` is the sentence to show under the field, or null.
 */
export function checkSignInEmail(input: string): { email: string; problem: string | null } {
  const email = input.trim()
  return { email, problem: emailProblem(email) }
}
