/**
 * Project names (shared/API.md, "Projects, access and audit"): the rules of organization names,
 * 1 to 64 characters, lowercase letters, digits and `-`, starting with a lowercase letter.
 */
import { ORGANIZATION_NAME_MAX_LENGTH, organizationNameProblem } from './organization'

export const PROJECT_NAME_MAX_LENGTH = ORGANIZATION_NAME_MAX_LENGTH

/** Why `name` is not an acceptable project name, as a sentence to show; null when it is. */
export function projectNameProblem(name: string): string | null {
  return organizationNameProblem(name)
}

/** The roles every project has (API.md): what a form offers before the project's own list is in. */
export const PROJECT_ROLES = ['project-admin', 'project-editor', 'project-viewer'] as const
