/**
 * Email addresses for new input (shared/API.md, "Users": a valid address, compared case-insensitively).
 *
 * The rule is the WHATWG HTML "valid e-mail address" (what browsers check for `<input type=email>`,
 * https://html.spec.whatwg.org/multipage/input.html#valid-e-mail-address), made as strict as mail
 * systems are where WHATWG is lenient (RFC 5321/5322 dot-atom): the part before the @ may not
 * start or end with a dot nor hold two dots in a row, and the domain needs a dot (a top-level
 * domain). Invisible characters (zero-width space, joiners, direction marks, no-break spaces…)
 * are refused with a message that names the character and its position, since a person cannot
 * see what is wrong otherwise.
 *
 * Only new input is checked: addresses already stored are shown and matched as they are.
 */

export const EMAIL_MAX_LENGTH = 254

/** The WHATWG "valid e-mail address" pattern, as the HTML standard writes it. */
export const WHATWG_EMAIL_PATTERN =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/

const LOCAL_CHARACTER = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]$/
const DOMAIN_CHARACTER = /^[a-zA-Z0-9.-]$/

/** Characters that show as nothing (or as an ordinary space) but are not one. */
const INVISIBLE =
  /^[\p{Cf}\p{Cc}\p{Zl}\p{Zp}\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\u115F\u1160\u3164\uFFA0]$/u

const CHARACTER_NAMES: Record<number, string> = {
  0x00a0: 'no-break space',
  0x00ad: 'soft hyphen',
  0x034f: 'combining grapheme joiner',
  0x061c: 'arabic letter mark',
  0x180e: 'mongolian vowel separator',
  0x200b: 'zero width space',
  0x200c: 'zero width non-joiner',
  0x200d: 'zero width joiner',
  0x200e: 'left-to-right mark',
  0x200f: 'right-to-left mark',
  0x202a: 'left-to-right embedding',
  0x202b: 'right-to-left embedding',
  0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override',
  0x202e: 'right-to-left override',
  0x202f: 'narrow no-break space',
  0x2060: 'word joiner',
  0x2061: 'function application',
  0x2062: 'invisible times',
  0x2063: 'invisible separator',
  0x2064: 'invisible plus',
  0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate',
  0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate',
  0x3164: 'hangul filler',
  0xfeff: 'zero width no-break space',
}

/** `U+200B (zero width space)`: a character named so that a person can find it. */
export function describeCharacter(character: string): string {
  const code = character.codePointAt(0)!
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`
  const name = CHARACTER_NAMES[code]
  return name ? `${hex} (${name})` : hex
}

/** Why this part of the address is wrong, or null when nothing more precise than "invalid" can be said. */
function reason(email: string): string | null {
  const characters = Array.from(email)
  const at = characters.indexOf('@')
  for (const [index, character] of characters.entries()) {
    const position = index + 1
    if (INVISIBLE.test(character))
      return `it contains an invisible character ${describeCharacter(character)} at position ${position}`
    if (character === ' ') return `it contains a space at position ${position}`
    const allowed = at === -1 || index < at ? LOCAL_CHARACTER : DOMAIN_CHARACTER
    if (character !== '@' && !allowed.test(character))
      return `it contains "${character}" (${describeCharacter(character)}) at position ${position}, which ${index < at || at === -1 ? 'the part before the @' : 'a domain'} cannot hold`
  }
  if (at === -1) return null
  if (characters.lastIndexOf('@') !== at) return 'it has more than one @'
  const doubled = email.indexOf('..')
  if (doubled !== -1)
    return `it has two dots in a row at position ${Array.from(email.slice(0, doubled)).length + 1}`
  if (email.endsWith('.')) return 'it ends with a dot'
  const [local = '', domain = ''] = email.split('@')
  if (local === '') return 'it has nothing before the @'
  if (local.startsWith('.') || local.endsWith('.'))
    return 'the part before the @ cannot start or end with a dot'
  if (domain === '') return 'it has no domain after the @'
  if (!domain.includes('.')) return `its domain "${domain}" has no dot (as in example.com)`
  return null
}

/**
 * Why `email` is not acceptable as a new address, as a sentence to show; null when it is.
 * Give it trimmed (and lowercased if you compare it). Examples of refusals:
 * `"user@example.com." is not a valid email address: it ends with a dot.`,
 * `"a\u200Bb@x.com" is not a valid email address: it contains an invisible character U+200B (zero width space) at position 2.`
 */
export function emailProblem(email: string): string | null {
  if (email.length === 0) return 'Enter an email address.'
  if (email.length > EMAIL_MAX_LENGTH) return `Use at most ${EMAIL_MAX_LENGTH} characters.`
  const why = reason(email)
  if (why === null && WHATWG_EMAIL_PATTERN.test(email)) return null
  return `"${email}" is not a valid email address${why ? `: ${why}` : ''}.`
}

/** The form an address is stored and compared in: trimmed, lowercase. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase()
}
