// Puts a 400's sentence on the form fields it concerns. The local server names each problem's
// field (`name: …`, `subscription_end_date: …`, the API's own field names), so forms whose fields
// carry those names read it directly. Only an answer without those prefixes (the hosted API's
// messages) falls back to matching the words it uses, in `fieldOfMessage` below.

/** The request fields of the API that a 400 may name. */
const API_FIELD_PREFIX =
  /(?:^|\s)(subscription_start_date|subscription_end_date|subscription|name|email|admin|start_date|end_date|interval|voucher): /g

/** What the server said, split over the form's fields; what names no field of the form stays form-level. */
export interface ServerProblems<Field extends string> {
  byField: Partial<Record<Field, string>>
  formLevel: string | null
}

const sentence = (text: string) => {
  const trimmed = text.trim()
  return trimmed.charAt(0).toUpperCase() + trimmed.slice(1)
}

/**
 * Splits a 400's message over `fields` (API field names): `name: … subscription_end_date: …`
 * gives one sentence per field; a problem about a field the form does not have stays form-level,
 * with its prefix. A message without prefixes goes to the field its words name, else form-level.
 */
export function serverProblems<Field extends string>(
  message: string,
  fields: readonly Field[],
): ServerProblems<Field> {
  const known = fields as readonly string[]
  const byField: Record<string, string> = {}
  const rest: string[] = []
  const starts = [...message.matchAll(API_FIELD_PREFIX)]
  if (starts.length === 0) {
    const field = fieldOfMessage(message, fields)
    return field
      ? { byField: { [field]: message } as Partial<Record<Field, string>>, formLevel: null }
      : { byField: {}, formLevel: message }
  }
  const before = message.slice(0, starts[0]!.index).trim()
  if (before) rest.push(before)
  starts.forEach((match, index) => {
    const end = starts[index + 1]?.index ?? message.length
    const text = sentence(message.slice(match.index + match[0].length, end))
    const field = match[1]!
    if (known.includes(field)) byField[field] = byField[field] ? `${byField[field]} ${text}` : text
    else rest.push(`${field}: ${text}`)
  })
  return {
    byField: byField as Partial<Record<Field, string>>,
    formLevel: rest.length ? rest.join(' ') : null,
  }
}

/** The words by which a sentence of the hosted API, which names no field, concerns a field. */
const MENTIONS: [string, RegExp][] = [
  // The voucher first: "The voucher is not valid for this subscription" is about the voucher.
  ['voucher', /voucher/],
  // Dates first: "subscription_end_date" also contains "subscription".
  ['subscription_end_date', /subscription_end_date|end date/],
  ['subscription_start_date', /subscription_start_date|start date/],
  ['name', /\bname\b|organization_name|already (exists|taken|in use)|taken/],
  ['subscription', /subscription/],
  ['email', /e-?mail|address/],
]

/**
 * The fallback for the hosted API's messages: which of `fields` a sentence without field prefixes
 * is about, by the words it uses; null when it names none (it belongs to the form as a whole).
 */
export function fieldOfMessage<Field extends string>(
  message: string,
  fields: readonly Field[],
): Field | null {
  const text = message.toLowerCase()
  for (const [field, words] of MENTIONS)
    if ((fields as readonly string[]).includes(field) && words.test(text)) return field as Field
  return null
}
