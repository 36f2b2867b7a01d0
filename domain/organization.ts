/**
 * Organization names (shared/API.md, "Rules"): 1 to 64 characters, lowercase letters, digits and
 * `-`, starting with a lowercase letter. The same rule holds for a create and a rename.
 */

export const ORGANIZATION_NAME_MAX_LENGTH = 64
export const ORGANIZATION_NAME_PATTERN = /^[a-z][a-z0-9-]*$/

/** Why `name` is not an acceptable organization name, as a sentence to show; null when it is. */
export function organizationNameProblem(name: string): string | null {
  if (name.length === 0) return 'Enter a name.'
  if (name.length > ORGANIZATION_NAME_MAX_LENGTH)
    return `Use at most ${ORGANIZATION_NAME_MAX_LENGTH} characters (this one has ${name.length}).`
  if (!/^[a-z]/.test(name)) return 'Start the name with a lowercase letter.'
  if (!ORGANIZATION_NAME_PATTERN.test(name)) return 'Use only lowercase letters, digits and dashes (-).'
  return null
}

/** A rename: an acceptable name that differs from the current one; null when it is fine. */
export function renameProblem(newName: string, currentName: string): string | null {
  if (newName === currentName) return 'Enter a different name.'
  return organizationNameProblem(newName)
}

/** The 400 sentence for a name another organization holds (names are globally unique). */
export function nameTakenProblem(name: string): string {
  return `An organization named "${name}" already exists; choose another name.`
}
