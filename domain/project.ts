/**
 * Project names (shared/API.md, "Projects, access and audit": "names as organization names"; the
 * official clients' ProjectCreate allows 1 to 64 characters): the organization name rules, reused.
 */
import { organizationNameProblem } from './organization'

/** Why `name` is not an acceptable project name, as a sentence to show; null when it is. */
export const projectNameProblem = (name: string): string | null => organizationNameProblem(name)

/** The 400 sentence for a name a live project holds (project names are globally unique). */
export function projectNameTakenProblem(name: string): string {
  return `A project named "${name}" already exists; choose another name.`
}

/**
 * The 400 sentence for the name of a deleted project of the same organization: its usage is still
 * reported under that project, so the name stays with it (local rule).
 */
export function projectNameOfDeletedProblem(name: string, organization: string): string {
  return `"${name}" was the name of a deleted project of "${organization}", whose usage is still kept under it; choose another name.`
}

/** The roles every project offers (shared/API.md: at least these three), strongest first. */
export const PROJECT_ROLES = ['project-admin', 'project-editor', 'project-viewer'] as const
export type ProjectRole = (typeof PROJECT_ROLES)[number]

/** The role that lets its holder manage the project: its people, settings and credit limit. */
export const PROJECT_ADMIN: ProjectRole = 'project-admin'

/** The longest project name (the organization names' limit). */
export { ORGANIZATION_NAME_MAX_LENGTH as PROJECT_NAME_MAX_LENGTH } from './organization'
