// The glue between the rules of domain/ and react-hook-form's valibot resolver, and the one place
// where a server's refusal is put on the form (src/api/server-problems.ts reads it).
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form'
import * as v from 'valibot'
import { isApiError } from '../../api/client'
import { serverProblems } from '../../api/server-problems'
import { readNumber, type ReadNumberOptions } from '../../lib/parse-number'
import { errorMessageOf } from './query-state'

/**
 * A valibot check made of a domain rule `(value) => sentence | null`: the value passes when the
 * rule finds nothing, and the rule's own sentence is the message (so the form says what the server says).
 */
export function rule<T>(problemOf: (value: T) => string | null) {
  return v.check<T, (issue: v.CheckIssue<T>) => string>(
    (value) => problemOf(value) === null,
    (issue) => problemOf(issue.input) ?? '',
  )
}

/**
 * A number field's text read in the reader's locale (src/lib/parse-number.ts, the one parser):
 * null when nothing is typed, else the number; what cannot be read is an issue whose sentence
 * says how to write it. The typed text stays in the field either way.
 */
export function localeNumber(options?: ReadNumberOptions) {
  return v.rawTransform<string, number | null>(({ dataset, addIssue, NEVER }) => {
    const reading = readNumber(dataset.value, options)
    if (reading.status === 'problem') {
      addIssue({ message: reading.problem })
      return NEVER
    }
    return reading.status === 'empty' ? null : reading.value
  })
}

/**
 * A valibot check of a whole form made of a domain rule that names fields (`{ field: sentence }`,
 * the API's field names): one issue on each field it names, so each shows under its control.
 */
export function fieldRules<T extends Record<string, unknown>>(
  problemsOf: (value: T) => Partial<Record<string, string | null | undefined>>,
) {
  return v.rawCheck<T>(({ dataset, addIssue }) => {
    if (!dataset.typed) return
    for (const [key, message] of Object.entries(problemsOf(dataset.value)))
      if (message)
        addIssue({
          message,
          path: [{ type: 'object', origin: 'value', input: dataset.value, key, value: dataset.value[key] }],
        })
  })
}

/** Where a form shows what concerns it as a whole (react-hook-form's root errors). */
export const FORM_ERROR = 'root.server'

/**
 * Puts an API failure on the form: a 400's problems on the fields they name (`fields`: the form's
 * field names, which are the API's), the rest, and any other failure, form-level ({@link FORM_ERROR}).
 */
export function setServerErrors<T extends FieldValues>(
  error: unknown,
  fields: readonly Path<T>[],
  setError: UseFormSetError<T>,
): void {
  if (!isApiError(error, 400)) {
    setError(FORM_ERROR, { type: 'server', message: errorMessageOf(error) })
    return
  }
  const { byField, formLevel } = serverProblems(error.message, fields)
  for (const field of fields) {
    const message = byField[field]
    if (message) setError(field, { type: 'server', message })
  }
  if (formLevel) setError(FORM_ERROR, { type: 'server', message: formLevel })
}
