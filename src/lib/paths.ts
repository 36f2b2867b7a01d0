/**
 * The dashboard's own addresses: every link and navigation is built here, so that a route's
 * shape (src/app/router.tsx) and the URLs pointing at it cannot drift apart. Each function returns
 * a path (no origin); names and ids are encoded as one path segment each, so an organization
 * called `a/b` or `<x>` is still one segment.
 */
const segment = (value: string) => encodeURIComponent(value)

export const paths = {
  signIn: () => '/sign-in',
  /** Home: where signing in leads when there is nowhere else to go back to. */
  organizations: () => '/organizations',
  organization: (name: string) => `/organizations/${segment(name)}`,
  settings: (name: string) => `${paths.organization(name)}/settings`,
  usage: (name: string) => `${paths.organization(name)}/usage`,
  /** The printable monthly report; `period` as domain/report-periods.ts writes it (none: the current period). */
  usageReport: (name: string, period?: string | null) =>
    `${paths.usage(name)}/report${period ? `?period=${encodeURIComponent(period)}` : ''}`,
  /** The organization's projects. */
  projects: (name: string) => `${paths.organization(name)}/projects`,
  /** One project of the organization: its members and their roles. */
  project: (name: string, project: string) => `${paths.projects(name)}/${segment(project)}`,
  /** The members list, or one member's details beside it. */
  members: (name: string, userId?: string) =>
    `${paths.organization(name)}/members${userId === undefined ? '' : `/${segment(userId)}`}`,
}

/**
 * The path of the same sub-page (settings, members…) under another organization name, e.g.
 * `/organizations/acme/members/u-1` → `/organizations/beta/members/u-1`. A path outside the
 * old organization leads to the new organization's overview.
 */
export function pathUnderNewName(pathname: string, oldName: string, newName: string): string {
  const prefix = paths.organization(oldName)
  if (pathname !== prefix && !pathname.startsWith(`${prefix}/`)) return paths.organization(newName)
  return paths.organization(newName) + pathname.slice(prefix.length)
}
